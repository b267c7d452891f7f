"""Tagging, editing, deleting and re-anchoring claims.

Every change bumps the claim's version (SQLAlchemy's version counter, so two writers cannot both
win) and adds one `ClaimHistory` row holding all fields as they stood after it.

Review decisions on a claim follow the segments' rule (`services.review`): approving or rejecting
it, taking it back from there, changing an approved claim's verdict or deleting an approved or
rejected claim needs the reviewer or admin role (exit 6 names it), and approving or rejecting
needs someone other than the tagger unless the desk sets allow_self_approval. Putting a claim "in
review" is the checker's own step and open to all. An approved claim carries a verdict (a rating
to publish); `services.claim_review` holds the approve, reject and assign commands.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any, cast

from sqlalchemy import Select, Table, bindparam, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from workbench.errors import InputError, NotFoundError, PermissionDeniedError, StaleClaimError
from workbench.services.anchoring import check_span, locate_quote
from workbench.services.claim_fields import ClaimChanges, ClaimFields, clean_fields
from workbench.services.roles import REVIEW_ROLES, require_role
from workbench.store.claim_queries import ClaimView, missing_claim_message
from workbench.store.models import (
    AnchorState,
    Claim,
    ClaimAction,
    ClaimHistory,
    ClaimSide,
    ClaimStatus,
    Segment,
    User,
    Verdict,
    utcnow,
)
from workbench.store.vocabulary import CLAIM_DECISIONS

SNAPSHOT_FIELDS = (
    "segment_id", "side", "start", "end", "quote", "aligned_start", "aligned_end",
    "aligned_quote", "claim_text_en", "check_worthiness", "claim_type", "claimant_name",
    "claimant_role", "claimant_kind", "claim_date", "claim_place", "verdict", "evidence_links",
    "mt_distorted", "notes", "status", "anchor_state",
)  # fmt: skip
REVIEW_STATUSES = tuple(status.value for status in CLAIM_DECISIONS)
RATED_VERDICTS = frozenset(v.value for v in Verdict if v is not Verdict.UNVERIFIED)


def _side_text(segment: Segment, side: str) -> tuple[str, str]:
    """The text of one side of a segment and how messages name it."""
    if side == ClaimSide.AR:
        return segment.source, f"the Arabic source of segment {segment.id}"
    if segment.target is None:
        raise InputError(
            f"segment {segment.id} has no English target yet; save one "
            f"(`workbench edit {segment.id} --text ...`) before tagging the English side"
        )
    return segment.target, f"the English target of segment {segment.id}"


def _other(side: str) -> str:
    return ClaimSide.EN.value if side == ClaimSide.AR else ClaimSide.AR.value


def _load_segment(session: Session, segment_id: int) -> Segment:
    # populate_existing: a target saved earlier in this session by a Core UPDATE must show.
    segment = session.get(Segment, segment_id, populate_existing=True)
    if segment is None:
        raise NotFoundError(
            f"segment {segment_id} does not exist; list ids with `workbench segments`"
        )
    return segment


def load_claim(session: Session, claim_id: int, expect_version: int | None) -> Claim:
    # FOR UPDATE (PostgreSQL): a concurrent edit waits for this one instead of failing at flush.
    claim = session.scalar(
        select(Claim)
        .where(Claim.id == claim_id, Claim.deleted_at.is_(None))
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    if claim is None:
        raise NotFoundError(missing_claim_message(session, claim_id))
    if expect_version is not None and claim.version != expect_version:
        who = claim.updated_by.name if claim.updated_by else None
        raise StaleClaimError(claim_id, expect_version, claim.version, who)
    return claim


def snapshot(claim: Claim) -> dict[str, Any]:
    data = {name: getattr(claim, name) for name in SNAPSHOT_FIELDS}
    data["evidence_links"] = list(claim.evidence_links or ())
    data["assignee"] = claim.assignee.name if claim.assignee else None
    return data


def record_change(
    session: Session,
    claim: Claim,
    action: ClaimAction,
    user: User,
    at: datetime,
    *,
    comment: str | None = None,
) -> None:
    """Flush the claim (the version check) and add its history row."""
    try:
        session.flush()
    except StaleDataError:
        current = session.scalar(select(Claim.version).where(Claim.id == claim.id)) or 0
        raise StaleClaimError(claim.id, claim.version, current, None) from None
    history = ClaimHistory(
        claim_id=claim.id,
        version=claim.version,
        action=action.value,
        user_id=user.id,
        at=at,
        snapshot=snapshot(claim),
        comment=comment,
    )
    session.add(history)
    session.flush()


def _span_values(
    segment: Segment, side: str, start: int, end: int, *, aligned: bool
) -> dict[str, Any]:
    """Column values for a span set by a person: offsets checked, quote taken from the text."""
    text, where = _side_text(segment, side)
    prefix = "aligned_" if aligned else ""
    values: dict[str, Any] = {
        f"{prefix}start": start,
        f"{prefix}end": end,
        "quote" if not aligned else "aligned_quote": check_span(text, start, end, where),
    }
    if side == ClaimSide.EN:
        values["anchor_state"] = AnchorState.OK.value  # a person just pointed at the words
    return values


def _aligned_values(
    segment: Segment, claim_side: str, start: int | None, end: int | None
) -> dict[str, Any]:
    if start is None and end is None:
        values: dict[str, Any] = {"aligned_start": None, "aligned_end": None, "aligned_quote": None}
        if claim_side == ClaimSide.AR:
            values["anchor_state"] = AnchorState.OK.value  # no English span left to drift
        return values
    if start is None or end is None:
        raise InputError("give both ends of the aligned span (aligned start and aligned end)")
    return _span_values(segment, _other(claim_side), start, end, aligned=True)


def check_decision(
    claim_creator: int | None, author: User, action: str, allow_self_approval: bool
) -> None:
    """A review decision on a claim (as on a segment): a reviewer or admin, not its tagger."""
    require_role(author, REVIEW_ROLES, action)
    if claim_creator == author.id and not allow_self_approval:
        raise PermissionDeniedError(
            f"{author.name} tagged this claim, so someone else must review or approve it "
            "(or set allow_self_approval in the config file)"
        )


def require_verdict(status: str, verdict: str | None, claim_id: int | None) -> None:
    """An approved claim publishes a rating: it needs a verdict other than "unverified"."""
    if status != ClaimStatus.APPROVED or verdict in RATED_VERDICTS:
        return
    which = f"claim {claim_id}" if claim_id is not None else "a claim"
    raise InputError(
        f"approving {which} needs a verdict (supports, refutes or not enough info); it has "
        f"{verdict or 'none'}. Give one with --verdict VALUE; nothing was written"
    )


def _a_claim(status: str) -> str:
    return f"{'an' if status[:1] in 'aei' else 'a'} {status} claim"


def _decision(claim: Claim, values: Mapping[str, Any]) -> str | None:
    """What review decision a change makes (to check who may make it), or None."""
    status = values.get("status", claim.status)
    if status in REVIEW_STATUSES and status != claim.status:
        return "approving a claim" if status == ClaimStatus.APPROVED else "rejecting a claim"
    if claim.status in REVIEW_STATUSES and status != claim.status:
        return f"reopening {_a_claim(claim.status)} (setting its status to {status})"
    if "verdict" in values and status == ClaimStatus.APPROVED:
        return "changing the verdict of an approved claim"
    return None


def tag_claim(
    session: Session,
    segment_id: int,
    side: str,
    start: int,
    end: int,
    *,
    author: User,
    fields: ClaimFields | None = None,
    allow_self_approval: bool = False,
) -> ClaimView:
    """Tag [start, end) of one side ("ar" or "en") of a segment as a claim.

    Offsets are code points of the stored text; the quote is taken from it. Bad offsets or
    field values raise InputError and nothing is written.
    """
    values = clean_fields({"side": side, **(fields or {})})
    side = values.pop("side")
    segment = _load_segment(session, segment_id)
    values.update(_span_values(segment, side, start, end, aligned=False))
    aligned_start = values.pop("aligned_start", None)
    aligned_end = values.pop("aligned_end", None)
    values.update(_aligned_values(segment, side, aligned_start, aligned_end))
    now = utcnow()
    status = values.setdefault("status", ClaimStatus.DRAFT.value)
    if status in REVIEW_STATUSES:
        check_decision(author.id, author, f"tagging a claim as {status}", allow_self_approval)
    require_verdict(status, values.get("verdict"), None)
    claim = Claim(
        segment=segment,
        side=side,
        created_by=author,
        created_at=now,
        updated_by=author,
        updated_at=now,
        status_by=author,
        status_at=now,
        **values,
    )
    session.add(claim)
    record_change(session, claim, ClaimAction.CREATED, author, now)
    return ClaimView.from_claim(claim)


def _changed_values(session: Session, claim: Claim, changes: Mapping[str, Any]) -> dict[str, Any]:
    values = clean_fields(changes)
    segment = _load_segment(session, claim.segment_id)
    if "start" in values or "end" in values:
        start = values.pop("start", claim.start)
        end = values.pop("end", claim.end)
        values.update(_span_values(segment, claim.side, start, end, aligned=False))
    if "aligned_start" in values or "aligned_end" in values:
        start = values.pop("aligned_start", claim.aligned_start)
        end = values.pop("aligned_end", claim.aligned_end)
        values.update(_aligned_values(segment, claim.side, start, end))
    if "side" in values:
        raise InputError("the side of a claim cannot change; delete it and tag the other side")
    old = snapshot(claim)
    return {name: value for name, value in values.items() if old[name] != value}


def update_claim(
    session: Session,
    claim_id: int,
    author: User,
    changes: ClaimChanges,
    *,
    expect_version: int | None = None,
    allow_self_approval: bool = False,
) -> ClaimView:
    """Change some fields of a claim (None or "" clears one); an edit that changes nothing
    writes nothing. Setting start/end takes the quote anew from the text."""
    claim = load_claim(session, claim_id, expect_version)
    values = _changed_values(session, claim, changes)
    if not values:
        return ClaimView.from_claim(claim)
    decision = _decision(claim, values)
    if decision is not None:
        check_decision(claim.created_by_id, author, decision, allow_self_approval)
    require_verdict(
        values.get("status", claim.status), values.get("verdict", claim.verdict), claim.id
    )
    now = utcnow()
    if "status" in values:
        claim.status_by, claim.status_at = author, now
    for name, value in values.items():
        setattr(claim, name, value)
    claim.updated_by, claim.updated_at = author, now
    record_change(session, claim, ClaimAction.UPDATED, author, now)
    return ClaimView.from_claim(claim)


def delete_claim(
    session: Session, claim_id: int, author: User, *, expect_version: int | None = None
) -> ClaimView:
    """Delete a claim: it leaves every list and export; its history stays, ending in "deleted"."""
    claim = load_claim(session, claim_id, expect_version)
    if claim.status in REVIEW_STATUSES:  # deleting it would undo a reviewer's decision
        require_role(author, REVIEW_ROLES, f"deleting {_a_claim(claim.status)}")
    _load_segment(session, claim.segment_id)  # fresh texts for the returned view
    now = utcnow()
    claim.deleted_at = now
    claim.updated_by, claim.updated_at = author, now
    record_change(session, claim, ClaimAction.DELETED, author, now)
    return ClaimView.from_claim(claim)


@dataclass(frozen=True, slots=True)
class Reanchored:
    claim_id: int
    anchor_state: str
    start: int  # the English-side span after re-anchoring
    end: int
    aligned: bool  # True: that span is the aligned span of a claim tagged on the Arabic side


def _reanchor_one(claim: Claim, old_text: str | None, new_text: str) -> tuple[str, int, int] | None:
    """The English-side span's new state and offsets, or None when nothing changes."""
    aligned = claim.side == ClaimSide.AR
    start = claim.aligned_start if aligned else claim.start
    end = claim.aligned_end if aligned else claim.end
    quote = claim.aligned_quote if aligned else claim.quote
    if start is None or end is None or quote is None:
        return None  # an Arabic claim with no English span
    found = locate_quote(quote, start, old_text, new_text)
    if found is None:
        state, new_start, new_end = AnchorState.NEEDS_ATTENTION.value, start, end
    elif found.exact and (found.start, found.end) == (start, end):
        # Still exactly where a person put it.
        state, new_start, new_end = claim.anchor_state, start, end
        if state == AnchorState.NEEDS_ATTENTION:
            state = AnchorState.OK.value
    else:
        state, new_start, new_end = AnchorState.REANCHORED.value, found.start, found.end
    if (state, new_start, new_end) == (claim.anchor_state, start, end):
        return None
    return state, new_start, new_end


@cache
def _live_claim_ids() -> Select[int]:
    """The ids of a segment's claims, locked (PostgreSQL) as the ORM's query below locks them."""
    claims = cast(Table, Claim.__table__).c
    return (
        select(claims.id)
        .where(claims.segment_id == bindparam("segment_id"), claims.deleted_at.is_(None))
        .with_for_update()
    )


def reanchor_claims(
    session: Session, segment_id: int, old_text: str | None, new_text: str, author: User
) -> list[Reanchored]:
    """Follow the English target of a segment from `old_text` to `new_text` with its claims.

    Called by `editing.save_target` in the same transaction, so no edit path can skip it.
    Each English-side span is found again by its quote (see `anchoring.locate_quote`); one that
    cannot be found keeps its offsets and is marked "needs_attention".
    """
    # Most segments have no claim: asking with a statement built once, on the table, costs a
    # third of the ORM's query, which is run (and the claims loaded) only when there are some.
    if session.execute(_live_claim_ids(), {"segment_id": segment_id}).first() is None:
        return []
    claims = session.scalars(
        select(Claim)
        .where(Claim.segment_id == segment_id, Claim.deleted_at.is_(None))
        .order_by(Claim.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).all()
    outcomes: list[Reanchored] = []
    now = utcnow()
    for claim in claims:
        change = _reanchor_one(claim, old_text, new_text)
        if change is None:
            continue
        state, start, end = change
        if claim.side == ClaimSide.AR:
            claim.aligned_start, claim.aligned_end = start, end
        else:
            claim.start, claim.end = start, end
        claim.anchor_state = state
        claim.updated_by, claim.updated_at = author, now
        record_change(session, claim, ClaimAction.REANCHORED, author, now)
        outcomes.append(Reanchored(claim.id, state, start, end, claim.side == ClaimSide.AR))
    return outcomes
