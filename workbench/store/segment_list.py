"""The segment list read with SQLAlchemy Core only: what `workbench segments` prints.

A script may call `workbench segments --json` once per segment, so the command must start like a
shell tool: importing `sqlalchemy.orm` and the models costs more than the query. This module names
the few columns it reads as lightweight table clauses (no `MetaData`, no mapper) and runs on a
Connection. The columns are the models' (tests/unit/test_segment_list.py checks the names against
`workbench.store.models`, and that these rows equal those of `queries.segment_rows_query`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Connection,
    DateTime,
    Float,
    Integer,
    Select,
    String,
    Text,
    column,
    func,
    select,
    table,
)

# SQLAlchemy 2.1 types a select by the tuple of its columns; these rows have many.
RowsQuery = Select[*tuple[Any, ...]]

# Typed where the driver's value needs converting (SQLite hands back DateTime as text).
SEGMENTS = table(
    "segments",
    column("id", Integer),
    column("document_id", Integer),
    column("position", Integer),
    column("paragraph", Integer),
    column("source", Text),
    column("mt", Text),
    column("mt_score", Float),
    column("target", Text),
    column("status", String),
    column("version", Integer),
    column("is_repeat", Boolean),
    column("updated_by_id", Integer),
    column("updated_at", DateTime(timezone=True)),
)
USERS = table("users", column("id", Integer), column("name", String))
DOCUMENTS = table("documents", column("id", Integer))

STREAM_ROWS = 2000  # rows fetched per round trip while streaming a long list


def as_utc(moment: datetime) -> datetime:
    """SQLite hands back the stored UTC times without their zone; PostgreSQL with it."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class SegmentRow:
    id: int
    document: int
    position: int
    paragraph: int
    source: str
    mt: str | None
    target: str | None
    status: str
    version: int
    is_repeat: bool
    updated_by: str | None
    updated_at: datetime | None
    # Last, with a default: rows built from the older twelve columns stay valid.
    mt_score: float | None = None  # the score of `mt`'s MT revision (schema 0006)

    def to_json(self) -> dict[str, Any]:
        # Every field is a scalar: a shallow dict is what `asdict` gives, without its deep copy
        # of each value (most of the time of `segments --json` on a long document).
        data = {name: getattr(self, name) for name in _ROW_FIELDS}
        data["updated_at"] = as_utc(self.updated_at).isoformat() if self.updated_at else None
        return data


_ROW_FIELDS = tuple(field.name for field in fields(SegmentRow))


def core_rows_query(
    document_id: int | None = None, status: str | None = None, sort: str = "document"
) -> RowsQuery:
    """The columns of `SegmentRow`, in its order, in document order or least confident MT first
    (`sort="mt-score"`, unscored rows last)."""
    segments, editor = SEGMENTS.c, USERS.alias("editor")
    query: RowsQuery = select(
        segments.id,
        segments.document_id,
        segments.position,
        segments.paragraph,
        segments.source,
        segments.mt,
        segments.target,
        segments.status,
        segments.version,
        segments.is_repeat,
        editor.c.name,
        segments.updated_at,
        segments.mt_score,
    ).select_from(SEGMENTS.outerjoin(editor, segments.updated_by_id == editor.c.id))
    if sort == "mt-score":
        query = query.order_by(segments.mt_score.is_(None), segments.mt_score)
    query = query.order_by(segments.document_id, segments.position)
    if document_id is not None:
        query = query.where(segments.document_id == document_id)
    if status is not None:
        query = query.where(segments.status == status)
    return query


def stream_segment_rows(
    connection: Connection,
    document_id: int | None = None,
    status: str | None = None,
    sort: str = "document",
) -> Iterator[SegmentRow]:
    """Rows in `core_rows_query`'s order, fetched a batch at a time (memory stays flat)."""
    streaming = connection.execution_options(yield_per=STREAM_ROWS)
    for row in streaming.execute(core_rows_query(document_id, status, sort)):
        yield SegmentRow(*row)


def document_id_range(connection: Connection) -> tuple[int | None, int | None]:
    """The lowest and highest document ids (None, None when there are no documents)."""
    ids = DOCUMENTS.c.id
    first, last = connection.execute(select(func.min(ids), func.max(ids))).one()
    return first, last


def document_exists(connection: Connection, document_id: int) -> bool:
    found = connection.execute(select(DOCUMENTS.c.id).where(DOCUMENTS.c.id == document_id))
    return found.first() is not None
