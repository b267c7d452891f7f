"""The one read path of every exporter: segments with their history, in document order.

`iter_export_rows` is what the TMX and CSV writers (and any later exporter) consume, so filters,
status floors and per-segment facts are decided once. Rows are read with `yield_per` and handed
on chunk by chunk; nothing holds the whole export in memory.

Claims: `ExportRow.claims` holds the claim notes of a segment (one string per claim, shown as a
TMX `<note>` and in the CSV `claims` cell), read by a second streaming query in the same
(document, position) order and merged with the segments as both go by.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from itertools import groupby
from typing import Any, Literal, NamedTuple

from sqlalchemy import Select, Subquery, case, func, select
from sqlalchemy.orm import Session, aliased

from workbench.errors import InputError, NotFoundError
from workbench.export.claim_notes import claim_note
from workbench.export.floors import DEFAULT_FLOOR, STATUS_FLOORS
from workbench.store.claim_queries import claims_in_document_order
from workbench.store.models import Document, Origin, Revision, Segment, User

CHUNK = 2000

# What a row must have to be exported: a target; a target or MT; nothing (a full table).
Needs = Literal["target", "target_or_mt", "nothing"]

RowsQuery = Select[*tuple[Any, ...]]


@dataclass(frozen=True, slots=True)
class ExportFilter:
    document_id: int | None = None
    status_floor: str = DEFAULT_FLOOR
    include_mt: bool = False

    def statuses(self) -> tuple[str, ...] | None:
        if self.status_floor not in STATUS_FLOORS:
            names = "|".join(STATUS_FLOORS)
            raise InputError(f"--status {self.status_floor!r} is not one of {names}")
        return STATUS_FLOORS[self.status_floor]


class ExportRow(NamedTuple):
    """One segment as exporters see it. Datetimes are UTC; from SQLite they come naive.

    A named tuple, not a dataclass: it is built 100,000 times in a large export, and a tuple is
    built several times faster. Add claims with `row._replace(claims=(...))`.
    """

    segment_id: int
    document_id: int
    document_name: str
    position: int
    source: str
    target: str | None
    mt: str | None
    status: str
    editor: str | None  # who last wrote the segment
    updated_at: datetime | None
    created_by: str | None  # first revision of the target
    created_at: datetime | None
    changed_by: str | None  # last revision of the target
    changed_at: datetime | None
    target_origin: str | None  # origin of the last target revision: human, import, tm
    mt_package: str | None  # from the latest MT revision
    mt_version: str | None
    mt_at: datetime | None
    claims: tuple[str, ...] = ()  # one note per live claim (export/claim_notes.py)


def _revision_ids(document_id: int | None) -> Subquery:
    """Per segment: its first and last target revision and its latest MT revision.

    One grouped pass over the revisions (of the one document, when the export is of one), then
    plain joins by id, which every planner handles alike. Correlated subqueries in the join
    conditions made PostgreSQL take minutes for 40,000 segments whenever its statistics were
    stale, as they are right after a bulk import or translation.
    """
    target = Revision.origin != Origin.MT.value
    machine = Revision.origin == Origin.MT.value
    query = select(
        Revision.segment_id.label("segment_id"),
        func.min(case((target, Revision.id))).label("first_id"),
        func.max(case((target, Revision.id))).label("last_id"),
        func.max(case((machine, Revision.id))).label("mt_id"),
    ).group_by(Revision.segment_id)
    if document_id is not None:
        query = query.join(Segment, Segment.id == Revision.segment_id).where(
            Segment.document_id == document_id
        )
    return query.subquery("revision_ids")


def _history_query(document_id: int | None) -> RowsQuery:
    """Segments with the first and last revision of the target and the latest MT revision."""
    first, last, machine = aliased(Revision), aliased(Revision), aliased(Revision)
    editor, creator, changer = aliased(User), aliased(User), aliased(User)
    ids = _revision_ids(document_id)
    query: RowsQuery = select(
        Segment.id,
        Segment.document_id,
        Document.source_name,
        Segment.position,
        Segment.source,
        Segment.target,
        Segment.mt,
        Segment.status,
        editor.name,
        Segment.updated_at,
        creator.name,
        first.created_at,
        changer.name,
        last.created_at,
        last.origin,
        machine.mt_package,
        machine.mt_version,
        machine.created_at,
    )
    return (
        query.join(Document, Segment.document_id == Document.id)
        .outerjoin(editor, Segment.updated_by_id == editor.id)
        .outerjoin(ids, ids.c.segment_id == Segment.id)
        .outerjoin(first, first.id == ids.c.first_id)
        .outerjoin(creator, first.author_id == creator.id)
        .outerjoin(last, last.id == ids.c.last_id)
        .outerjoin(changer, last.author_id == changer.id)
        .outerjoin(machine, machine.id == ids.c.mt_id)
    )


def _filtered(query: RowsQuery, export: ExportFilter, needs: Needs) -> RowsQuery:
    statuses = export.statuses()
    if export.document_id is not None:
        query = query.where(Segment.document_id == export.document_id)
    if statuses is not None:
        query = query.where(Segment.status.in_(statuses))
    if needs == "target":
        query = query.where(Segment.target.is_not(None))
    elif needs == "target_or_mt":
        query = query.where(Segment.target.is_not(None) | Segment.mt.is_not(None))
    return query


def check_document(session: Session, document_id: int | None) -> None:
    if document_id is not None and session.get(Document, document_id) is None:
        raise NotFoundError(
            f"document {document_id} does not exist; list documents with `workbench`"
        )


def count_export_rows(session: Session, export: ExportFilter, needs: Needs) -> int:
    query = _filtered(select(func.count()).select_from(Segment), export, needs)
    return session.scalar(query) or 0


def iter_export_rows(
    session: Session, export: ExportFilter, needs: Needs = "target"
) -> Iterator[ExportRow]:
    """The segments `export` selects, in document order, streamed in chunks."""
    query = _filtered(_history_query(export.document_id), export, needs).order_by(
        Segment.document_id, Segment.position
    )
    # Core execution on the session's connection: the rows are plain columns, and the ORM's
    # per-row loading machinery would cost about as much as writing the file.
    result = session.connection().execute(query.execution_options(yield_per=CHUNK))
    rows = (ExportRow(*values) for chunk in result.partitions() for values in chunk)
    notes = notes_in_document_order(session, export.document_id, CHUNK)
    return _with_claims(rows, notes)


# (document id, position) of a segment: the order in which exports read segments.
SegmentKey = tuple[int, int]


def notes_in_document_order(
    session: Session, document_id: int | None, chunk: int
) -> Iterator[tuple[SegmentKey, tuple[str, ...]]]:
    """Per segment with live claims, in document order: its key and one note per claim."""
    claims = claims_in_document_order(session, document_id, chunk)
    for key, group in groupby(claims, key=lambda claim: (claim.document_id, claim.position)):
        yield key, tuple(claim_note(claim) for claim in group)


def _with_claims(
    rows: Iterable[ExportRow], notes: Iterator[tuple[SegmentKey, tuple[str, ...]]]
) -> Iterator[ExportRow]:
    """Merge two streams sorted by (document, position): the rows, and the notes of segments
    with claims (which may include segments the export leaves out)."""
    pending = next(notes, None)
    for row in rows:
        key = (row.document_id, row.position)
        while pending is not None and pending[0] < key:
            pending = next(notes, None)
        if pending is not None and pending[0] == key:
            yield row._replace(claims=pending[1])
        else:
            yield row
