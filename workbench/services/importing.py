"""Importing parsed documents, idempotent by content hash.

Documents are written in batches, one transaction per batch, and a batch only ever holds whole
documents: a killed import leaves complete documents or none, and running it again adds only
those still missing. Batching keeps a folder of 100,000 small files to a few hundred commits.
Two importers racing on one PostgreSQL database cannot both add the same file: the insert skips a
content hash that is already there (ON CONFLICT DO NOTHING) and reports the document as present.
The new documents' exact translation-memory matches are filled in the batch's transaction.
Translations that came with a source (XLIFF targets) are saved first, in the same transaction, as
`import` revisions by the importing user, so the memory fills only what the file left empty.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from typing import Any, cast

from sqlalchemy import Dialect, Table, insert, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session
from sqlalchemy.sql.schema import ScalarElementColumnDefault

from workbench.ingest.sources import ParsedDocument
from workbench.services.editing import save_target
from workbench.services.exact_matches import fill_from_memory
from workbench.services.users import ensure_user
from workbench.store.database import Database
from workbench.store.models import Document, Origin, Segment, User
from workbench.store.queries import memory_is_empty

# A batch closes once it holds this many segments or documents (whichever comes first).
BATCH_SEGMENTS = 5_000
BATCH_DOCUMENTS = 1_000


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    name: str
    document_id: int
    segments: int
    added: bool  # False: a document with the same content was already there
    filled: int = 0  # segments given the English of an exact translation-memory match
    targets: int = 0  # segments given the translation that came with the source (XLIFF)


def import_document(database: Database, parsed: ParsedDocument, user_name: str) -> ImportOutcome:
    """Import one document in its own transaction."""
    return next(import_documents(database, [parsed], user_name))


def import_documents(
    database: Database, documents: Iterable[ParsedDocument], user_name: str
) -> Iterator[ImportOutcome]:
    """Import `documents` in order, yielding each outcome once its batch is committed."""
    for batch in _batches(documents):
        with database.write() as session:
            outcomes = _import_batch(session, batch, user_name)
        yield from outcomes


def _batches(documents: Iterable[ParsedDocument]) -> Iterator[list[ParsedDocument]]:
    batch: list[ParsedDocument] = []
    size = 0
    for document in documents:
        if batch and (size + len(document.segments) > BATCH_SEGMENTS):
            yield batch
            batch, size = [], 0
        batch.append(document)
        size += len(document.segments)
        if len(batch) >= BATCH_DOCUMENTS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _existing(session: Session, hashes: Sequence[str]) -> dict[str, tuple[int, int]]:
    """content hash -> (document id, segment count) for the hashes already stored."""
    rows = session.execute(
        select(Document.content_hash, Document.id, Document.segment_count).where(
            Document.content_hash.in_(hashes)
        )
    )
    return {content_hash: (doc_id, count) for content_hash, doc_id, count in rows}


def _insert_documents(session: Session, new: list[ParsedDocument], user_id: int) -> dict[str, int]:
    """Insert the documents, skipping hashes another importer stored meanwhile; hash -> new id."""
    dialect = session.get_bind().dialect.name
    dialect_insert: Any = pg_insert if dialect == "postgresql" else sqlite_insert
    table = Document.__table__
    statement = (
        dialect_insert(table)
        .on_conflict_do_nothing(index_elements=["content_hash"])
        .returning(table.c.content_hash, table.c.id)
    )
    # On the session's connection (Core), not session.execute: the ORM's bulk path sorts and
    # copies every row's parameters in Python before the same executemany (see _insert_segments).
    rows = session.connection().execute(
        statement,
        [
            {
                "title": document.title,
                "source_name": document.source_name,
                "content_hash": document.content_hash,
                "segment_count": len(document.segments),
                "imported_by_id": user_id,
                "source_url": document.meta.source_url,
                "outlet": document.meta.outlet,
                "author": document.meta.author,
                "published_at": document.meta.published_at,
                "source_format": document.meta.source_format,
            }
            for document in new
        ],
    )
    return {row[0]: row[1] for row in rows}


def _import_batch(
    session: Session, batch: list[ParsedDocument], user_name: str
) -> list[ImportOutcome]:
    known = _existing(session, [document.content_hash for document in batch])
    new: list[ParsedDocument] = []
    seen = set(known)
    for document in batch:  # the first of two files with the same content is the one added
        if document.content_hash not in seen:
            seen.add(document.content_hash)
            new.append(document)
    added: dict[str, int] = {}
    targets: Counter[int] = Counter()
    if new:
        user = ensure_user(session, user_name)
        added = _insert_documents(session, new, user.id)
        raced = [d.content_hash for d in new if d.content_hash not in added]
        if raced:
            known.update(_existing(session, raced))
        stored = [d for d in new if d.content_hash in added]
        _insert_segments(session, stored, added)
        targets = _save_targets(session, stored, added, user)
    filled = _fill(session, user_name, list(added.values()))
    return [_outcome(document, added, known, filled, targets) for document in batch]


def _save_targets(
    session: Session, documents: list[ParsedDocument], ids: dict[str, int], user: User
) -> Counter[int]:
    """The translations that came with the sources, as `import` revisions (one per segment)."""
    saved: Counter[int] = Counter()
    for document in documents:
        with_target = {s.position: s for s in document.segments if s.target is not None}
        if not with_target:
            continue
        document_id = ids[document.content_hash]
        rows = session.execute(
            select(Segment.id, Segment.position).where(
                Segment.document_id == document_id, Segment.position.in_(list(with_target))
            )
        )
        for segment_id, position in rows:
            parsed = with_target[position]
            assert parsed.target is not None
            save_target(
                session,
                segment_id,
                parsed.target,
                user,
                status=parsed.target_status or "translated",
                expect_version=0,
                origin=Origin.IMPORT,
            )
            saved[document_id] += 1
    return saved


def _fill(session: Session, user_name: str, document_ids: list[int]) -> Counter[int]:
    """Exact translation-memory matches go straight into the new documents (origin tm, draft)."""
    if not document_ids or memory_is_empty(session):
        return Counter()  # nothing to fill from: spare the memory's join
    return fill_from_memory(session, user_name, document_ids)


# The columns an import fills, in the order of `_segment_values`; the others take their scalar
# defaults or stay NULL.
_SEGMENT_COLUMNS = (
    "document_id", "position", "paragraph", "source", "source_hash", "is_repeat", "block"
)  # fmt: skip
_SEGMENT_DEFAULTS = {
    column.key: column.default.arg
    for column in cast(Table, Segment.__table__).columns
    if column.key not in _SEGMENT_COLUMNS and isinstance(column.default, ScalarElementColumnDefault)
}


def _segment_values(
    documents: list[ParsedDocument], ids: dict[str, int]
) -> Iterator[tuple[Any, ...]]:
    """Each segment's values for `_SEGMENT_COLUMNS`, then the defaults'."""
    defaults = tuple(_SEGMENT_DEFAULTS.values())
    for document in documents:
        document_id = ids[document.content_hash]
        for segment in document.segments:
            yield (
                document_id,
                segment.position,
                segment.paragraph,
                segment.source,
                segment.source_hash,
                segment.is_repeat,
                segment.block,
                *defaults,
            )


def _insert_segments(
    session: Session, documents: list[ParsedDocument], ids: dict[str, int]
) -> None:
    connection = session.connection()
    values = list(_segment_values(documents, ids))
    if not values:
        return
    if connection.dialect.name == "sqlite":
        sql, order = _sqlite_segment_insert(connection.dialect)
        connection.exec_driver_sql(sql, list(map(order, values)))
        return
    # Core bulk insert on the session's connection: one executemany for the whole batch, which
    # SQLAlchemy sends to PostgreSQL as multi-row INSERTs. (The ORM's bulk insert makes the same
    # statement but first walks every row through the mapper in Python.)
    keys = (*_SEGMENT_COLUMNS, *_SEGMENT_DEFAULTS)
    rows = [dict(zip(keys, row, strict=True)) for row in values]
    connection.execute(insert(cast(Table, Segment.__table__)), rows)


@lru_cache(maxsize=4)
def _sqlite_segment_insert(dialect: Dialect) -> tuple[str, Callable[[tuple[Any, ...]], Any]]:
    """Core's INSERT of the segments, as SQL for sqlite3's own executemany, and what puts a row
    of `_segment_values` in the order of its parameters.

    Core's executemany runs every row through its compiled-parameter processing in Python (a
    quarter of importing 100,000 small files); sqlite3 binds plain tuples in C. The values are
    ints, strings, booleans and None, which sqlite3 binds as Core's SQLite types would
    (tests/integration/test_import.py compares the rows).
    """
    keys = (*_SEGMENT_COLUMNS, *_SEGMENT_DEFAULTS)
    compiled = insert(cast(Table, Segment.__table__)).compile(
        dialect=dialect, column_keys=list(keys)
    )
    positions = [keys.index(key) for key in compiled.positiontup or ()]
    return str(compiled), itemgetter(*positions)


def _outcome(
    document: ParsedDocument,
    added: dict[str, int],
    known: dict[str, tuple[int, int]],
    filled: Counter[int],
    targets: Counter[int],
) -> ImportOutcome:
    name = document.source_name
    if document.content_hash in added:
        doc_id = added.pop(document.content_hash)  # popped: a later same-content file is a skip
        known[document.content_hash] = (doc_id, len(document.segments))
        return ImportOutcome(
            name, doc_id, len(document.segments), True, filled[doc_id], targets[doc_id]
        )
    doc_id, count = known[document.content_hash]
    return ImportOutcome(name, doc_id, count, False)
