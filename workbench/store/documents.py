"""Reading documents with their progress, for `workbench documents` and the screen's F2 list.

One grouped query counts every document's segments by status, so a list of a thousand documents
costs two queries, not one per document.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.store.models import Document, Segment, SegmentStatus, User

# Segments that have a finished English: translated and everything a reviewer passed.
TRANSLATED = (
    SegmentStatus.TRANSLATED.value,
    SegmentStatus.REVIEWED.value,
    SegmentStatus.APPROVED.value,
)


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    id: int
    title: str
    source_name: str
    source_format: str
    source_url: str | None
    outlet: str | None
    author: str | None
    published_at: str | None
    imported_at: datetime
    imported_by: str | None
    segments: int
    translated: int  # translated, reviewed or approved
    approved: int
    statuses: dict[str, int]

    @property
    def date(self) -> str:
        """The publication date when the source gave one, else the day it was imported."""
        return self.published_at[:10] if self.published_at else self.imported_at.date().isoformat()


def _status_counts(session: Session, ids: Sequence[int] | None) -> dict[int, Counter[str]]:
    query = select(Segment.document_id, Segment.status, func.count()).group_by(
        Segment.document_id, Segment.status
    )
    if ids is not None:
        query = query.where(Segment.document_id.in_(list(ids)))
    counts: dict[int, Counter[str]] = {}
    for document_id, status, count in session.execute(query):
        counts.setdefault(document_id, Counter())[status] = count
    return counts


def document_summaries(session: Session, ids: Sequence[int] | None = None) -> list[DocumentSummary]:
    """Every document (or those with `ids`) in id order, with its progress."""
    query = (
        select(Document, User.name)
        .outerjoin(User, Document.imported_by_id == User.id)
        .order_by(Document.id)
    )
    if ids is not None:
        query = query.where(Document.id.in_(list(ids)))
    rows = session.execute(query).all()
    counts = _status_counts(session, ids)
    return [_summary(document, user, counts.get(document.id, Counter())) for document, user in rows]


def document_summary(session: Session, document_id: int) -> DocumentSummary | None:
    found = document_summaries(session, [document_id])
    return found[0] if found else None


def _summary(document: Document, user: str | None, counts: Counter[str]) -> DocumentSummary:
    return DocumentSummary(
        id=document.id,
        title=document.title,
        source_name=document.source_name,
        source_format=document.source_format,
        source_url=document.source_url,
        outlet=document.outlet,
        author=document.author,
        published_at=document.published_at,
        imported_at=document.imported_at,
        imported_by=user,
        segments=sum(counts.values()),
        translated=sum(counts[status] for status in TRANSLATED),
        approved=counts[SegmentStatus.APPROVED.value],
        statuses=dict(sorted(counts.items())),
    )
