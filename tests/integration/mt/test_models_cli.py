"""`workbench models list|install` and the state of the workbench without any model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Cli
from tests.mt_archives import TOP, with_metadata
from tests.mt_fixtures import TOY_MODEL_FILE
from workbench.mt.packages import MISSING_MODEL_HELP, InstalledModel


def test_install_then_list(cli: Cli, argos_packages_dir: Path) -> None:
    installed = cli("models", "install", str(TOY_MODEL_FILE))
    assert installed.exit_code == 0, installed.output
    assert "TEST MODEL 0.1" in installed.stdout

    [listing] = cli.json_lines("models", "list", "--json")
    size = listing.pop("size")
    assert listing == {
        "name": TOP,
        "kind": "argos",
        "from": "ar",
        "to": "en",
        "version": "0.1",
        "path": str(argos_packages_dir / TOP),
        "test_model": True,
        "default": True,
        "used": True,
    }
    files = (p for p in (argos_packages_dir / TOP).rglob("*") if p.is_file())
    assert size == sum(p.stat().st_size for p in files)
    text = cli("models", "list").stdout
    assert "ar→en" in text and str(argos_packages_dir) in text and "not for real use" in text


def test_bad_file_exits_2_and_installs_nothing(
    cli: Cli, tmp_path: Path, argos_packages_dir: Path
) -> None:
    wrong = with_metadata(tmp_path / "fr_en.argosmodel", from_code="fr")
    result = cli("models", "install", str(wrong))
    assert result.exit_code == 2
    assert "translates fr→en" in result.stderr and "nothing was installed" in result.stderr
    assert list(argos_packages_dir.iterdir()) == []


def test_sha256_is_checked(cli: Cli, argos_packages_dir: Path) -> None:
    assert cli("models", "install", str(TOY_MODEL_FILE), "--sha256", "abc").exit_code == 2
    mismatch = cli("models", "install", str(TOY_MODEL_FILE), "--sha256", "f" * 64)
    assert mismatch.exit_code == 2 and "sha256 is" in mismatch.stderr
    assert list(argos_packages_dir.iterdir()) == []


def test_broken_package_folder_is_named_not_fatal(
    cli: Cli, argos_packages_dir: Path, argos_model: InstalledModel
) -> None:
    # argos_model points ARGOS_PACKAGES_DIR elsewhere; point it back at a folder we may spoil.
    (argos_packages_dir / "half-unzipped").mkdir()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ARGOS_PACKAGES_DIR", str(argos_packages_dir))
        result = cli("models", "list")
    assert result.exit_code == 0
    assert "broken package folder" in result.stderr and "half-unzipped" in result.stderr
    assert "models install" in result.stdout  # no usable model there: says how to get one


def test_without_a_model_the_rest_works_and_translate_says_what_to_do(seeded_cli: Cli) -> None:
    listing = seeded_cli("models", "list")
    assert listing.exit_code == 0
    assert "workbench models install translate-ar_en-1_0.argosmodel --sha256" in listing.stdout

    result = seeded_cli("translate")
    assert result.exit_code == 1
    assert result.stderr == f"error: {MISSING_MODEL_HELP}\n"

    edited = seeded_cli("edit", "3", "--text", "Polling stations closed.")
    assert edited.exit_code == 0
    rows = seeded_cli.json_lines("segments", "--json")
    assert len(rows) == 106 and all(row["mt"] is None for row in rows)


@pytest.mark.slow
def test_installed_layout_is_what_argostranslate_makes(
    cli: Cli, tmp_path: Path, argos_packages_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Our installer and argos' own give the same files, and argos finds ours."""
    from argostranslate import package, settings

    assert cli("models", "install", str(TOY_MODEL_FILE)).exit_code == 0
    theirs = tmp_path / "argos-own"
    theirs.mkdir()
    monkeypatch.setattr(settings, "package_data_dir", theirs)
    package.install_from_path(TOY_MODEL_FILE)  # imports argostranslate.translate: slow

    def tree(root: Path) -> dict[str, bytes]:
        return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}

    assert tree(argos_packages_dir) == tree(theirs)
    found = package.get_installed_packages([argos_packages_dir])
    assert [(p.from_code, p.to_code, p.package_version) for p in found] == [("ar", "en", "0.1")]


def test_models_help() -> None:
    from click.testing import CliRunner

    from workbench.cli import main

    for command in (["models"], ["models", "install"], ["models", "download"], ["translate"]):
        result = CliRunner().invoke(main, [*command, "--help"])
        assert result.exit_code == 0 and "Usage:" in result.output, command


def test_list_json_is_empty_without_packages(cli: Cli) -> None:
    result = cli("models", "list", "--json")
    assert result.exit_code == 0
    assert [json.loads(line) for line in result.stdout.splitlines()] == []
