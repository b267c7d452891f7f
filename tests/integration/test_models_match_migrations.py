"""The ORM models and the Alembic migrations describe the same schema.

Migrations are written by hand (0006 was), so a column, index, constraint or type given to a
model but not to a migration, or the other way round, would go unnoticed until a query failed
on a migrated database. Alembic's autogenerate comparison finds exactly that: on a database
migrated to head it must find nothing to do, on each backend.
"""

from __future__ import annotations

from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from workbench.store import migrate
from workbench.store.database import create_engine_for
from workbench.store.models import Base


def differences(url: str) -> list[Any]:
    engine = create_engine_for(url)
    try:
        migrate.upgrade_to_head(engine)  # a fresh database, through every migration
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"compare_type": True, "compare_server_default": False}
            )
            found: list[Any] = compare_metadata(context, Base.metadata)
            return found
    finally:
        engine.dispose()


def test_a_freshly_migrated_database_matches_the_models(any_db_url: str) -> None:
    found = differences(any_db_url)
    assert found == [], "models and migrations differ:\n" + "\n".join(map(repr, found))
