"""The claim form's field table, and conversion between widget values and claim fields.

No Textual here: the form (claims/form.py) lays the table out; this module says which
fields there are, what a ClaimView puts in each widget, and what the widgets' values mean.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from workbench.store.claim_queries import ClaimView
from workbench.store.models import CheckWorthiness, ClaimantKind, ClaimStatus, ClaimType, Verdict

Kind = Literal["select", "input", "links", "mt"]

# In the order of the form: (field, label, widget kind).
FIELDS: tuple[tuple[str, str, Kind], ...] = (
    ("claim_type", "Claim type", "select"),
    ("check_worthiness", "Check-worthiness", "select"),
    ("claim_text_en", "The claim in English", "input"),
    ("claimant_name", "Claimant", "input"),
    ("claimant_role", "Claimant's role", "input"),
    ("claimant_kind", "Claimant is a", "select"),
    ("claim_date", "Claim date", "input"),
    ("claim_place", "Claim place", "input"),
    ("evidence_links", "Evidence links", "links"),
    ("mt_distorted", "MT distorted it?", "mt"),
    ("verdict", "Verdict", "select"),
    ("status", "Status", "select"),
    ("notes", "Notes", "input"),
)
ENUMS: dict[str, type[StrEnum]] = {
    "claim_type": ClaimType,
    "check_worthiness": CheckWorthiness,
    "claimant_kind": ClaimantKind,
    "verdict": Verdict,
    "status": ClaimStatus,
}
PLACEHOLDERS: dict[str, str] = {
    "claim_date": "YYYY, YYYY-MM or YYYY-MM-DD",
    "claim_place": "where the claim was made",
    "evidence_links": "https://… one link per line",
}
# The tri-state "did the machine translation distort the claim": unknown stays distinct from no.
MT_CHOICES: tuple[tuple[str, str], ...] = (
    ("unknown", "unknown"),
    ("yes, distorted", "yes"),
    ("no, faithful", "no"),
)
MT_VALUES: dict[str, bool | None] = {"unknown": None, "yes": True, "no": False}


def mt_choice(value: bool | None) -> str:
    return "unknown" if value is None else "yes" if value else "no"


def mt_value(choice: object) -> bool | None:
    return MT_VALUES.get(choice) if isinstance(choice, str) else None


def links_text(links: tuple[str, ...] | list[str]) -> str:
    return "\n".join(links)


def links_of(text: str) -> list[str]:
    """The links typed: one per line, or separated by spaces (a URL holds no whitespace)."""
    return text.split()


def initial_value(claim: ClaimView | None, name: str) -> str | None:
    """What the select or input `name` starts with: the claim's value, or the default."""
    if claim is None:
        return ClaimStatus.DRAFT.value if name == "status" else None
    value = getattr(claim, name)
    return value if isinstance(value, str) else None


def other_side_text(side: str, source: str, target: str | None) -> str | None:
    """The stored text an aligned span points into: the other side's; None when there is none
    yet (an Arabic claim in a segment with no saved English)."""
    text = target if side == "ar" else source
    return text or None


def other_side_name(side: str) -> str:
    return "English" if side == "ar" else "Arabic"
