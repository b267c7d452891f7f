"""Stamps: what a screen shows is derived from, summed up in a few aggregates.

A screen kept by the app and shown again (tui/shelf.py) compares the stamp read now with the
one of what it shows: equal, nothing it was derived from changed and it skips reading and
drawing it all again; different, it reads afresh. Every write of a segment's text or status
appends a revision or a review (services/editing.py, filling.py, review.py: MT too, which does
not bump the version), rows are removed only with their document (cascade), documents can be
retitled and users are few; every write of a claim bumps its version. Each query is an
aggregate the database answers from an index (a maximum of a primary key; on PostgreSQL a count
over a narrow index beside it, see `_rows_stamp`), without reading the texts.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from workbench.store.models import Claim, Document, Review, Revision, Segment, User

Stamp = tuple[object, ...]


def _people_and_titles(session: Session) -> Stamp:
    titles = session.execute(select(Document.id, Document.title, Document.source_name)).all()
    users = session.execute(select(User.id, User.name)).all()
    return tuple(sorted(map(tuple, titles))), tuple(sorted(map(tuple, users)))


def content_stamp(session: Session) -> Stamp:
    """Of every segment, revision and review: what the statistics and the review desk show."""
    return (
        *_rows_stamp(session, Segment.id),
        *_rows_stamp(session, Revision.id),
        *_rows_stamp(session, Review.id),
        *_people_and_titles(session),
    )


def _rows_stamp(session: Session, key: InstrumentedAttribute[int]) -> Stamp:
    """The maximum of a table's ids, and where needed their count.

    On PostgreSQL a transaction can commit a row whose id is lower than one already seen (ids
    are taken at insert, not at commit), so a maximum alone can stay the same while a row
    arrives: the count is taken beside it. SQLite has one writer at a time, which takes its ids
    under the write lock it holds until commit, so ids appear in commit order; and rows go only
    with their document, which the titles show. There the maximum suffices, and the count (a
    walk of a whole index: most of the stamp's cost on 50,000 segments) is left out.
    """
    if session.get_bind().dialect.name == "sqlite":
        return (session.execute(select(func.max(key))).scalar(),)
    return tuple(session.execute(select(func.count(key), func.max(key))).one())


def claims_stamp(session: Session, document_id: int) -> Stamp:
    """Of one document's live claims and the segments they sit on: what the claims panel shows."""
    claims = session.execute(
        select(
            func.count(Claim.id),
            func.max(Claim.id),
            func.sum(Claim.version),
            func.sum(Segment.version),
        )
        .join(Segment, Segment.id == Claim.segment_id)
        .where(Segment.document_id == document_id, Claim.deleted_at.is_(None))
    ).one()
    return (*claims, *_people_and_titles(session))
