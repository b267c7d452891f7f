"""Parameter types shared by every command: free text that can be stored, database integers.

Declared once here so that each option only names its type: text with a NUL, a control
character or a lone surrogate is refused while the command line is parsed (exit 2, naming the
option), and an id, version or offset beyond what its database column holds is refused before
any query ("out of range", exit 2), instead of an OverflowError or a DataError from the driver.
"""

from __future__ import annotations

from typing import Any

import click

from workbench.text.controls import unstorable

# SQLite's INTEGER and PostgreSQL's bigint are signed 64-bit; ids and versions are INTEGER
# columns, which PostgreSQL keeps in 32 bits, so they are checked against the smaller range on
# every backend alike.
DB_INT_MIN, DB_INT_MAX = -(2**63), 2**63 - 1
ID_MIN, ID_MAX = -(2**31), 2**31 - 1


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
    """An integer that fits the database's columns: ids and versions, offsets, limits."""

    name = "integer"

    def __init__(self, minimum: int = DB_INT_MIN, maximum: int = DB_INT_MAX) -> None:
        self.minimum, self.maximum = minimum, maximum

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        number = click.INT.convert(value, param, ctx)
        if not self.minimum <= number <= self.maximum:
            self.fail(
                f"{number} is out of range: it must be between {self.minimum} and {self.maximum}",
                param,
                ctx,
            )
        return number


TEXT = StorableText()
DB_INT = DatabaseInt()  # code-point offsets (checked against the text), limits
ROW_ID = DatabaseInt(ID_MIN, ID_MAX)  # ids of documents, segments, claims; versions
POSITIVE_DB_INT = DatabaseInt(minimum=1)
