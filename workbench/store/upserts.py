"""INSERT ... ON CONFLICT for the database written to, its dialect's module imported when used.

`sqlalchemy.dialects.postgresql` costs about 40 ms of start-up (its package imports the asyncpg
dialect too), which a process on SQLite never needs, and SQLite's dialect is loaded by its engine
anyway: the services ask here for the insert of the dialect they write to, instead of importing
both at the top of their modules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.dialects.postgresql import Insert as PostgresInsert
    from sqlalchemy.dialects.sqlite import Insert as SqliteInsert


def conflict_insert(dialect: str, table: Any) -> PostgresInsert | SqliteInsert:
    """`insert(table)` of the dialect named (`Dialect.name`), which knows ON CONFLICT."""
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as postgres_insert

        return postgres_insert(table)
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(table)
