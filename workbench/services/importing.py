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
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from typing import NamedTuple, cast

from sqlalchemy import Executable, Table, insert, select
from sqlalchemy.orm import Session

from workbench.ingest.sources import ParsedDocument
from workbench.services.editing import save_target
from workbench.services.exact_matches import fill_from_memory
from workbench.services.users import ensure_user
from workbench.store.database import Database
from workbench.store.models import Document, Origin, Segment, User
from workbench.store.queries import memory_is_empty
from workbench.store.upserts import conflict_insert
from workbench.text.normalise import source_hashes

# A batch closes once it holds this many segments or documents (whichever comes first).
BATCH_SEGMENTS = 5_000
BATCH_DOCUMENTS = 1_000


class ImportOutcome(NamedTuple):  # not a frozen dataclass: one per file, made 3x faster
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
    # Core on the session's connection: the ORM's execute costs more than the query here.
    rows = session.connection().execute(
        select(Document.content_hash, Document.id, Document.segment_count).where(
            Document.content_hash.in_(hashes)
        )
    )
    return {content_hash: (doc_id, count) for content_hash, doc_id, count in rows}


_DOCUMENTS = cast(Table, Document.__table__)


@cache
def _document_insert(dialect: str) -> Executable:
    """Skips a content hash another importer stored meanwhile (ON CONFLICT DO NOTHING); built
    once per dialect, when first written to."""
    return (
        conflict_insert(dialect, _DOCUMENTS)
        .on_conflict_do_nothing(index_elements=["content_hash"])
        .returning(_DOCUMENTS.c.content_hash, _DOCUMENTS.c.id)
    )


def _insert_documents(session: Session, new: list[ParsedDocument], user_id: int) -> dict[str, int]:
    """Insert the documents, skipping hashes another importer stored meanwhile; hash -> new id."""
    connection = session.connection()
    # Each row's parameters made once, as the mappings Core's executemany takes (not tuples
    # zipped into dicts afterwards: a second object per row, and zip(strict=True) per row).
    rows = [
        {
            "title": document.title,
            "source_name": document.source_name,
            "content_hash": document.content_hash,
            "segment_count": len(document.segments),
            "imported_by_id": user_id,
            "source_url": meta.source_url,
            "outlet": meta.outlet,
            "author": meta.author,
            "published_at": meta.published_at,
            "source_format": meta.source_format,
        }
        for document in new
        for meta in (document.meta,)
    ]
    # On the session's connection (Core), not session.execute: the ORM's bulk path sorts and
    # copies every row's parameters in Python before the same INSERT.
    statement = _document_insert(connection.dialect.name)
    returned = connection.execute(statement, rows)
    return {row[0]: row[1] for row in returned}


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


_SEGMENT_INSERT = insert(cast(Table, Segment.__table__))


def _insert_segments(
    session: Session, documents: list[ParsedDocument], ids: dict[str, int]
) -> None:
    # The batch's sentences hashed together (a thousand at a time: text/normalise.py), not each
    # file's on its own as it is read: for a folder of small files the calls cost more than the
    # characters. Documents already stored are never hashed.
    hashes = iter(
        source_hashes([segment.source for document in documents for segment in document.segments])
    )
    rows = [
        {
            "document_id": document_id,
            "position": segment.position,
            "paragraph": segment.paragraph,
            "source": segment.source,
            "source_hash": next(hashes),
            "is_repeat": segment.is_repeat,
            "block": segment.block,
        }
        for document in documents
        for document_id in (ids[document.content_hash],)
        for segment in document.segments
    ]
    # One executemany for the whole batch.
    session.connection().execute(_SEGMENT_INSERT, rows)


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
            # .get: a missing Counter key goes through Counter.__missing__, in Python
            name,
            doc_id,
            len(document.segments),
            True,
            filled.get(doc_id, 0),
            targets.get(doc_id, 0),
        )
    doc_id, count = known[document.content_hash]
    return ImportOutcome(name, doc_id, count, False)
