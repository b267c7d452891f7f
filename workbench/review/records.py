"""Loads what the statistics are computed from, and computes them (`load_stats`)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from workbench.review.stats import (
    GroupBy,
    ReviewRecord,
    SegmentEffort,
    StatsReport,
    compute_reports,
    compute_stats,
)
from workbench.store.models import Document, Origin, Review, Revision, Segment, SegmentStatus, User
from workbench.store.queries import RowsQuery

# Post-editing is measured on finished texts: drafts and rejected texts are still being worked on.
FINISHED_STATUSES = (
    SegmentStatus.TRANSLATED.value,
    SegmentStatus.REVIEWED.value,
    SegmentStatus.APPROVED.value,
)


@dataclass(frozen=True, slots=True)
class _Rev:
    origin: str
    author: str | None
    text: str
    seconds: float | None
    keystrokes: int | None


def _finished_segments(document_id: int | None) -> RowsQuery:
    query: RowsQuery = (
        select(Segment.id, Segment.document_id, Document.title, Segment.status, Segment.mt)
        .join(Document, Document.id == Segment.document_id)
        .where(Segment.status.in_(FINISHED_STATUSES), Segment.target.is_not(None))
        .order_by(Segment.id)
    )
    if document_id is not None:
        query = query.where(Segment.document_id == document_id)
    return query


def _revisions_by_segment(
    session: Session, document_id: int | None
) -> Iterator[tuple[int, list[_Rev]]]:
    ids = _finished_segments(document_id).with_only_columns(Segment.id).order_by(None)
    author = aliased(User)
    rows = session.execute(
        select(
            Revision.segment_id,
            Revision.origin,
            author.name,
            Revision.text,
            Revision.seconds_spent,
            Revision.keystrokes,
        )
        .outerjoin(author, author.id == Revision.author_id)
        .where(Revision.segment_id.in_(ids))
        .order_by(Revision.segment_id, Revision.id),
        execution_options={"yield_per": 5000},
    )
    for segment_id, group in groupby(rows, key=lambda row: row[0]):
        yield segment_id, [_Rev(*row[1:]) for row in group]


def _sum_or_none(values: list[float | None]) -> float | None:
    known = [value for value in values if value is not None]
    return sum(known) if known else None


def effort_from(
    segment: tuple[int, int, str, str, str | None], revisions: list[_Rev]
) -> SegmentEffort | None:
    """A segment's effort record, or None when its final text is not a human post-edit of MT."""
    segment_id, document_id, title, status, current_mt = segment
    texts = [i for i, r in enumerate(revisions) if r.origin != Origin.MT.value]
    if not texts or revisions[texts[-1]].origin != Origin.HUMAN.value:
        return None
    final = revisions[texts[-1]]
    # The MT the editor started from: the latest MT written before the first text revision.
    earlier_mt = [r.text for r in revisions[: texts[0]] if r.origin == Origin.MT.value]
    mt = earlier_mt[-1] if earlier_mt else current_mt
    if mt is None:
        return None
    own = [r for r in revisions if r.origin == Origin.HUMAN.value and r.author == final.author]
    keystrokes = _sum_or_none([r.keystrokes for r in own])
    return SegmentEffort(
        segment_id=segment_id,
        document_id=document_id,
        document_title=title,
        editor=final.author,
        status=status,
        mt=mt,
        final=final.text,
        seconds=_sum_or_none([r.seconds for r in own]),
        keystrokes=None if keystrokes is None else int(keystrokes),
    )


def load_efforts(session: Session, document_id: int | None = None) -> list[SegmentEffort]:
    segments = {row[0]: row for row in session.execute(_finished_segments(document_id))}
    efforts = []
    for segment_id, revisions in _revisions_by_segment(session, document_id):
        effort = effort_from(segments[segment_id], revisions)
        if effort is not None:
            efforts.append(effort)
    return efforts


def load_reviews(session: Session, document_id: int | None = None) -> list[ReviewRecord]:
    """Every review, against the author of the revision it judged."""
    author = aliased(User)
    query: RowsQuery = (
        select(Review.segment_id, Segment.document_id, Document.title, author.name, Review.decision)
        .join(Segment, Segment.id == Review.segment_id)
        .join(Document, Document.id == Segment.document_id)
        .join(Revision, Revision.id == Review.revision_id)
        .outerjoin(author, author.id == Revision.author_id)
        .order_by(Review.id)
    )
    if document_id is not None:
        query = query.where(Segment.document_id == document_id)
    return [ReviewRecord(*row) for row in session.execute(query)]


def load_stats(
    session: Session, by: GroupBy | None = None, document_id: int | None = None
) -> StatsReport:
    """Per-segment, overall and per-editor or per-document statistics, read in one session."""
    return compute_stats(load_efforts(session, document_id), load_reviews(session, document_id), by)


def load_reports(
    session: Session, groupings: tuple[GroupBy, ...], document_id: int | None = None
) -> dict[GroupBy, StatsReport]:
    """One report per grouping, from records read once (the statistics screen shows two)."""
    efforts = load_efforts(session, document_id)
    reviews = load_reviews(session, document_id)
    reports = compute_reports(efforts, reviews, groupings)
    return {by: reports[by] for by in groupings}
