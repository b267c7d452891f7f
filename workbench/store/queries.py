"""Read-side queries shared by the CLI, the TUI and the exporters."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from workbench.store.models import Document, Segment, TmEntry, User

# SQLAlchemy 2.1 types a select by the tuple of its columns; these rows have many.
RowsQuery = Select[*tuple[Any, ...]]


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

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["updated_at"] = as_utc(self.updated_at).isoformat() if self.updated_at else None
        return data


def segment_rows_query(document_id: int | None = None, status: str | None = None) -> RowsQuery:
    editor = aliased(User)
    query: RowsQuery = (
        select(
            Segment.id,
            Segment.document_id,
            Segment.position,
            Segment.paragraph,
            Segment.source,
            Segment.mt,
            Segment.target,
            Segment.status,
            Segment.version,
            Segment.is_repeat,
            editor.name,
            Segment.updated_at,
        )
        .outerjoin(editor, Segment.updated_by_id == editor.id)
        .order_by(Segment.document_id, Segment.position)
    )
    if document_id is not None:
        query = query.where(Segment.document_id == document_id)
    if status is not None:
        query = query.where(Segment.status == status)
    return query


def iter_segment_rows(
    session: Session, document_id: int | None = None, status: str | None = None
) -> Iterator[SegmentRow]:
    """Stream rows in document order without loading them all at once."""
    result = session.execute(
        segment_rows_query(document_id, status), execution_options={"yield_per": 2000}
    )
    for row in result:
        yield SegmentRow(*row)


def get_segment_row(session: Session, segment_id: int) -> SegmentRow | None:
    row = session.execute(segment_rows_query().where(Segment.id == segment_id)).one_or_none()
    return SegmentRow(*row) if row is not None else None


def list_documents(session: Session) -> list[Document]:
    return list(session.scalars(select(Document).order_by(Document.id)))


def status_counts(session: Session, document_id: int | None = None) -> dict[str, int]:
    query = select(Segment.status, func.count()).group_by(Segment.status)
    if document_id is not None:
        query = query.where(Segment.document_id == document_id)
    return {row[0]: row[1] for row in session.execute(query)}


def document_exists(session: Session, document_id: int) -> bool:
    return session.get(Document, document_id) is not None


def document_id_range(session: Session) -> tuple[int | None, int | None]:
    """The lowest and highest document ids (None, None when there are no documents)."""
    first, last = session.execute(select(func.min(Document.id), func.max(Document.id))).one()
    return first, last


def memory_is_empty(session: Session) -> bool:
    """True when the translation memory holds no entry at all."""
    return session.scalar(select(TmEntry.id).limit(1)) is None
