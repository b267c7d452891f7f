"""Approving and rejecting segments: the only code that writes reviews.

A decision judges the segment's current text (its latest non-MT revision), is recorded in
`reviews`, sets the status (approved, or rejected: back to the editor's queue) and bumps the
segment's version, so an editor or a second reviewer holding the old version is told on saving.
With `expect_version`, nothing is written unless the segment is still at the version the reviewer
was shown: nobody approves a text they did not see. The TUI always passes it.

The review flow never sets "reviewed": that status stays for texts imported as reviewed elsewhere,
which still wait in the review queue for an approval here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NoReturn

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from workbench.config import Settings
from workbench.errors import (
    InputError,
    NotFoundError,
    PermissionDeniedError,
    QualityGateError,
    StaleVersionError,
)
from workbench.qa.segments import approval_blockers
from workbench.services.memory import sync_segment_memory
from workbench.services.roles import REVIEW_ROLES, require_role
from workbench.services.users import ensure_user
from workbench.services.validation import check_storable
from workbench.store.database import Database
from workbench.store.models import (
    Decision,
    Origin,
    Review,
    Revision,
    Segment,
    SegmentStatus,
    User,
    utcnow,
)

# Which statuses each decision may start from. A rejected text can still be approved (the reviewer
# changed their mind) and an approved one rejected (an error found after approval).
_FROM_STATUSES = {
    Decision.APPROVED: (
        SegmentStatus.TRANSLATED.value,
        SegmentStatus.REVIEWED.value,
        SegmentStatus.REJECTED.value,
    ),
    Decision.REJECTED: (
        SegmentStatus.TRANSLATED.value,
        SegmentStatus.REVIEWED.value,
        SegmentStatus.APPROVED.value,
    ),
}


@dataclass(frozen=True, slots=True)
class ReviewOutcome:
    segment_id: int
    review_id: int
    revision_id: int  # the revision whose text was judged
    decision: str
    status: str
    version: int
    text: str


@dataclass(frozen=True, slots=True)
class _Current:
    version: int
    status: str
    target: str | None
    saved_by: str | None


def _load(session: Session, segment_id: int) -> _Current:
    row = session.execute(
        select(Segment.version, Segment.status, Segment.target, User.name)
        .outerjoin(User, Segment.updated_by_id == User.id)
        .where(Segment.id == segment_id)
    ).one_or_none()
    if row is None:
        raise NotFoundError(
            f"segment {segment_id} does not exist; list ids with `workbench segments`"
        )
    return _Current(*row)


def _stale(session: Session, segment_id: int, expected: int) -> NoReturn:
    current = _load(session, segment_id)
    raise StaleVersionError(segment_id, expected, current.version, current.saved_by, current.target)


def _judged_revision(session: Session, segment_id: int) -> Revision:
    revision = session.scalars(
        select(Revision)
        .where(Revision.segment_id == segment_id, Revision.origin != Origin.MT.value)
        .order_by(Revision.id.desc())
        .limit(1)
    ).first()
    if revision is None:
        raise InputError(f"segment {segment_id} has no saved English text to review yet")
    return revision


def _check_status(segment_id: int, current: _Current, decision: Decision) -> None:
    allowed = _FROM_STATUSES[decision]
    if current.status in allowed:
        return
    verb = "approve" if decision is Decision.APPROVED else "reject"
    if current.status == decision.value:
        raise InputError(f"segment {segment_id} is already {current.status}; nothing to do")
    raise InputError(
        f"cannot {verb} segment {segment_id}: it is {current.status}; a reviewer decides on "
        f"{', '.join(allowed)} segments (the editor marks it translated when done)"
    )


def _check_not_own(reviewer: User, revision: Revision, segment_id: int) -> None:
    if revision.author_id != reviewer.id:
        return
    raise PermissionDeniedError(
        f"{reviewer.name} wrote the current text of segment {segment_id} (revision "
        f"{revision.version}), so another reviewer must approve it; a desk that allows "
        "self-approval sets allow_self_approval = true in the config file"
    )


def _check_quality_gate(session: Session, segment_id: int, settings: Settings) -> None:
    blockers = approval_blockers(session, segment_id, settings)
    if not blockers:
        return
    listing = "; ".join(f"{issue.code}: {issue.message}" for issue in blockers)
    raise QualityGateError(
        f"segment {segment_id} cannot be approved while these checks fail: {listing}. Fix the "
        "target, or drop the check from qa_blocking in the config file"
    )


def _decide(
    session: Session,
    segment_id: int,
    reviewer: User,
    decision: Decision,
    *,
    comment: str | None,
    expect_version: int | None,
    settings: Settings | None,  # None only for a rejection: approval always passes the gate
) -> ReviewOutcome:
    verb = "approving" if decision is Decision.APPROVED else "rejecting"
    require_role(reviewer, REVIEW_ROLES, f"{verb} a segment")
    current = _load(session, segment_id)
    if expect_version is not None and current.version != expect_version:
        raise StaleVersionError(
            segment_id, expect_version, current.version, current.saved_by, current.target
        )
    _check_status(segment_id, current, decision)
    revision = _judged_revision(session, segment_id)
    if decision is Decision.APPROVED:
        assert settings is not None, "an approval is always judged by the desk's settings"
        if not settings.allow_self_approval:
            _check_not_own(reviewer, revision, segment_id)
        _check_quality_gate(session, segment_id, settings)
    now = utcnow()
    # One conditional UPDATE on the version just read: a save that slipped in between makes it
    # miss, and the reviewer is told instead of deciding on a text they did not see.
    new_version = session.execute(
        update(Segment)
        .where(Segment.id == segment_id, Segment.version == current.version)
        .values(
            status=decision.value,
            version=Segment.version + 1,
            updated_by_id=reviewer.id,
            updated_at=now,
        )
        .returning(Segment.version),
        execution_options={"synchronize_session": False},
    ).scalar_one_or_none()
    if new_version is None:
        _stale(session, segment_id, current.version)
    review = Review(
        segment_id=segment_id,
        revision_id=revision.id,
        reviewer_id=reviewer.id,
        decision=decision.value,
        comment=comment,
        version=new_version,
        created_at=now,
    )
    session.add(review)
    session.flush()
    sync_segment_memory(session, segment_id)  # approved text joins the TM, rejected text leaves it
    return ReviewOutcome(
        segment_id=segment_id,
        review_id=review.id,
        revision_id=revision.id,
        decision=decision.value,
        status=decision.value,
        version=new_version,
        text=revision.text,
    )


def approve(
    session: Session,
    segment_id: int,
    reviewer: User,
    *,
    settings: Settings,
    expect_version: int | None = None,
    comment: str | None = None,
) -> ReviewOutcome:
    """Approve the segment's current text as `reviewer` (a reviewer or admin).

    `settings` is required: it says whether reviewers may approve their own text
    (`allow_self_approval`) and which quality checks must pass first (`qa_blocking`).
    """
    check_storable(comment or "", "the review comment")
    note = comment.strip() if comment else None
    return _decide(
        session,
        segment_id,
        reviewer,
        Decision.APPROVED,
        comment=note or None,
        expect_version=expect_version,
        settings=settings,
    )


def reject(
    session: Session,
    segment_id: int,
    reviewer: User,
    comment: str,
    *,
    expect_version: int | None = None,
) -> ReviewOutcome:
    """Send the segment back to its editor with `comment` saying what to fix.

    Sending one's own text back harms nobody: no self-approval rule, no quality gate.
    """
    check_storable(comment, "the review comment")
    note = comment.strip()
    if not note:
        raise InputError(
            f"rejecting segment {segment_id} needs a comment saying what to fix (--comment TEXT)"
        )
    return _decide(
        session,
        segment_id,
        reviewer,
        Decision.REJECTED,
        comment=note,
        expect_version=expect_version,
        settings=None,
    )


def approve_segment(
    database: Database,
    user_name: str,
    segment_id: int,
    *,
    settings: Settings,
    expect_version: int | None = None,
    comment: str | None = None,
) -> ReviewOutcome:
    """`approve` as `user_name`, in a transaction of its own (the CLI and the review desk);
    `settings` holds the desk's rules (self-approval, the quality gate)."""
    with database.write() as session:
        reviewer = ensure_user(session, user_name)
        return approve(
            session,
            segment_id,
            reviewer,
            settings=settings,
            expect_version=expect_version,
            comment=comment,
        )


def reject_segment(
    database: Database,
    user_name: str,
    segment_id: int,
    comment: str,
    *,
    expect_version: int | None = None,
) -> ReviewOutcome:
    """`reject` as `user_name`, in a transaction of its own (the CLI and the review desk)."""
    with database.write() as session:
        reviewer = ensure_user(session, user_name)
        return reject(session, segment_id, reviewer, comment, expect_version=expect_version)
