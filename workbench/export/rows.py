"""The one read path of every exporter: segments with their history, in document order.

`iter_export_rows` is what the TMX and CSV writers (and any later exporter) consume, so filters,
status floors and per-segment facts are decided once. Rows are read with `yield_per` and handed
on chunk by chunk; nothing holds the whole export in memory.

Claims: `ExportRow.claims` holds the claim notes of a segment (one string per claim, shown as a
TMX `<note>` and in the CSV `claims` cell), read by a second streaming query in the same
(document, position) order and merged with the segments as both go by.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from itertools import chain, groupby
from typing import Any, Literal, NamedTuple, cast

from sqlalchemy import Column, Connection, Select, Table, func, select, type_coerce
from sqlalchemy.orm import Session

from workbench.errors import InputError, NotFoundError
from workbench.export.claim_notes import claim_note
from workbench.export.floors import DEFAULT_FLOOR, STATUS_FLOORS
from workbench.store.claim_queries import claims_in_document_order
from workbench.store.models import Claim, Document, Origin, Revision, Segment, User
from workbench.store.read_types import RepeatedDateTime

CHUNK = 2000
# Rows per fetch from SQLite, which has no round trips to save: a chunk this small stays in the
# processor's cache while it is turned into rows and written (a tenth less time at 100,000
# segments than chunks of CHUNK). PostgreSQL fetches CHUNK rows per round trip.
SQLITE_CHUNK = 100

# What a row must have to be exported: a target; a target or MT; nothing (a full table).
Needs = Literal["target", "target_or_mt", "nothing"]

RowsQuery = Select[*tuple[Any, ...]]

# The tables, for SQLAlchemy Core: a statement on the models' attributes would take the ORM's
# compilation path, and its first use in a process configures every mapper, some 0.05 s of CPU
# that each `workbench export` would spend before its first row. The ORM is used only when
# there are claims to read (`notes_in_document_order`).
_SEGMENTS, _REVISIONS = cast(Table, Segment.__table__), cast(Table, Revision.__table__)
_DOCUMENTS, _USERS = cast(Table, Document.__table__), cast(Table, User.__table__)
_CLAIMS = cast(Table, Claim.__table__)


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


# The segment columns of `ExportRow` (the document and the editor as ids, named from
# `_NamesById`), then, with the history, those of one revision. Moments
# are read as `RepeatedDateTime`: most of an export's repeat.
_SEGMENT_COLUMNS = (
    *(
        _SEGMENTS.c[name]
        for name in ("id", "document_id", "position", "source", "target", "mt", "status")
    ),
    _SEGMENTS.c.updated_by_id,
    type_coerce(_SEGMENTS.c.updated_at, RepeatedDateTime),
)
_REVISION_COLUMNS = (
    _REVISIONS.c.origin,
    _REVISIONS.c.author_id,
    type_coerce(_REVISIONS.c.created_at, RepeatedDateTime),
    _REVISIONS.c.mt_package,
    _REVISIONS.c.mt_version,
)
# A row of `_rows_query(history=True)`, by index: the revision's columns after the segment's.
_ORIGIN, _AUTHOR, _CREATED, _PACKAGE, _VERSION = range(9, 14)
MT_ORIGIN = Origin.MT.value
# The history fields of a row read without the revisions: created_by to mt_at.
_NO_HISTORY: tuple[None, ...] = (None,) * 8


def _rows_query(history: bool) -> RowsQuery:
    """The segments, each with its revisions oldest first (one row per revision; one row with
    empty revision columns for a segment without any).

    One pass along the segments' (document, position) index with a look-up of each one's
    revisions by segment id. Choosing the first and last target revision and the latest MT one
    in SQL (a grouped subquery joined three times to the revisions) cost three times as much as
    reading the segments; a second query for the revisions alone, merged in Python, twice. The
    document's name is not joined: a few names read once (`_NamesById`) cost nothing, a
    joined column a look-up and a string per segment.
    """
    query: RowsQuery = select(*_SEGMENT_COLUMNS)
    if not history:
        return query
    query = select(*_SEGMENT_COLUMNS, *_REVISION_COLUMNS)
    return query.outerjoin(_REVISIONS, _REVISIONS.c.segment_id == _SEGMENTS.c.id)


def _filtered(query: RowsQuery, export: ExportFilter, needs: Needs) -> RowsQuery:
    statuses, segments = export.statuses(), _SEGMENTS.c
    if export.document_id is not None:
        query = query.where(segments.document_id == export.document_id)
    if statuses is not None:
        query = query.where(segments.status.in_(statuses))
    if needs == "target":
        query = query.where(segments.target.is_not(None))
    elif needs == "target_or_mt":
        query = query.where(segments.target.is_not(None) | segments.mt.is_not(None))
    return query


def check_document(session: Session, document_id: int | None) -> None:
    if document_id is None:
        return
    query = select(_DOCUMENTS.c.id).where(_DOCUMENTS.c.id == document_id)
    if session.connection().execute(query).first() is None:
        raise NotFoundError(
            f"document {document_id} does not exist; list documents with `workbench`"
        )


def count_export_rows(session: Session, export: ExportFilter, needs: Needs) -> int:
    query = _filtered(select(func.count()).select_from(_SEGMENTS), export, needs)
    return session.connection().scalar(query) or 0


class _NamesById(dict[int | None, str | None]):
    """Names by id (documents' file names, users' names), read once before the rows instead of
    joined per row. An id the first read did not hold is read when its first row comes:
    PostgreSQL reads each statement at its own snapshot (read committed), so the rows may be
    newer than this read (a document imported, a user added meanwhile). No id (a segment
    nobody wrote) is no name."""

    def __init__(self, connection: Connection, name: Column[str], only: int | None = None) -> None:
        super().__init__({None: None})
        self._connection = connection
        self._name = name
        query = select(name.table.c.id, name)
        if only is not None:
            query = query.where(name.table.c.id == only)
        for number, text in connection.execute(query):
            self[number] = text

    def __missing__(self, key: int | None) -> str:
        query = select(self._name).where(self._name.table.c.id == key)
        # Gone since its rows were read (deleted meanwhile): the rows still say which it was.
        name = self[key] = self._connection.scalar(query) or ""
        return name


def _stream(session: Session, query: RowsQuery) -> Iterator[Any]:
    # Core execution on the session's connection: the rows are plain columns, and the ORM's
    # per-row loading machinery would cost about as much as writing the file.
    connection = session.connection()
    chunk = SQLITE_CHUNK if connection.dialect.name == "sqlite" else CHUNK
    result = connection.execute(query.execution_options(yield_per=chunk))
    return chain.from_iterable(result.partitions())


def iter_export_rows(
    session: Session, export: ExportFilter, needs: Needs = "target", *, history: bool = True
) -> Iterator[ExportRow]:
    """The segments `export` selects, in document order, streamed in chunks. With
    `history=False` (for exports that show none, such as CSV) the revisions are not read and
    the history fields are None."""
    connection = session.connection()
    names = _NamesById(connection, _USERS.c.name)
    documents = _NamesById(connection, _DOCUMENTS.c.source_name, export.document_id)
    query = _filtered(_rows_query(history), export, needs).order_by(
        _SEGMENTS.c.document_id, _SEGMENTS.c.position, *([_REVISIONS.c.id] if history else [])
    )
    rows = _stream(session, query)
    if history:
        merged = _with_history(rows, _row_maker(names, documents))
    else:
        merged = _without_history(rows, names, documents)
    if not _any_live_claim(session, export.document_id):
        return merged
    return _with_claims(merged, notes_in_document_order(session, export.document_id, CHUNK))


def _any_live_claim(session: Session, document_id: int | None) -> bool:
    """Whether the export has claims to merge: most have none, and then neither the claims'
    query (on the ORM) nor the merge is run."""
    claims = _CLAIMS.c
    query = select(claims.id).where(claims.deleted_at.is_(None))
    if document_id is not None:
        query = query.join(_SEGMENTS, _SEGMENTS.c.id == claims.segment_id)
        query = query.where(_SEGMENTS.c.document_id == document_id)
    return session.connection().execute(query.limit(1)).first() is not None


# Rows are built by `tuple.__new__` from one tuple: a named tuple's own constructor is a Python
# function with 19 parameters, and its `_make` a Python call with a length check, which 100,000
# rows notice (the tuples here have ExportRow's 19 fields by construction; the tests read them).
_new_tuple = tuple.__new__


def _without_history(
    rows: Iterable[Any], names: _NamesById, documents: _NamesById
) -> Iterator[ExportRow]:
    user = names.__getitem__
    for segment_id, document_id, position, source, target, mt, status, by, at in rows:
        yield _new_tuple(ExportRow, (
            segment_id, document_id, documents[document_id], position, source, target, mt,
            status, user(by), at, *_NO_HISTORY, (),
        ))  # fmt: skip


MakeRow = Callable[[Any, Any, Any, Any], ExportRow]


def _row_maker(names: _NamesById, documents: _NamesById) -> MakeRow:
    """The `ExportRow` of a segment's row and its first and last target revision and latest MT
    revision (rows of `_rows_query(history=True)`, or None)."""
    user = names.__getitem__

    def make(segment: Any, first: Any, last: Any, machine: Any) -> ExportRow:
        segment_id, document_id, position, source, target, mt, status, by, at = segment[:_ORIGIN]
        created_by = created_at = changed_by = changed_at = origin = None
        if first is not None:
            created_by, created_at = user(first[_AUTHOR]), first[_CREATED]
            changed_by, changed_at, origin = user(last[_AUTHOR]), last[_CREATED], last[_ORIGIN]
        package = version = mt_at = None
        if machine is not None:
            package, version, mt_at = machine[_PACKAGE], machine[_VERSION], machine[_CREATED]
        return _new_tuple(ExportRow, (
            segment_id, document_id, documents[document_id], position, source, target, mt,
            status, user(by), at, created_by, created_at, changed_by, changed_at, origin,
            package, version, mt_at, (),
        ))  # fmt: skip

    return make


def _with_history(rows: Iterable[Any], make: MakeRow) -> Iterator[ExportRow]:
    """One `ExportRow` per segment from its revision rows (consecutive, oldest first).

    One loop keeping the segment's state in locals: per segment, `groupby`, a generator of
    its revisions and a function reducing them cost twice as much, the largest share of the
    export's own work at 100,000 segments."""
    current = segment = first = last = machine = None
    for row in rows:
        if row[0] != current:
            if segment is not None:
                yield make(segment, first, last, machine)
            current, segment, first, last, machine = row[0], row, None, None, None
        origin = row[_ORIGIN]
        if origin == MT_ORIGIN:
            machine = row
        elif origin is not None:  # None: the segment has no revision at all
            if first is None:
                first = row
            last = row
    if segment is not None:
        yield make(segment, first, last, machine)


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
    rows = iter(rows)
    pending = next(notes, None)
    for row in rows:
        key = (row.document_id, row.position)
        while pending is not None and pending[0] < key:
            pending = next(notes, None)
        if pending is None:  # no claims further on: the rest as they are, without the checks
            yield row
            yield from rows
            return
        yield row._replace(claims=pending[1]) if pending[0] == key else row
