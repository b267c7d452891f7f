"""Deciding on claims and handing them to checkers: `claims approve`, `reject`, `assign`.

One transaction each, as the acting user, like the segment review (`services.review`): a
decision needs the reviewer or admin role and someone other than the tagger (unless the desk
sets allow_self_approval), names the version it read (a stale one is refused with exit 3), and
leaves a history row with the reviewer's comment. Approving needs a verdict to publish.

Assigning: anyone may take a claim (assign it to themselves) or give one back; handing a claim to
someone else is the desk lead's call, so it needs the reviewer or admin role. The assignee must
already be a user: a mistyped name would otherwise create a user nobody is.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.errors import InputError, NotFoundError
from workbench.services.claim_fields import clean_fields
from workbench.services.claims import (
    check_decision,
    load_claim,
    record_change,
    require_verdict,
)
from workbench.services.roles import REVIEW_ROLES, require_role
from workbench.services.users import ensure_user
from workbench.store.claim_queries import ClaimView
from workbench.store.database import Database
from workbench.store.models import Claim, ClaimAction, ClaimStatus, User, utcnow
from workbench.text.controls import check_storable


def _comment(comment: str | None, *, required: bool) -> str | None:
    text = (comment or "").strip()
    if not text:
        if required:
            raise InputError(
                "rejecting a claim needs a reason: give --comment TEXT; nothing was written"
            )
        return None
    check_storable(text, "the comment")
    return text


def approve_claim(
    database: Database,
    user_name: str,
    claim_id: int,
    *,
    expect_version: int | None = None,
    verdict: str | None = None,
    comment: str | None = None,
    allow_self_approval: bool = False,
) -> ClaimView:
    """Approve a claim (with `verdict`, or the one it has): it may then be published."""
    note = _comment(comment, required=False)
    with database.write() as session:
        author = ensure_user(session, user_name)
        claim = load_claim(session, claim_id, expect_version)
        check_decision(claim.created_by_id, author, "approving a claim", allow_self_approval)
        if verdict is not None:
            claim.verdict = clean_fields({"verdict": verdict})["verdict"]
        if claim.status == ClaimStatus.APPROVED and verdict is None:
            raise InputError(f"claim {claim_id} is already approved; nothing was written")
        require_verdict(ClaimStatus.APPROVED.value, claim.verdict, claim_id)
        return _decide(
            session, claim, ClaimStatus.APPROVED, ClaimAction.APPROVED, author=author, note=note
        )


def reject_claim(
    database: Database,
    user_name: str,
    claim_id: int,
    comment: str,
    *,
    expect_version: int | None = None,
    allow_self_approval: bool = False,
) -> ClaimView:
    """Reject a claim with a reason (kept in its history); the checker takes it up again."""
    note = _comment(comment, required=True)
    with database.write() as session:
        author = ensure_user(session, user_name)
        claim = load_claim(session, claim_id, expect_version)
        check_decision(claim.created_by_id, author, "rejecting a claim", allow_self_approval)
        if claim.status == ClaimStatus.REJECTED:
            raise InputError(f"claim {claim_id} is already rejected; nothing was written")
        return _decide(
            session, claim, ClaimStatus.REJECTED, ClaimAction.REJECTED, author=author, note=note
        )


def _decide(
    session: Session,
    claim: Claim,
    status: ClaimStatus,
    action: ClaimAction,
    *,
    author: User,
    note: str | None,
) -> ClaimView:
    """A reviewer's decision: the claim's status and stamps, and a history row with the comment."""
    now = utcnow()
    claim.status = status.value
    claim.status_by, claim.status_at = author, now
    claim.updated_by, claim.updated_at = author, now
    record_change(session, claim, action, author, now, comment=note)
    return ClaimView.from_claim(claim)


def _assignee(session: Session, name: str) -> User:
    user = session.scalar(select(User).where(User.name == name.strip()))
    if user is None:
        raise NotFoundError(
            f"user {name!r} does not exist; list users with `workbench users list` "
            "(a user exists once they have run a command, or an admin adds them)"
        )
    return user


def assign_claim(
    database: Database,
    user_name: str,
    claim_id: int,
    assignee: str | None,
    *,
    expect_version: int | None = None,
) -> ClaimView:
    """Give a claim to a checker (`assignee`), or to nobody (None)."""
    with database.write() as session:
        author = ensure_user(session, user_name)
        claim = load_claim(session, claim_id, expect_version)
        target = _assignee(session, assignee) if assignee is not None else None
        if target is not None and target.id != author.id:
            require_role(author, REVIEW_ROLES, f"assigning a claim to {target.name}")
        if target is None and claim.assignee_id not in (None, author.id):
            require_role(author, REVIEW_ROLES, "taking a claim from its checker")
        if claim.assignee_id == (target.id if target else None):
            return ClaimView.from_claim(claim)  # already so: nothing to record
        now = utcnow()
        claim.assignee = target
        claim.updated_by, claim.updated_at = author, now
        record_change(session, claim, ClaimAction.ASSIGNED, author, now)
        return ClaimView.from_claim(claim)
