"""Template databases: each kind of starting database is built once per test session and copied
for every test that starts from it, instead of being migrated (and seeded) again each time.

A SQLite template is a file, copied with `shutil.copyfile` (its WAL is checkpointed into the file
once, after it is built). A PostgreSQL template is a database on the session's server, copied with
`CREATE DATABASE ... TEMPLATE`. Either way a test gets its own database with exactly what a fresh
build would hold; only the timestamps are those of the first build.

Under pytest-xdist every worker is a session of its own. The SQLite templates are shared by the
workers of one run: they live in the run's common temporary folder and the first worker to need
one builds it under a file lock while the others wait, then copy it. PostgreSQL templates live on
the run's one server (tests/pg_fixtures.py), which the workers share, and are built once per run
the same way.

`restore_template(request, name, build, url)` makes the database at `url` a copy of the template
`name`, calling `build(template_url)` the first time a session needs that template. Nothing may
hold a connection to `url` while it is replaced: `release_open_databases` disposes of the
`database` / `any_database` fixtures of the test first. Builders run inside the first test that
needs them, after its environment is isolated (tests/conftest.py), so they see no user's config.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from filelock import FileLock
from sqlalchemy.engine import make_url

from tests.pg_fixtures import PostgresServer, create_database_sql
from workbench.store.database import Database, create_engine_for, open_database

Builder = Callable[[str], None]  # fills the (new) database at the URL it is given
OPEN_DATABASE_FIXTURES = ("database", "any_database")


class Templates:
    """The templates this session has built, per backend."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.built: set[tuple[str, str]] = set()

    def sqlite(self, name: str, build: Builder, target: Path) -> None:
        template = self.folder / f"{name}.sqlite"
        if ("sqlite", name) not in self.built:
            self._build_sqlite_once(template, build)
            self.built.add(("sqlite", name))
        for suffix in ("-wal", "-shm"):  # left by a database opened there before
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(template, target)

    def _build_sqlite_once(self, template: Path, build: Builder) -> None:
        """Build the template unless another worker of this run has: the `.done` mark is written
        only after the build and its checkpoint, under the same lock."""
        done = template.with_name(f"{template.name}.done")
        with FileLock(template.with_name(f"{template.name}.lock")):
            if done.exists():
                return
            template.unlink(missing_ok=True)
            build(f"sqlite:///{template}")
            _checkpoint(template)
            done.touch()

    def postgres(self, name: str, build: Builder, server: PostgresServer, target: str) -> None:
        template = f"template_{name.replace('-', '_')}"
        if ("postgresql", name) not in self.built:
            self._build_postgres_once(template, build, server)
            self.built.add(("postgresql", name))
        connection = server.admin()
        # Engines of in-process CLI calls may still hold idle connections to either side.
        connection.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            (template,),
        )
        connection.execute(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')
        connection.execute(create_database_sql(connection, target, template))

    def _build_postgres_once(self, template: str, build: Builder, server: PostgresServer) -> None:
        """Build the template unless another worker has, on this same server (the workers of a
        run share it): the `.done` mark names the server and is written after the build."""
        done = self.folder / f"{template}.postgres.done"
        with FileLock(self.folder / f"{template}.postgres.lock"):
            if done.exists() and done.read_text() == str(server.folder):
                return
            server.drop_database(template)
            build(server.create_database(template))
            done.write_text(str(server.folder))


def _checkpoint(path: Path) -> None:
    """Move everything committed in the WAL into the file itself, so that a copy of the file
    alone holds it all."""
    connection = sqlite3.connect(path)
    try:
        busy, frames, done = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        connection.close()
    assert busy == 0 and frames in (done, -1, 0), f"{path}: WAL not checkpointed"


@pytest.fixture(scope="session")
def database_templates(tmp_path_factory: pytest.TempPathFactory) -> Templates:
    """This run's templates: under xdist in the folder all workers share (the parent of each
    worker's own base folder), else in the session's."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        folder = base.parent / "templates"
        folder.mkdir(exist_ok=True)
        return Templates(folder)
    return Templates(tmp_path_factory.mktemp("templates"))


# Fixtures that replace the test's database by a copy of another template after `database` or
# `any_database` opened it (each calls release_open_databases first). With one of them in the
# test those two only make the Database, without copying the "migrated" template and checking
# its schema first: that copy was thrown away (on PostgreSQL a CREATE DATABASE, a server process
# and a DROP for nothing; 28 of 169 PostgreSQL tests of a sample).
REPLACING_FIXTURES = (
    "seeded_cli",
    "any_seeded_cli",
    "desk",
    "seeded_database",
    "few_seeds_database",
    "few_seeds_cli",
    "unrepeated_seeds_cli",
    "short_seed_cli",
)


def open_test_database(request: pytest.FixtureRequest, url: str) -> Database:
    """The Database of the `database` and `any_database` fixtures: a copy of the "migrated"
    template opened as the workbench opens it; where a fixture of REPLACING_FIXTURES replaces
    it later, the Database alone, which connects on first use (to the replacement, a copy of a
    template built by the workbench at this version's schema)."""
    from tests.conftest import build_migrated

    if any(name in request.fixturenames for name in REPLACING_FIXTURES):
        return Database.from_engine(create_engine_for(url))
    restore_template(request, "migrated", build_migrated, url)
    return open_database(url)


def release_open_databases(request: pytest.FixtureRequest) -> None:
    """Close the pooled connections of this test's open `Database` fixtures (they reconnect on
    next use, then to the copied database)."""
    for name in OPEN_DATABASE_FIXTURES:
        if name in request.fixturenames:
            database: Database = request.getfixturevalue(name)
            database.dispose()


def restore_template(request: pytest.FixtureRequest, name: str, build: Builder, url: str) -> None:
    """Make the database at `url` a copy of the template `name` (built by `build` once)."""
    templates: Templates = request.getfixturevalue("database_templates")
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        target = Path(parsed.database or "")
        target.parent.mkdir(parents=True, exist_ok=True)
        templates.sqlite(name, build, target)
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    templates.postgres(name, build, server, parsed.database or "")


def restore_seeded(request: pytest.FixtureRequest, url: str) -> None:
    """Make the database at `url` what `workbench import seeds/` by alice leaves in a new one (the
    `seeded_cli` fixture's template): for tests that set up several databases, or their own."""
    from tests.conftest import build_seeded_by_cli

    restore_template(request, "seeded-cli", build_seeded_by_cli, url)


def restore_seed_files(request: pytest.FixtureRequest, url: str, files: Sequence[Path]) -> None:
    """Make the database at `url` what `workbench import FILE...` of these seed files by alice
    leaves in a new one (a template per set of files; see FEW_SEEDS in tests/mt_fixtures.py)."""
    from tests.conftest import Cli

    def build(template_url: str) -> None:
        result = Cli(template_url)("import", *map(str, files))
        assert result.exit_code == 0, result.output

    name = "seeds-" + "-".join(path.name.split("_")[0] for path in files)
    restore_template(request, name, build, url)
