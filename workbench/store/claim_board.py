"""The claims board: live claims across documents, by state, filtered as a desk works them.

Read-side only, shared by `workbench claims queue` and the TUI board. Claims come grouped by
status in the order of the work (draft, tagged, in review, approved, rejected; a status outside
the vocabulary last), then in document order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import case, select
from sqlalchemy.orm import Session

from workbench.errors import NotFoundError
from workbench.store.claim_queries import ClaimView, claims_query
from workbench.store.models import Claim, Document, Segment, User
from workbench.store.vocabulary import ClaimStatus

STATUS_ORDER = tuple(status.value for status in ClaimStatus)


@dataclass(frozen=True, slots=True)
class BoardFilter:
    """What the board shows; an empty tuple or None means "any"."""

    statuses: Sequence[str] = ()
    verdicts: Sequence[str] = ()
    types: Sequence[str] = ()
    document_id: int | None = None
    assignee: str | None = None  # a user name; "" means claims nobody is assigned


def _check(session: Session, wanted: BoardFilter) -> int | None:
    """The assignee's user id (None when not filtered by one); unknown ids and names refused."""
    if wanted.document_id is not None and session.get(Document, wanted.document_id) is None:
        raise NotFoundError(
            f"document {wanted.document_id} does not exist; `workbench segments --json` "
            "shows the ids"
        )
    if not wanted.assignee:
        return None
    user_id = session.scalar(select(User.id).where(User.name == wanted.assignee))
    if user_id is None:
        raise NotFoundError(
            f"user {wanted.assignee!r} does not exist; list users with `workbench users list`"
        )
    return user_id


def claim_board(session: Session, wanted: BoardFilter) -> list[ClaimView]:
    """The claims `wanted` selects, by status in the order of the work, then document order."""
    assignee_id = _check(session, wanted)
    query = claims_query()
    if wanted.statuses:
        query = query.where(Claim.status.in_(list(wanted.statuses)))
    if wanted.verdicts:
        query = query.where(Claim.verdict.in_(list(wanted.verdicts)))
    if wanted.types:
        query = query.where(Claim.claim_type.in_(list(wanted.types)))
    if wanted.document_id is not None:
        query = query.where(Segment.document_id == wanted.document_id)
    if assignee_id is not None:
        query = query.where(Claim.assignee_id == assignee_id)
    elif wanted.assignee == "":
        query = query.where(Claim.assignee_id.is_(None))
    rank = case(
        {status: index for index, status in enumerate(STATUS_ORDER)},
        value=Claim.status,
        else_=len(STATUS_ORDER),
    )
    query = query.order_by(None).order_by(
        rank, Segment.document_id, Segment.position, Claim.side, Claim.start, Claim.id
    )
    return [ClaimView.from_claim(claim) for claim in session.scalars(query).unique()]
