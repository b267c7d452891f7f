"""Migrations run on open (SQLite and PostgreSQL); a database from a newer workbench is refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect, text

from tests.conftest import Cli
from workbench.errors import SchemaError
from workbench.store import migrate
from workbench.store.database import Database, create_engine_for, open_database


def test_fresh_database_is_created_at_head(any_db_url: str) -> None:
    database = open_database(any_db_url)
    assert migrate.current_revision(database.engine) == migrate.head_revision()
    tables = set(inspect(database.engine).get_table_names())
    assert {"users", "documents", "segments", "revisions", "tm_entries"} <= tables
    database.dispose()


def test_older_database_is_upgraded_on_open(any_db_url: str) -> None:
    engine = create_engine_for(any_db_url)
    migrate.upgrade_to_head(engine)
    with engine.begin() as connection:
        config = migrate.alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
    assert migrate.current_revision(engine) is None
    engine.dispose()

    database = open_database(any_db_url)
    assert migrate.current_revision(database.engine) == migrate.head_revision()
    database.dispose()


def test_newer_database_is_refused(any_cli: Cli, any_db_url: str) -> None:
    database = open_database(any_db_url)
    with database.write() as session:
        session.execute(text("UPDATE alembic_version SET version_num = 'f00dfeed9999'"))
    database.dispose()

    with pytest.raises(SchemaError, match="newer version of the workbench"):
        open_database(any_db_url)
    result = any_cli("segments", "--json")
    assert result.exit_code == 5
    assert "f00dfeed9999" in result.stderr


def test_sqlite_runs_in_wal_mode(database: Database, db_path: Path) -> None:
    if database.dialect != "sqlite":
        pytest.skip("a SQLite setting; this run uses PostgreSQL (WORKBENCH_TEST_BACKEND)")
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
