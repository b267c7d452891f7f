"""Column types for reading many rows at once (exports), where the model's types cost too much.

`RepeatedDateTime` reads a `DateTime` column through a bounded cache of its conversions. SQLite
returns datetimes as text, which SQLAlchemy parses value by value; bulk writes (an import, a TM
fill, a translation run) stamp thousands of rows with one moment, so most of the parses of a
large export repeat. The rows then also share one datetime object per moment, which the TMX
writer's caches hash once: reading and writing 100,000 segments as TMX took 1.29 s before, 1.05 s
with it. Drivers that return datetimes (psycopg) have nothing to convert, and nothing is cached.
Use with `type_coerce` in a select.
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import DateTime, Dialect
from sqlalchemy.types import TypeDecorator

# Distinct moments kept per statement: enough for the bulk writes a document interleaves,
# bounded so that an export of rows that each have their own moment stays flat in memory.
KEPT_MOMENTS = 1024


class RepeatedDateTime(TypeDecorator[datetime]):
    impl = DateTime(timezone=True)
    cache_ok = True

    def result_processor(self, dialect: Dialect, coltype: Any) -> Any:
        process = self.impl_instance.dialect_impl(dialect).result_processor(dialect, coltype)
        return None if process is None else lru_cache(maxsize=KEPT_MOMENTS)(process)
