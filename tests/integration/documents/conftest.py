"""Helpers of the document tests: the stored segments of a document, read from the database."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from workbench.store.database import open_database
from workbench.store.models import Document, Segment


def stored_blocks(url: str, document_id: int) -> list[tuple[int, str | None, str]]:
    """(paragraph, block, source) of every segment of the document, in order."""
    database = open_database(url)
    try:
        with database.read() as session:
            rows = session.execute(
                select(Segment.paragraph, Segment.block, Segment.source)
                .where(Segment.document_id == document_id)
                .order_by(Segment.position)
            )
            return [(row[0], row[1], row[2]) for row in rows]
    finally:
        database.dispose()


def stored_document(url: str, document_id: int) -> dict[str, Any]:
    database = open_database(url)
    try:
        with database.read() as session:
            document = session.get(Document, document_id)
            assert document is not None
            return {
                column: getattr(document, column)
                for column in (
                    "title",
                    "source_name",
                    "source_url",
                    "outlet",
                    "author",
                    "published_at",
                    "source_format",
                    "segment_count",
                )
            }
    finally:
        database.dispose()


def paragraphs(blocks: list[tuple[int, str | None, str]]) -> list[tuple[str | None, str]]:
    """The stored sentences joined back into their paragraphs: (block, text) in order."""
    joined: list[tuple[str | None, str]] = []
    last = None
    for paragraph, block, source in blocks:
        if paragraph == last:
            joined[-1] = (block, f"{joined[-1][1]} {source}")
        else:
            joined.append((block, source))
        last = paragraph
    return joined
