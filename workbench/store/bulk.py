"""Many rows into one table in one statement's executemany: through sqlite3 itself on SQLite.

SQLAlchemy Core's executemany runs every row through its compiled-parameter processing in Python
(the parameters built, each value through its type's bind processor, the defaults filled): for an
import of 100,000 small files, more time than SQLite took to store the rows. On SQLite the same
statement, compiled by Core once per dialect, is run by sqlite3 on plain tuples, the defaults
and the bind processors applied here as Core applies them (only the columns that have them).
PostgreSQL keeps Core's path, which sends the rows as multi-row INSERTs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, repeat
from typing import Any

from sqlalchemy import Connection, Dialect, Table
from sqlalchemy.sql.dml import Insert
from sqlalchemy.sql.schema import CallableColumnDefault, ScalarElementColumnDefault

# Rows per statement for RETURNING (multi-row VALUES): far below SQLite's 32,766 parameters.
RETURNING_ROWS = 500


@dataclass(frozen=True, slots=True)
class _Plan:
    sql: str  # Core's SQL for one row
    values: str  # its VALUES group, "(?, ?, ...)", repeated for many rows
    constants: tuple[Any, ...]  # scalar defaults, after the row's values
    makers: tuple[Callable[[Any], Any], ...]  # callable defaults, after the constants
    processors: tuple[tuple[int, Callable[[Any], Any]], ...]  # (index, the type's bind processor)
    positions: tuple[int, ...]  # where each parameter comes from, in the parameters' order

    def parameters(self, rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
        """Every row's parameters, made a column at a time: the per-row work stays in C but for
        the bind processors (one call per value of a column whose type has one)."""
        count = len(rows)
        columns: list[Iterable[Any]] = [*zip(*rows, strict=True)]
        columns += [repeat(constant, count) for constant in self.constants]
        columns += [[make(None) for _ in range(count)] for make in self.makers]
        for index, process in self.processors:
            columns[index] = map(process, columns[index])
        return list(zip(*[columns[index] for index in self.positions], strict=False))


def insert_rows(
    connection: Connection, statement: Insert, keys: Sequence[str], rows: list[tuple[Any, ...]]
) -> None:
    """Run `statement` (an INSERT without RETURNING) for every row of values for `keys`."""
    if not rows:
        return
    if connection.dialect.name != "sqlite":
        connection.execute(statement, [dict(zip(keys, row, strict=True)) for row in rows])
        return
    plan = _plan(connection.dialect, statement, tuple(keys))
    connection.exec_driver_sql(plan.sql, plan.parameters(rows))


def insert_returning(
    connection: Connection, statement: Insert, keys: Sequence[str], rows: list[tuple[Any, ...]]
) -> list[tuple[Any, ...]]:
    """Run `statement` (an INSERT ... RETURNING) for every row; the rows it returned."""
    if not rows:
        return []
    if connection.dialect.name != "sqlite":
        dicts = [dict(zip(keys, row, strict=True)) for row in rows]
        return [tuple(found) for found in connection.execute(statement, dicts)]
    plan = _plan(connection.dialect, statement, tuple(keys))
    head, tail = plan.sql.split(plan.values)
    parameters = plan.parameters(rows)
    returned: list[tuple[Any, ...]] = []
    for start in range(0, len(rows), RETURNING_ROWS):
        chunk = parameters[start : start + RETURNING_ROWS]
        sql = head + ", ".join([plan.values] * len(chunk)) + tail
        flat = tuple(chain.from_iterable(chunk))
        returned.extend(tuple(found) for found in connection.exec_driver_sql(sql, flat))
    return returned


@lru_cache(maxsize=16)
def _plan(dialect: Dialect, statement: Insert, keys: tuple[str, ...]) -> _Plan:
    """The statement's SQL for one row and how its parameters are made from a row: what Core
    binds, the row's value or the column's default, through the type's bind processor where the
    type has one on this dialect (Boolean and DateTime on SQLite)."""
    compiled = statement.compile(dialect=dialect, column_keys=list(keys))
    table = statement.table
    assert isinstance(table, Table)
    order = compiled.positiontup or []
    constants: dict[str, Any] = {}
    makers: dict[str, Callable[[Any], Any]] = {}
    for key in order:
        default = table.columns[key].default
        if key in keys:
            pass
        elif isinstance(default, ScalarElementColumnDefault):
            constants[key] = default.arg
        elif isinstance(default, CallableColumnDefault):
            # Core wraps a callable of no arguments to take the execution context: there is
            # none here, so a default that reads the context fails loudly rather than guessing.
            makers[key] = default.arg
        else:
            raise ValueError(f"{table.name}.{key}: no value given and no Python default")
    extended = [*keys, *constants, *makers]
    processors = []
    for key in order:
        process = table.columns[key].type.dialect_impl(dialect).bind_processor(dialect)
        if process is not None:
            processors.append((extended.index(key), process))
    values = "(" + ", ".join("?" * len(order)) + ")"
    if compiled.string.count(values) != 1:  # the SQL must hold exactly one VALUES group
        raise ValueError(f"cannot run {compiled.string!r} through sqlite3: not one VALUES group")
    positions = tuple(extended.index(key) for key in order)
    return _Plan(
        compiled.string,
        values,
        tuple(constants.values()),
        tuple(makers.values()),
        tuple(processors),
        positions,
    )
