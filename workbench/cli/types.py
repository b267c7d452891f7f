"""Parameter types shared by every command: free text that can be stored, database integers.

Declared once here so that each option only names its type: text with a NUL, a control
character or a lone surrogate is refused while the command line is parsed (exit 2, naming the
option), and an id or version beyond what the database's 64-bit integers hold is refused
before any query, instead of an OverflowError from the driver.
"""

from __future__ import annotations

from typing import Any

import click

from workbench.text.controls import unstorable

# PostgreSQL's bigint and SQLite's INTEGER are both signed 64-bit.
DB_INT_MIN = -(2**63)
DB_INT_MAX = 2**63 - 1


class StorableText(click.ParamType[str, Any]):
    """Free text that the database can store as written."""

    name = "text"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        if not isinstance(value, str):
            self.fail(f"{value!r} is not text", param, ctx)
        problem = unstorable(value, "")
        if problem is not None:
            self.fail(problem, param, ctx)
        return value


class DatabaseInt(click.ParamType[int, Any]):
    """An integer that fits the database's 64-bit columns (ids, versions, offsets, limits)."""

    name = "integer"

    def __init__(self, minimum: int = DB_INT_MIN) -> None:
        self.minimum = minimum

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        number = click.INT.convert(value, param, ctx)
        if not self.minimum <= number <= DB_INT_MAX:
            self.fail(
                f"{number} is out of range: it must be between {self.minimum} and {DB_INT_MAX}",
                param,
                ctx,
            )
        return number


TEXT = StorableText()
DB_INT = DatabaseInt()
POSITIVE_DB_INT = DatabaseInt(minimum=1)
