"""Importing parsed documents: one transaction per file, idempotent by content hash."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import insert, select

from workbench.ingest.sources import ParsedDocument
from workbench.services.users import ensure_user
from workbench.store.database import Database
from workbench.store.models import Document, Segment


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    name: str
    document_id: int
    segments: int
    added: bool  # False: a document with the same content was already there


def import_document(database: Database, parsed: ParsedDocument, user_name: str) -> ImportOutcome:
    with database.write() as session:
        existing = session.scalar(
            select(Document).where(Document.content_hash == parsed.content_hash)
        )
        if existing is not None:
            return ImportOutcome(parsed.path.name, existing.id, existing.segment_count, False)
        user = ensure_user(session, user_name)
        document = Document(
            title=parsed.title,
            source_name=parsed.path.name,
            content_hash=parsed.content_hash,
            segment_count=len(parsed.segments),
            imported_by_id=user.id,
        )
        session.add(document)
        session.flush()
        # Core bulk insert: one executemany for the whole document, no ORM objects per row.
        session.execute(
            insert(Segment),
            [
                {
                    "document_id": document.id,
                    "position": segment.position,
                    "paragraph": segment.paragraph,
                    "source": segment.source,
                    "source_hash": segment.source_hash,
                    "is_repeat": segment.is_repeat,
                }
                for segment in parsed.segments
            ],
        )
        return ImportOutcome(parsed.path.name, document.id, len(parsed.segments), True)
