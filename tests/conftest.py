"""Shared fixtures: real SQLite files in a temporary folder, the real CLI, the seed articles."""

from __future__ import annotations

import gc
import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from tests import memory_folder
from workbench.cli import main
from workbench.store.database import Database, open_database

REPO_ROOT = Path(__file__).resolve().parents[1]
SEEDS_DIR = REPO_ROOT / "seeds"
SHARED_DIR = REPO_ROOT.parent / "shared"

# One OpenMP thread per CTranslate2 model: pytest-xdist already runs one worker per core, and
# CTranslate2's default of 4 threads per model oversubscribes the cores, where OpenMP's threads
# spin waiting for each other (docs/testing.md, "Timings"). Set before ctranslate2 is loaded;
# subprocesses of the tests inherit it. A value set by the developer wins.
os.environ.setdefault("OMP_NUM_THREADS", "1")

# Fixture plugins of single areas (each module's docstring says what it provides).
pytest_plugins = ["tests.mt_fixtures", "tests.pg_fixtures", "tests.templates"]


@dataclass
class Cli:
    """Runs `workbench` in-process against one database, as one user."""

    db_url: str
    user: str = "alice"

    def __call__(self, *args: str, user: str | None = None, input: str | None = None) -> Result:
        runner = CliRunner()
        return runner.invoke(
            main,
            ["--db", self.db_url, "--user", user or self.user, *args],
            input=input,
            catch_exceptions=False,
        )

    def json_lines(self, *args: str) -> list[dict[str, Any]]:
        result = self(*args)
        assert result.exit_code == 0, result.output
        return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


# What a run's temporary files may take in memory, with room to spare: each run writes about
# 0.9 GB (model copies, the 50 MB and 10 MB inputs, exports, databases) in some 8,000 files.
TEMPORARY_FREE_BYTES = 4 * 1024**3
TEMPORARY_FILES = 50_000


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    """Temporary files in memory (tmpfs) where there is room, unless TMPDIR or --basetemp says
    where: every `tmp_path`, the templates, the model copies, the exports and the databases of
    the run. On this machine's virtual disk, writing them and having the kernel write them back,
    the fsyncs of every export and SQLite checkpoint, and deleting them again took 8-16 s of a
    3 min 48 s run (docs/testing.md). Set before anything asks `tempfile` where to write; the
    pytest-xdist workers inherit it. A passed test's `tmp_path` is removed as it ends
    (`tmp_path_retention_policy = "failed"` in pyproject.toml), so memory holds one run at most."""
    if hasattr(config, "workerinput") or "TMPDIR" in os.environ or config.option.basetemp:
        return
    if memory_folder.memory_has_room(TEMPORARY_FREE_BYTES, TEMPORARY_FILES):
        os.environ["TMPDIR"] = str(memory_folder.MEMORY_FOLDER)
        tempfile.tempdir = None  # asked again, from TMPDIR


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The `longest` tests first, then those that type into the app in tmux, then the rest in
    their order. pytest-xdist gives each worker a run of the collected order and the others take
    from its end when they run out, so a long test collected late could start late and run on
    alone while the other workers had nothing left to do: the 100,000-files test (half a
    minute), collected a third of the way in, and the tmux tests (2 to 9 s each, waiting on the
    app), collected last, which kept one worker busy for 8 s after the other two had stopped."""
    items.sort(key=_start_rank)


def _start_rank(item: pytest.Item) -> int:
    if item.get_closest_marker("longest") is not None:
        return 0
    return 1 if "tmux" in getattr(item, "fixturenames", ()) else 2


@pytest.fixture(scope="session", autouse=True)
def _frozen_heap() -> Iterator[None]:
    """Leave the modules' objects out of the garbage collector's full passes.

    A full collection walks every tracked object: with Textual, SQLAlchemy, pytest and the
    workbench loaded that is some 300,000, about half a second a pass, and building and tearing
    down an app or a database per test sets off dozens of passes (16 s of a 83 s run of
    test_claim_form.py). What is alive once the first test starts (the imported modules, the
    session fixtures) lives to the end of the session anyway: `gc.freeze` moves it out of the
    collector's sight; what the tests create afterwards is collected as before.

    The youngest generation is also collected after 50,000 net allocations instead of 700: a
    test builds and drops tens of thousands of objects (widgets, rows, compiled statements)
    that reference counting frees, and each young pass walks them for nothing. A tenth less CPU
    on the Pilot, claims and exchange tests (docs/testing.md); cycles are still collected.

    At the end the heap stays frozen, and what the session left is collected once and frozen
    too: pytest then collects five times over (to report exceptions raised in finalizers), and
    over the whole heap of a worker (some 700,000 objects) those passes took the last worker
    2 to 4 s while the run waited for it (docs/testing.md)."""
    thresholds = gc.get_threshold()
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, *thresholds[1:])
    yield
    gc.set_threshold(*thresholds)
    gc.collect()
    gc.freeze()


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Never read the developer's own config, database or user from the environment."""
    monkeypatch.setenv("WORKBENCH_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))  # the TUI's recovery journal
    for name in ("WORKBENCH_DB", "WORKBENCH_USER", "WORKBENCH_BIDI"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "workbench.sqlite"


@pytest.fixture
def db_url(db_path: Path, request: pytest.FixtureRequest) -> str:
    """A fresh SQLite file; with WORKBENCH_TEST_BACKEND=postgresql, a fresh PostgreSQL database
    (the whole suite then runs on PostgreSQL, see tests/pg_fixtures.py)."""
    if os.environ.get("WORKBENCH_TEST_BACKEND") == "postgresql":
        url: str = request.getfixturevalue("postgres_url")
        return url
    return f"sqlite:///{db_path}"


@pytest.fixture
def cli(db_url: str) -> Cli:
    return Cli(db_url)


def build_migrated(url: str) -> None:
    """A new database at this version's schema (the template of `database`)."""
    open_database(url).dispose()


def build_seeded_by_cli(url: str) -> None:
    """The seeds imported by `workbench import` as alice (the template of `seeded_cli`)."""
    result = Cli(url)("import", str(SEEDS_DIR))
    assert result.exit_code == 0, result.output


@pytest.fixture
def database(db_url: str, request: pytest.FixtureRequest) -> Iterator[Database]:
    """The database at `db_url`, created at this version's schema (a copy of a template)."""
    from tests.templates import open_test_database

    database = open_test_database(request, db_url)
    yield database
    database.dispose()


@pytest.fixture
def seeded_cli(cli: Cli, request: pytest.FixtureRequest) -> Cli:
    """`cli` on a database holding the seed articles, as `workbench import seeds/` leaves it."""
    from tests.templates import release_open_databases, restore_template

    release_open_databases(request)
    restore_template(request, "seeded-cli", build_seeded_by_cli, cli.db_url)
    return cli
