"""Read-side queues: what waits for a reviewer, and what was sent back to an editor.

A segment's editor is the author of its latest text revision (any origin but MT): the person
whose words a reviewer judges, and to whom a rejection returns.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, tuple_
from sqlalchemy.orm import Session, aliased

from workbench.store.models import (
    Decision,
    Origin,
    Review,
    Revision,
    Segment,
    SegmentStatus,
    User,
)
from workbench.store.queries import RowsQuery

# Translated but not yet approved. "reviewed" (a status imports may carry, e.g. from a CAT tool's
# second read) still needs a reviewer's approval here, so it waits in the same queue.
REVIEWABLE_STATUSES = (SegmentStatus.TRANSLATED.value, SegmentStatus.REVIEWED.value)


def iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


@dataclass(frozen=True, slots=True)
class QueueItem:
    segment_id: int
    document_id: int
    position: int
    source: str
    mt: str | None
    target: str | None
    status: str
    version: int
    editor: str | None
    edited_at: datetime
    last_decision: str | None  # the previous review, if it was sent back once already
    last_comment: str | None
    mt_score: float | None = None  # the MT engine's confidence in the segment's MT

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "edited_at": iso(self.edited_at)}


@dataclass(frozen=True, slots=True)
class ReturnedItem:
    """A rejected segment in its editor's queue, with the reviewer's comment."""

    segment_id: int
    document_id: int
    position: int
    source: str
    mt: str | None
    target: str | None
    version: int
    editor: str | None
    reviewer: str
    comment: str | None
    rejected_at: datetime

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "rejected_at": iso(self.rejected_at)}


def latest_reviews() -> Any:
    """Subquery (segment_id, review_id) of each segment's latest review."""
    return (
        select(Review.segment_id, func.max(Review.id).label("review_id"))
        .group_by(Review.segment_id)
        .subquery()
    )


QUEUE_ORDERS = ("document", "mt-score")


def _latest_text_revision_id() -> Any:
    """Correlated: the segment's latest non-MT revision. Looked up per segment through the
    revisions' segment index, a page of the queue reads only its own segments' revisions."""
    return (
        select(func.max(Revision.id))
        .where(Revision.segment_id == Segment.id, Revision.origin != Origin.MT.value)
        .correlate(Segment)
        .scalar_subquery()
    )


def _latest_review_id() -> Any:
    return (
        select(func.max(Review.id))
        .where(Review.segment_id == Segment.id)
        .correlate(Segment)
        .scalar_subquery()
    )


def _queue_query(editor: str | None, document_id: int | None, order: str) -> RowsQuery:
    author = aliased(User)
    query: RowsQuery = (
        select(
            Segment.id,
            Segment.document_id,
            Segment.position,
            Segment.source,
            Segment.mt,
            Segment.target,
            Segment.status,
            Segment.version,
            author.name,
            Revision.created_at,
            Review.decision,
            Review.comment,
            Segment.mt_score,
        )
        .join(Revision, Revision.id == _latest_text_revision_id())
        .outerjoin(author, author.id == Revision.author_id)
        .outerjoin(Review, Review.id == _latest_review_id())
        .where(Segment.status.in_(REVIEWABLE_STATUSES))
        .order_by(Segment.document_id, Segment.position)
    )
    if editor is not None:
        query = query.where(author.name == editor)
    if document_id is not None:
        query = query.where(Segment.document_id == document_id)
    if order == "mt-score":
        query = query.order_by(None).order_by(
            Segment.mt_score.is_(None), Segment.mt_score, Segment.document_id, Segment.position
        )
    return query


def review_queue(
    session: Session,
    *,
    editor: str | None = None,
    document_id: int | None = None,
    order: str = "document",
    limit: int | None = None,
    after: tuple[int, int] | None = None,
    offset: int = 0,
) -> list[QueueItem]:
    """Segments waiting for a reviewer, in document order; filter by editor name or document.

    `order="mt-score"`: the least confident MT first (where the machine was unsure, the editor's
    text most needs a second look), unscored last. A screen reads it a page at a time: `limit`
    items after (document id, position) `after` in document order, or after `offset` items in
    either order.
    """
    query = _queue_query(editor, document_id, order)
    if after is not None:
        query = query.where(tuple_(Segment.document_id, Segment.position) > tuple_(*after))
    if limit is not None:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset)
    return [QueueItem(*row) for row in session.execute(query)]


def queue_editors(session: Session) -> list[str]:
    """The people who have written an English text, sorted: the review desk's editor filter.
    (Not narrowed to the queue: that needs every segment's latest revision, too slow to open.)"""
    wrote = (
        select(Revision.id)
        .where(Revision.author_id == User.id, Revision.origin != Origin.MT.value)
        .exists()
    )
    return list(session.scalars(select(User.name).where(wrote).order_by(User.name)))


def editor_queue(session: Session, user: User | str) -> list[ReturnedItem]:
    """Rejected segments whose rejected revision `user` wrote, with the latest comment."""
    name = user if isinstance(user, str) else user.name
    last_review = latest_reviews()
    author = aliased(User)
    reviewer = aliased(User)
    query: RowsQuery = (
        select(
            Segment.id,
            Segment.document_id,
            Segment.position,
            Segment.source,
            Segment.mt,
            Segment.target,
            Segment.version,
            author.name,
            reviewer.name,
            Review.comment,
            Review.created_at,
        )
        .join(last_review, last_review.c.segment_id == Segment.id)
        .join(Review, Review.id == last_review.c.review_id)
        .join(Revision, Revision.id == Review.revision_id)
        .join(author, author.id == Revision.author_id)
        .join(reviewer, reviewer.id == Review.reviewer_id)
        .where(
            Segment.status == SegmentStatus.REJECTED.value,
            Review.decision == Decision.REJECTED.value,
            author.name == name,
        )
        .order_by(Segment.document_id, Segment.position)
    )
    return [ReturnedItem(*row) for row in session.execute(query)]
