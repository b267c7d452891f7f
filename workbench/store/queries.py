"""Read-side queries shared by the CLI, the TUI and the exporters."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.orm import Session, aliased

from workbench.store.models import Document, Segment, TmEntry, User

# The row type lives with the ORM-free list (`workbench segments` reads without the models);
# re-exported here for everyone else.
# (`X as X` marks them as exported for mypy's strict re-export rule.)
from workbench.store.segment_list import SegmentRow as SegmentRow  # noqa: PLC0414
from workbench.store.segment_list import as_utc as as_utc  # noqa: PLC0414

# SQLAlchemy 2.1 types a select by the tuple of its columns; these rows have many.
RowsQuery = Select[*tuple[Any, ...]]


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
            Segment.mt_score,  # last, as in SegmentRow and segment_list.core_rows_query
        )
        .outerjoin(editor, Segment.updated_by_id == editor.id)
        .order_by(Segment.document_id, Segment.position)
    )
    if document_id is not None:
        query = query.where(Segment.document_id == document_id)
    if status is not None:
        query = query.where(Segment.status == status)
    return query


def by_mt_score(query: RowsQuery) -> RowsQuery:
    """The least confident MT first; segments without a score last; then document order."""
    return query.order_by(None).order_by(
        Segment.mt_score.is_(None), Segment.mt_score, Segment.document_id, Segment.position
    )


def iter_segment_rows(
    session: Session,
    document_id: int | None = None,
    status: str | None = None,
    sort: str = "document",
) -> Iterator[SegmentRow]:
    """Stream rows in document order (or `sort="mt-score"`) without loading them all at once."""
    query = segment_rows_query(document_id, status)
    if sort == "mt-score":
        query = by_mt_score(query)
    result = session.execute(query, execution_options={"yield_per": 2000})
    for row in result:
        yield SegmentRow(*row)


@cache
def _row_by_id() -> RowsQuery:
    """Built once: the editor reads a row on every move, and building the statement (an aliased
    join of thirteen columns) cost more than running it."""
    return segment_rows_query().where(Segment.id == bindparam("segment_id"))


def get_segment_row(session: Session, segment_id: int) -> SegmentRow | None:
    row = session.execute(_row_by_id(), {"segment_id": segment_id}).one_or_none()
    return SegmentRow(*row) if row is not None else None


def list_documents(session: Session) -> list[Document]:
    return list(session.scalars(select(Document).order_by(Document.id)))


def status_counts(session: Session, document_id: int | None = None) -> dict[str, int]:
    query = select(Segment.status, func.count()).group_by(Segment.status)
    if document_id is not None:
        query = query.where(Segment.document_id == document_id)
    return {row[0]: row[1] for row in session.execute(query)}


@dataclass(frozen=True, slots=True)
class SegmentIndex:
    """The ids and positions of a document's segments in order: all a long list keeps in memory."""

    ids: list[int]
    positions: list[int]


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def segment_index(
    session: Session,
    document_id: int,
    status: str | None = None,
    search: str | None = None,
    *,
    below_mt_score: float | None = None,
    by_mt_score: bool = False,
) -> SegmentIndex:
    """Ids and positions of a document's segments, optionally only one status or those whose
    source, target or MT contains `search` (case-insensitive for Latin letters), or whose MT
    confidence is below `below_mt_score`; in document order, or least confident MT first."""
    query = select(Segment.id, Segment.position).where(Segment.document_id == document_id)
    if below_mt_score is not None:
        query = query.where(Segment.mt_score < below_mt_score)
    if status is not None:
        query = query.where(Segment.status == status)
    if search:
        pattern = f"%{_escape_like(search)}%"
        query = query.where(
            Segment.source.ilike(pattern, escape="\\")
            | Segment.target.ilike(pattern, escape="\\")
            | Segment.mt.ilike(pattern, escape="\\")
        )
    ids: list[int] = []
    positions: list[int] = []
    order = (Segment.mt_score.is_(None), Segment.mt_score) if by_mt_score else ()
    for segment_id, position in session.execute(query.order_by(*order, Segment.position)):
        ids.append(segment_id)
        positions.append(position)
    return SegmentIndex(ids, positions)


def segment_rows_by_ids(session: Session, ids: list[int]) -> dict[int, SegmentRow]:
    """Full rows for the given ids (a page of a long list), keyed by id."""
    if not ids:
        return {}
    query = segment_rows_query().where(Segment.id.in_(ids))
    return {row[0]: SegmentRow(*row) for row in session.execute(query)}


def positions_with_status(
    session: Session,
    document_id: int,
    statuses: tuple[str, ...],
    *,
    after: int = 0,
    limit: int = 200,
) -> list[int]:
    """Positions (> `after`, in order) of a document's segments that have one of `statuses`."""
    query = (
        select(Segment.position)
        .where(
            Segment.document_id == document_id,
            Segment.status.in_(statuses),
            Segment.position > after,
        )
        .order_by(Segment.position)
        .limit(limit)
    )
    return list(session.scalars(query))


def statuses_after(
    session: Session, document_id: int, *, after: int = 0, limit: int = 200
) -> list[tuple[int, str]]:
    """(position, status) of the `limit` segments after position `after`, in order. Read along
    the (document, position) index: the next unfinished segment is usually a few rows away, so
    this stops early where a query by status would gather and sort every unfinished one."""
    found = session.execute(
        _statuses_after(), {"document_id": document_id, "after": after, "limit": limit}
    )
    return [(position, status) for position, status in found]


@cache
def _statuses_after() -> Select[int, str]:
    """Built once: Enter and ctrl+n ask on every move."""
    return (
        select(Segment.position, Segment.status)
        .where(
            Segment.document_id == bindparam("document_id"), Segment.position > bindparam("after")
        )
        .order_by(Segment.position)
        .limit(bindparam("limit"))
    )


def segment_rows_by_positions(
    session: Session, document_id: int, first: int, last: int
) -> list[SegmentRow]:
    """Full rows of a document with first <= position <= last, in order (a page of a list)."""
    query = segment_rows_query(document_id).where(Segment.position.between(first, last))
    return [SegmentRow(*row) for row in session.execute(query)]


def position_span(session: Session, document_id: int) -> tuple[int, int, int]:
    """(number of segments, lowest position, highest position) of a document."""
    count, low, high = session.execute(
        select(func.count(), func.min(Segment.position), func.max(Segment.position)).where(
            Segment.document_id == document_id
        )
    ).one()
    return int(count), int(low or 0), int(high or 0)


def document_exists(session: Session, document_id: int) -> bool:
    return session.get(Document, document_id) is not None


def document_id_range(session: Session) -> tuple[int | None, int | None]:
    """The lowest and highest document ids (None, None when there are no documents)."""
    first, last = session.execute(select(func.min(Document.id), func.max(Document.id))).one()
    return first, last


def memory_is_empty(session: Session) -> bool:
    """True when the translation memory holds no entry at all."""
    return session.scalar(select(TmEntry.id).limit(1)) is None
