"""What a database holds, read alike on SQLite and PostgreSQL, for "nothing changed" checks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import MetaData, create_engine, select, text
from sqlalchemy.engine import make_url

from workbench.store.database import Database


def table_dump(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, ordered by primary key; {} when the database does not exist."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and not Path(parsed.database or "").exists():
        return {}
    engine = create_engine(parsed)
    try:
        metadata = MetaData()
        metadata.reflect(engine)
        dump: dict[str, list[tuple[Any, ...]]] = {}
        with engine.connect() as connection:
            for table in metadata.sorted_tables:
                order = list(table.primary_key.columns) or list(table.columns)
                rows = connection.execute(select(table).order_by(*order))
                dump[table.name] = [tuple(row) for row in rows]
        return dump
    finally:
        engine.dispose()


def count_rows(database: Database, table: str) -> int:
    with database.read() as session:
        return int(session.scalar(text(f"SELECT count(*) FROM {table}")) or 0)
