"""Migration 0003 adds the claim tables and takes them away again."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect

from workbench.store import migrate
from workbench.store.database import create_engine_for, open_database


def test_migration_0003_adds_and_removes_the_claim_tables(db_url: str) -> None:
    open_database(db_url).dispose()
    engine = create_engine_for(db_url)
    assert {"claims", "claim_history"} <= set(inspect(engine).get_table_names())
    columns = {column["name"] for column in inspect(engine).get_columns("claims")}
    assert {"side", "start", "end", "quote", "anchor_state", "version", "evidence_links"} <= columns

    with engine.begin() as connection:
        config = migrate.alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, "0002")
    tables = set(inspect(engine).get_table_names())
    assert "claims" not in tables and "claim_history" not in tables
    assert {"segments", "tm_entries"} <= tables
    engine.dispose()

    database = open_database(db_url)
    assert migrate.current_revision(database.engine) == migrate.head_revision()
    database.dispose()
