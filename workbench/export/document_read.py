"""One document as the publishing exports see it: its metadata and its sentences in order.

The article, the bilingual copy and the XLIFF all read the document whole through `read_document`
in one read transaction, so the file is a consistent snapshot while others keep saving. A
5,000-sentence document is a few megabytes of text: reading it into a list keeps the writers
simple (the article has to group sentences into paragraphs anyway).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.errors import NotFoundError
from workbench.export.rows import notes_in_document_order
from workbench.store.models import Document, Segment

CHUNK = 2000


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    id: int
    title: str
    source_name: str
    content_hash: str
    source_url: str | None
    outlet: str | None
    author: str | None
    published_at: str | None
    source_format: str


class Sentence(NamedTuple):
    """One segment; a tuple because a large document has thousands of them."""

    segment_id: int
    position: int
    paragraph: int
    block: str | None  # None body text, "h1".."h6", "li", "quote"
    source: str
    target: str | None
    mt: str | None
    status: str
    version: int
    claims: tuple[str, ...] = ()  # one note per live claim (export/claim_notes.py)


@dataclass(frozen=True, slots=True)
class PublishDocument:
    info: DocumentInfo
    sentences: list[Sentence]


def _info(session: Session, document_id: int) -> DocumentInfo:
    document = session.get(Document, document_id)
    if document is None:
        raise NotFoundError(
            f"document {document_id} does not exist; list documents with `workbench segments` "
            "or open the workbench"
        )
    return DocumentInfo(
        document.id,
        document.title,
        document.source_name,
        document.content_hash,
        document.source_url,
        document.outlet,
        document.author,
        document.published_at,
        document.source_format,
    )


def read_document(
    session: Session, document_id: int, progress: Callable[[int], None] | None = None
) -> PublishDocument:
    """The document's metadata and sentences (with claim notes) in position order."""
    info = _info(session, document_id)
    query = (
        select(
            Segment.id,
            Segment.position,
            Segment.paragraph,
            Segment.block,
            Segment.source,
            Segment.target,
            Segment.mt,
            Segment.status,
            Segment.version,
        )
        .where(Segment.document_id == document_id)
        .order_by(Segment.position)
        .execution_options(yield_per=CHUNK)
    )
    notes = {
        position: found
        for (_, position), found in notes_in_document_order(session, document_id, CHUNK)
    }
    sentences: list[Sentence] = []
    for chunk in session.connection().execute(query).partitions():
        for values in chunk:
            sentence = Sentence(*values)
            found = notes.get(sentence.position)
            sentences.append(sentence._replace(claims=found) if found else sentence)
        if progress is not None:
            progress(len(chunk))
    return PublishDocument(info, sentences)


def count_sentences(session: Session, document_id: int) -> int:
    _info(session, document_id)
    query = select(func.count()).where(Segment.document_id == document_id)
    return session.scalar(query) or 0
