"""One-line notes about a segment's claims, for exports that carry free text (TMX notes, a CSV
column): `claim [ar 12:40] statistic, check-worthy: «quote» → claim text (verdict)`."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.orm import Session

from workbench.services.claim_fields import label
from workbench.store.claim_queries import ClaimView, claims_of_segments
from workbench.store.models import AnchorState

QUOTE_WIDTH = 120  # longer quotes are cut with "…": a note points at the claim, it is not it


def _flat(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def claim_note(claim: ClaimView) -> str:
    kinds = ", ".join(label(value) for value in (claim.claim_type, claim.check_worthiness) if value)
    note = f"claim [{claim.side} {claim.start}:{claim.end}]"
    note += f" {kinds}: " if kinds else ": "
    note += f"«{_flat(claim.quote, QUOTE_WIDTH)}»"
    if claim.claim_text_en:
        note += f" → {_flat(claim.claim_text_en, QUOTE_WIDTH)}"
    if claim.verdict:
        note += f" ({label(claim.verdict)})"
    if claim.anchor_state == AnchorState.NEEDS_ATTENTION:
        note += " [English span needs attention]"
    return note


def claims_by_segment(session: Session, segment_ids: Iterable[int]) -> dict[int, list[str]]:
    """Segment id → one note per live claim, in offset order; segments without claims are absent."""
    notes: dict[int, list[str]] = {}
    for claim in claims_of_segments(session, segment_ids):
        notes.setdefault(claim.segment_id, []).append(claim_note(claim))
    return notes
