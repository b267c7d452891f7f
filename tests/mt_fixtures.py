"""Machine-translation fixtures: the test model installed in a temporary ARGOS_PACKAGES_DIR.

Registered for the whole suite from tests/conftest.py. Every test gets an empty packages folder of
its own (so no test ever sees the developer's real packages); a test that wants a model asks for
`argos_model`, which points ARGOS_PACKAGES_DIR at a folder holding the test model.

The test model decodes a seed sentence in about 55 ms of CPU (all 106 seed segments: ~6 s, the
bulk of the MT tests' time). A test whose property does not depend on how many sentences are
translated works on one or two seed articles instead (`FEW_SEEDS`, `few_seeds_cli`,
`short_seed_cli`...), and says why.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from tests.conftest import Cli
from workbench.mt.packages import InstalledModel, find_ar_en_model, find_model

FIXTURES_DIR = Path(__file__).resolve().parent / "fixtures"
TOY_MODEL_FILE = FIXTURES_DIR / "translate-ar_en-toy.argosmodel"

SEED_FILES = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))
# Two of the five seed articles, 39 of the 106 segments: seeds/000 (17 segments; it opens with one
# paragraph twice, the seeds' one repeated sentence, which MT reuse and the translation memory
# need) and seeds/002 (22 short segments, the quickest of the seeds to translate). Two documents,
# so that work spanning documents (the app's open document first, then the rest) still spans them.
FEW_SEEDS = (SEED_FILES[0], SEED_FILES[2])
# seeds/002 alone (22 short segments): for tests where one document is as good as several.
SHORT_SEED = (SEED_FILES[2],)
# seeds/001 (34 segments, no sentence repeated): for tests counting segments stored in whole
# batches; a repeated sentence is stored with the batch of its first copy, one segment more.
UNREPEATED_SEEDS = (SEED_FILES[1],)


@pytest.fixture(autouse=True)
def argos_packages_dir(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """An empty packages folder for this test, as ARGOS_PACKAGES_DIR (outside its tmp_path, which
    tests may list)."""
    directory = tmp_path_factory.mktemp("argos-packages")
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(directory))
    return directory


@pytest.fixture(scope="session")
def argos_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A packages folder with the test model, unzipped once per session as argostranslate does.

    Shared by every test that uses it: tests that install or remove packages use their own
    `argos_packages_dir` instead.
    """
    directory = tmp_path_factory.mktemp("argos-model")
    with zipfile.ZipFile(TOY_MODEL_FILE) as archive:
        archive.extractall(directory)  # what argostranslate.package.install_from_path does
    return directory


@pytest.fixture
def argos_model(
    argos_model_dir: Path, argos_packages_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> InstalledModel:
    """The installed test model; ARGOS_PACKAGES_DIR points at it for this test."""
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(argos_model_dir))
    model = find_ar_en_model()
    assert model is not None and model.is_test_model, f"no test model in {argos_model_dir}"
    return model


CT2_NAME = "opus-mt-ar-en"  # as OPUS-MT names it: the languages are read from the name


@pytest.fixture(scope="session")
def ct2_folder(argos_model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A CTranslate2 model folder as `ct2-transformers-converter` leaves an OPUS-MT model, built
    from the test model: its `model/` files, its sentencepiece.model as both source.spm and
    target.spm, and `add_source_eos` false in config.json (that converter's default: the caller
    appends `</s>`; the Argos package was converted with CTranslate2 appending it)."""
    return marian_folder(argos_model_dir, tmp_path_factory.mktemp("ct2-source"), engine_eos=False)


def marian_folder(argos_model_dir: Path, parent: Path, *, engine_eos: bool) -> Path:
    """The test model as a CTranslate2 folder; `engine_eos`: CTranslate2 appends `</s>` itself
    (as `ct2-marian-converter` leaves one) or the caller does (`ct2-transformers-converter`)."""
    package = next(p for p in argos_model_dir.iterdir() if p.is_dir())
    folder = parent / CT2_NAME
    shutil.copytree(package / "model", folder)
    for name in ("source.spm", "target.spm"):
        shutil.copyfile(package / "sentencepiece.model", folder / name)
    config_file = folder / "config.json"
    config = json.loads(config_file.read_text(encoding="utf-8"))
    config["add_source_eos"] = engine_eos
    config_file.write_text(json.dumps(config), encoding="utf-8")
    return folder


@pytest.fixture
def ct2_model(argos_packages_dir: Path, ct2_folder: Path) -> InstalledModel:
    """The CTranslate2 folder installed (with `workbench models install`'s code) in this test's
    own packages folder, alone there."""
    from workbench.mt.ct2_folder import check_folder, install_folder

    install_folder(check_folder(ct2_folder), argos_packages_dir)
    return find_model(CT2_NAME)


@pytest.fixture
def few_seeds_cli(cli: Cli, request: pytest.FixtureRequest) -> Cli:
    """`cli` on a database holding `FEW_SEEDS`, as `workbench import` of them by alice leaves it."""
    from tests.templates import release_open_databases, restore_seed_files

    release_open_databases(request)
    restore_seed_files(request, cli.db_url, FEW_SEEDS)
    return cli


@pytest.fixture
def unrepeated_seeds_cli(cli: Cli, request: pytest.FixtureRequest) -> Cli:
    """`cli` on a database holding `UNREPEATED_SEEDS`, as `workbench import` by alice leaves it."""
    from tests.templates import release_open_databases, restore_seed_files

    release_open_databases(request)
    restore_seed_files(request, cli.db_url, UNREPEATED_SEEDS)
    return cli


@pytest.fixture
def short_seed_cli(cli: Cli, request: pytest.FixtureRequest) -> Cli:
    """`cli` on a database holding `SHORT_SEED`, as `workbench import` by alice leaves it."""
    from tests.templates import release_open_databases, restore_seed_files

    release_open_databases(request)
    restore_seed_files(request, cli.db_url, SHORT_SEED)
    return cli
