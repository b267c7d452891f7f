"""Alembic, driven from code: the schema is created and upgraded when the database is opened.

Opening a database that is already at this version's schema reads its stored revision with two
plain queries (is there a version table, what does it hold) and compares it with HEAD_REVISION;
Alembic (and its scan of the migrations folder) is loaded only when there is something to
create, upgrade or refuse.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from workbench.errors import SchemaError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
MIGRATION_LOCK = 0x776F726B62656E63  # any fixed number: PostgreSQL advisory lock for migrations
# The newest revision in migrations/versions; tests/integration/test_schema.py fails when a new
# migration is added without moving this.
HEAD_REVISION = "0007"
VERSION_TABLE = "alembic_version"  # Alembic's default, which env.py keeps


def alembic_config() -> Config:
    from alembic.config import Config

    # No URL goes in: env.py runs on the connection handed over in `config.attributes`, and a
    # URL would pass through configparser, which chokes on percent-encoded socket paths.
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    """The head of the migrations folder, as Alembic finds it (HEAD_REVISION must equal it)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the migrations folder has no revision"
    return head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


# Whether the version table exists, asked of the catalogue in one plain query. SQLAlchemy's
# inspector (`has_table`) builds and compiles a pg_class query for each new engine, that is for
# every command: on PostgreSQL it was 2.5 ms of the server's CPU and 4 ms of ours, more than the
# rest of the check (bench/pg_server.py).
_VERSION_TABLE_EXISTS = {
    "postgresql": text(f"SELECT to_regclass('{VERSION_TABLE}') IS NOT NULL"),
    "sqlite": text(
        f"SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = '{VERSION_TABLE}'"
    ),
}


def _has_version_table(connection: Connection) -> bool:
    query = _VERSION_TABLE_EXISTS.get(connection.dialect.name)
    if query is None:
        return inspect(connection).has_table(VERSION_TABLE)
    return bool(connection.execute(query).scalar())


def is_at_head(engine: Engine) -> bool:
    """Whether the database stores exactly HEAD_REVISION: two queries, no Alembic."""
    with engine.connect() as connection:
        if not _has_version_table(connection):
            return False
        stored = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).all()
    return [row[0] for row in stored] == [HEAD_REVISION]


def check_current(engine: Engine) -> str | None:
    """Refuse a schema written by a newer workbench; return the current revision."""
    if is_at_head(engine):
        return HEAD_REVISION
    from alembic.script import ScriptDirectory

    current = current_revision(engine)
    if current is None:
        return None
    script = ScriptDirectory.from_config(alembic_config())
    known = {rev.revision for rev in script.walk_revisions()}
    if current not in known:
        raise SchemaError(
            f"the database is at schema revision {current!r}, written by a newer version of the "
            f"workbench (this one knows up to {head_revision()!r}); upgrade the workbench "
            "(pip install -U workbench) instead of opening it with this one"
        )
    return current


def _sqlite_tables(path: Path) -> set[str] | None:
    """The tables of the SQLite file at `path`, read without changing a byte; None if unreadable."""
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as connection:
            rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            return {name for (name,) in rows}
    except sqlite3.Error:
        return None  # damaged, locked or not a database: opening it says so in its own words


def refuse_foreign_sqlite(path: Path) -> None:
    """Refuse a SQLite file of another application before the workbench touches it.

    Checked before our engine connects: even switching the file to WAL mode would change it.
    """
    if not path.is_file() or path.stat().st_size == 0:
        return
    tables = _sqlite_tables(path)
    if tables and "alembic_version" not in tables:
        shown = ", ".join(sorted(tables)[:5]) + (", ..." if len(tables) > 5 else "")
        raise SchemaError(
            f"{path} is a SQLite database of another application (tables: {shown}), not a "
            "workbench database; it was left untouched. Pass --db with a new file name or "
            "the path of a workbench database"
        )


def upgrade_to_head(engine: Engine) -> None:
    if check_current(engine) == HEAD_REVISION:
        return
    from alembic import command

    # Several people may open a new (or older) database at the same moment: the first takes the
    # write lock and migrates; the others wait for it and then find nothing left to do, because
    # Alembic reads the version again inside the locked transaction.
    locked = engine.execution_options(sqlite_begin="IMMEDIATE")
    with locked.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
