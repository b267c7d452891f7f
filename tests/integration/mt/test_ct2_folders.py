"""CTranslate2 model folders (OPUS-MT/Marian conversions): install, list, choose, remove, translate.

The folder is built from the test model (tests/mt_fixtures.py: `ct2_folder`); every test runs the
real checks and the real CTranslate2 path. No test depends on the test model's exact words.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.conftest import SHARED_DIR, Cli
from tests.mt_archives import TOP
from tests.mt_fixtures import CT2_NAME, TOY_MODEL_FILE, marian_folder
from workbench.config import load_settings
from workbench.mt.engine import get_engine
from workbench.mt.packages import InstalledModel
from workbench.store.database import Database
from workbench.store.models import Origin, Revision

ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")
NTREX_AR = SHARED_DIR / "corpora" / "ntrex-ar-en" / "ar.txt"


def test_install_both_kinds_list_default_remove(
    cli: Cli, argos_packages_dir: Path, ct2_folder: Path
) -> None:
    installed = cli("models", "install", str(ct2_folder))
    assert installed.exit_code == 0, installed.output
    assert f"as {CT2_NAME}" in installed.stdout
    toy = cli("models", "install", str(TOY_MODEL_FILE))
    assert toy.exit_code == 0 and f"models default {TOP}" in toy.stdout, toy.output
    # Two ar→en models, none chosen yet: a test model never ranks above another model.
    listing = {row["name"]: row for row in cli.json_lines("models", "list", "--json")}
    assert set(listing) == {TOP, CT2_NAME}
    folder = listing[CT2_NAME]
    assert (folder["kind"], folder["from"], folder["to"]) == ("ctranslate2", "ar", "en")
    assert re.fullmatch(r"0\+sha256\.[0-9a-f]{12}", folder["version"])
    source_size = sum(p.stat().st_size for p in ct2_folder.iterdir())
    assert source_size < folder["size"] < source_size + 4096  # + our metadata.json
    assert listing[TOP]["kind"] == "argos" and listing[TOP]["size"] > 1_000_000
    assert (listing[CT2_NAME]["default"], listing[TOP]["default"]) == (True, False)

    assert cli("models", "default", TOP).exit_code == 0
    assert {r["name"]: r["default"] for r in cli.json_lines("models", "list", "--json")} == {
        TOP: True,
        CT2_NAME: False,
    }
    assert cli("models", "default", CT2_NAME).exit_code == 0
    text = cli("models", "list").stdout
    assert re.search(rf"^\* {re.escape(CT2_NAME)}\s+ctranslate2\s+ar→en", text, re.M), text
    missing = cli("models", "default", "nope")
    assert missing.exit_code == 4 and CT2_NAME in missing.stderr and TOP in missing.stderr

    removed = cli("models", "remove", CT2_NAME)
    assert removed.exit_code == 0 and f"MT now uses {TOP}" in removed.stdout
    assert sorted(p.name for p in argos_packages_dir.iterdir() if not p.name.startswith(".")) == [
        TOP
    ]
    assert cli("models", "remove", CT2_NAME).exit_code == 4


def test_argostranslate_still_reads_the_folder(ct2_model: InstalledModel) -> None:
    """argostranslate scans the same folder: the CTranslate2 model must not break it, and it
    must not be taken for an Argos translation package."""
    from argostranslate.package import get_installed_packages

    [package] = get_installed_packages([ct2_model.path.parent])  # type: ignore[arg-type]
    assert package.type == "ctranslate2"


def test_languages_given_or_refused(
    cli: Cli, argos_packages_dir: Path, ct2_folder: Path, tmp_path: Path
) -> None:
    anonymous = tmp_path / "my-model"
    shutil.copytree(ct2_folder, anonymous)
    refused = cli("models", "install", str(anonymous))
    assert refused.exit_code == 2 and "--from ar --to en" in refused.stderr
    wrong = cli("models", "install", str(anonymous), "--from", "fr", "--to", "en")
    assert wrong.exit_code == 2 and "fr→en" in wrong.stderr
    assert _installed(argos_packages_dir) == []
    named = cli("models", "install", str(anonymous), "--from", "ar", "--to", "en", "--name", "mine")
    assert named.exit_code == 0, named.output
    assert _installed(argos_packages_dir) == ["mine"]


def _installed(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir())


def _without(name: str) -> object:
    def spoil(folder: Path) -> None:
        (folder / name).unlink()

    return spoil


def _corrupt_model(folder: Path) -> None:
    data = (folder / "model.bin").read_bytes()
    (folder / "model.bin").write_bytes(data[: len(data) // 3])


def _garbage_spm(folder: Path) -> None:
    (folder / "target.spm").write_bytes(b"not a sentencepiece model")


def _link_to_device(folder: Path) -> None:
    (folder / "target.spm").unlink()
    (folder / "target.spm").symlink_to("/dev/zero")  # copying it would never end


def _not_a_model(folder: Path) -> None:
    for path in folder.iterdir():
        path.unlink()
    (folder / "notes.txt").write_text("holiday photos\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (_without("source.spm"), "source.spm is missing"),
        (_without("target.spm"), "target.spm is missing"),
        (_corrupt_model, "CTranslate2 cannot load the model"),
        (_garbage_spm, "unreadable"),
        (_not_a_model, "not a CTranslate2 model folder"),
        (_without("config.json"), "config.json is missing"),
        (_without("shared_vocabulary.json"), "no vocabulary"),
        (_link_to_device, "target.spm is a symbolic link"),
    ],
    ids=[
        "no-source-spm",
        "no-target-spm",
        "corrupt-bin",
        "bad-spm",
        "not-a-model",
        "no-config",
        "no-vocab",
        "link-to-device",
    ],
)
def test_bad_folders_refused_with_nothing_installed(
    cli: Cli,
    argos_packages_dir: Path,
    ct2_folder: Path,
    tmp_path: Path,
    spoil: object,
    message: str,
) -> None:
    folder = tmp_path / CT2_NAME
    shutil.copytree(ct2_folder, folder)
    spoil(folder)  # type: ignore[operator]
    result = cli("models", "install", str(folder))
    assert result.exit_code == 2, result.output
    assert message in result.stderr and str(folder) in result.stderr
    assert "nothing was installed" in result.stderr
    assert _installed(argos_packages_dir) == []  # no staging folder left behind either


def test_translate_with_either_model_records_which(
    seeded_cli: Cli,
    database: Database,
    argos_packages_dir: Path,
    argos_model_dir: Path,
    ct2_folder: Path,
) -> None:
    assert seeded_cli("models", "install", str(TOY_MODEL_FILE)).exit_code == 0
    assert seeded_cli("models", "install", str(ct2_folder)).exit_code == 0
    # A few segments each: which model made a translation is recorded alike for every one.
    first = seeded_cli("translate", "--model", TOP, "--limit", "5")
    assert first.exit_code == 0, first.output
    assert "TEST MODEL" in first.stderr
    second = seeded_cli("translate", "--limit", "5")  # the default: the CTranslate2 folder
    assert CT2_NAME in second.stderr
    assert second.exit_code == 0, second.output
    with database.read() as session:
        made = session.execute(
            select(
                Revision.mt_package, Revision.mt_version, Revision.mt_score, Revision.text
            ).where(Revision.origin == Origin.MT.value)
        ).all()
    by_package: dict[str, list[tuple[str, float]]] = {}
    for package, version, score, text in made:
        by_package.setdefault(package, []).append((version, score, text))
    assert set(by_package) == {CT2_NAME, TOP}
    for rows in by_package.values():
        assert len({version for version, _, _ in rows}) == 1
        assert all(0 < score <= 1 and ENGLISH_WORD.search(text) for _, score, text in rows)
    unknown = seeded_cli("translate", "--model", "nope")
    assert unknown.exit_code == 4 and CT2_NAME in unknown.stderr


@pytest.mark.parametrize("engine_eos", [False, True], ids=["transformers-conv", "marian-conv"])
def test_ct2_folder_reads_the_end_token_once_whoever_adds_it(
    engine_eos: bool,
    argos_model_dir: Path,
    argos_packages_dir: Path,
    tmp_path: Path,
) -> None:
    """One `</s>` after the source, whichever converter made the folder: the same weights then give
    the Argos package's very words and scores (a second `</s>` changes them)."""
    from workbench.mt.ct2_folder import check_folder, install_folder

    folder = marian_folder(argos_model_dir, tmp_path, engine_eos=engine_eos)
    install_folder(check_folder(folder), argos_packages_dir)
    shutil.copytree(argos_model_dir / TOP, argos_packages_dir / TOP)
    settings = load_settings()
    ct2, argos = get_engine(settings, CT2_NAME), get_engine(settings, TOP)
    assert ct2.model.kind == "ctranslate2" and argos.model.kind == "argos"
    tokens = ct2.encode_source("أنا أحب القطط.")
    assert tokens.count("</s>") == (0 if engine_eos else 1)
    sentences = [line for line in NTREX_AR.read_text(encoding="utf-8").splitlines()[:12] if line]
    by_ct2, by_argos = ct2.translate_scored(sentences), argos.translate_scored(sentences)
    assert [s.text for s in by_ct2] == [s.text for s in by_argos]
    assert [s.score for s in by_ct2] == pytest.approx([s.score for s in by_argos], abs=1e-4)
    assert all(ENGLISH_WORD.search(s.text) and "</s>" not in s.text for s in by_ct2)
