"""What a database holds, read alike on SQLite and PostgreSQL, for "nothing changed" checks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.engine import make_url

from workbench.store.database import Database

# The tables and primary keys are read from the database's own catalogue with one or two plain
# queries, and every row with `SELECT *`: no SQLAlchemy reflection, which cost about 0.35 s per
# dump (two dumps per "nothing written" check, hundreds of checks in the suite). `SELECT *` also
# returns a column added behind the models' back, and the values come as the driver stores them.
_PG_COLUMNS = """
SELECT c.relname, a.attname, array_position(i.indkey::int2[], a.attnum)
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
LEFT JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary
WHERE c.relkind IN ('r', 'p') AND n.nspname = current_schema()
ORDER BY c.relname, a.attnum
"""


def table_dump(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, ordered by primary key (by every column where a table has
    none); {} when the database does not exist."""
    parsed = make_url(url)
    sqlite = parsed.get_backend_name() == "sqlite"
    if sqlite and not Path(parsed.database or "").exists():
        return {}
    engine = _postgres_engine(url) if not sqlite else create_engine(parsed)
    try:
        with engine.connect() as connection:
            order = _sqlite_order(connection) if sqlite else _postgres_order(connection)
            return {
                table: [
                    tuple(row)
                    for row in connection.exec_driver_sql(
                        f"SELECT * FROM {_quote(table)} ORDER BY {', '.join(columns)}"
                    )
                ]
                for table, columns in order.items()
            }
    finally:
        if sqlite:
            engine.dispose()


# The engine of the PostgreSQL database dumped last, kept for its next dump: a "nothing written"
# check dumps twice, and a new engine is a new server process and SQLAlchemy's dialect set up
# again (some 5 ms of the server's CPU and as much of ours). One is kept at most. Its idle
# connection holds no lock; the test's DROP DATABASE ... WITH (FORCE) ends it, and after a
# template is copied over the database the pool's pre-ping connects again.
_kept: dict[str, Engine] = {}


def _postgres_engine(url: str) -> Engine:
    if url not in _kept:
        for engine in _kept.values():
            engine.dispose()
        _kept.clear()
        _kept[url] = create_engine(url, pool_pre_ping=True, pool_size=1)
    return _kept[url]


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _sqlite_order(connection: Connection) -> dict[str, list[str]]:
    """table -> the columns to order its rows by: its primary key, else all of its columns."""
    names = connection.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).scalars()
    order: dict[str, list[str]] = {}
    for name in list(names):
        # PRAGMA table_info rows: cid, name, type, notnull, default, pk (1-based key position).
        columns = connection.exec_driver_sql(f"PRAGMA table_info({_quote(name)})").all()
        key = sorted((column[5], column[1]) for column in columns if column[5])
        order[name] = [_quote(c) for _, c in key] or [_quote(column[1]) for column in columns]
    return order


def _postgres_order(connection: Connection) -> dict[str, list[str]]:
    """The same from PostgreSQL's catalogue, in one query."""
    columns: dict[str, list[str]] = {}
    keys: dict[str, list[tuple[int, str]]] = {}
    for table, column, position in connection.exec_driver_sql(_PG_COLUMNS):
        columns.setdefault(table, []).append(_quote(column))
        if position is not None:
            keys.setdefault(table, []).append((position, _quote(column)))
    return {
        table: [c for _, c in sorted(keys[table])] if table in keys else every
        for table, every in columns.items()
    }


def count_rows(database: Database, table: str) -> int:
    with database.read() as session:
        return int(session.scalar(text(f"SELECT count(*) FROM {table}")) or 0)
