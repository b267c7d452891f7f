"""Checking the claim fields a person types (CLI flags, TUI forms) before they are stored.

Enumerations are stored as stable slugs ("not-factual", "quote-attribution"); people may type the
slug or its display form (`workbench.store.claim_labels`: "not factual", "quote/attribution"), in
any case.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from enum import StrEnum
from typing import Any, TypedDict
from urllib.parse import urlsplit

from workbench.errors import InputError
from workbench.store.claim_labels import LABELS
from workbench.store.vocabulary import (
    LEGACY_CLAIM_STATUSES,
    CheckWorthiness,
    ClaimantKind,
    ClaimSide,
    ClaimStatus,
    ClaimType,
    Verdict,
)
from workbench.text.controls import check_storable

# Field name → the enumeration its values come from, and the name used in messages.
CHOICES: dict[str, tuple[type[StrEnum], str]] = {
    "side": (ClaimSide, "side"),
    "check_worthiness": (CheckWorthiness, "check-worthiness"),
    "claim_type": (ClaimType, "claim type"),
    "claimant_kind": (ClaimantKind, "claimant kind"),
    "verdict": (Verdict, "verdict"),
    "status": (ClaimStatus, "claim status"),
}
TEXT_FIELDS = ("claim_text_en", "claimant_name", "claimant_role", "claim_place", "notes")
URL_SCHEMES = ("http", "https")


class ClaimFields(TypedDict, total=False):
    """What a person may set on a claim besides its span. None (or "") clears a field."""

    aligned_start: int | None
    aligned_end: int | None
    claim_text_en: str | None
    check_worthiness: str | None
    claim_type: str | None
    claimant_name: str | None
    claimant_role: str | None
    claimant_kind: str | None
    claim_date: str | None
    claim_place: str | None
    verdict: str | None
    evidence_links: Sequence[str]
    mt_distorted: bool | None
    notes: str | None
    status: str


class ClaimChanges(ClaimFields, total=False):
    """An edit: any claim field, and the span itself."""

    start: int
    end: int


def allowed_values(field: str) -> str:
    enum, _ = CHOICES[field]
    return ", ".join(
        f"{member.value} ({LABELS[member]})" if member in LABELS else member.value
        for member in enum
    )


def parse_choice(field: str, value: str) -> str:
    """The stored slug for `value`, accepting the slug or the display form in any case."""
    enum, name = CHOICES[field]
    key = re.sub(r"[\s/_]+", "-", value.strip().casefold())
    if field == "status" and key in LEGACY_CLAIM_STATUSES:
        return LEGACY_CLAIM_STATUSES[key].value  # typed by habit, or by an older script
    if key in {member.value for member in enum}:
        return key
    raise InputError(f"{name} {value!r} is not allowed; use one of: {allowed_values(field)}")


def parse_date(value: str) -> str:
    """A claim date as YYYY, YYYY-MM or YYYY-MM-DD (a claim is often dated only to a month)."""
    text = value.strip()
    padded = {4: f"{text}-01-01", 7: f"{text}-01", 10: text}.get(len(text))
    try:
        if padded is None or not re.fullmatch(r"\d{4}(-\d{2}){0,2}", text, flags=re.ASCII):
            raise ValueError(text)
        date.fromisoformat(padded)
    except ValueError:
        raise InputError(
            f"claim date {value!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD (2022-01-08)"
        ) from None
    return text


def parse_link(value: str) -> str:
    link = value.strip()
    parts = urlsplit(link)
    if parts.scheme.lower() not in URL_SCHEMES or not parts.netloc or re.search(r"\s", link):
        raise InputError(
            f"evidence link {value!r} is not an http(s) URL; write it in full, "
            "like https://example.org/report"
        )
    return link


def _clean_text(value: str | None) -> str | None:
    if value is None:
        return None
    stripped = value.strip()
    return stripped or None


def _check_texts(field: str, value: Any) -> None:
    """Every string in `value` (one string, or a list such as the evidence links) storable."""
    texts = [value] if isinstance(value, str) else value if isinstance(value, list | tuple) else []
    for text in texts:
        if isinstance(text, str):
            check_storable(text, f"the claim's {field.replace('_', ' ')}")


def _clean_one(field: str, value: Any) -> Any:
    _check_texts(field, value)
    if field in TEXT_FIELDS:
        return _clean_text(value)
    if field == "evidence_links":
        return list(dict.fromkeys(parse_link(link) for link in value or ()))
    if field == "mt_distorted":
        return None if value is None else bool(value)
    blank = value is None or (isinstance(value, str) and not value.strip())
    if field == "claim_date":
        return None if blank else parse_date(value)
    if field in CHOICES:
        if blank and field in ("side", "status"):
            _, name = CHOICES[field]
            raise InputError(f"the {name} cannot be empty; use one of: {allowed_values(field)}")
        return None if blank else parse_choice(field, value)
    if field in ("start", "end", "aligned_start", "aligned_end"):
        return value
    raise InputError(f"{field!r} is not a claim field")


def clean_fields(fields: Mapping[str, Any]) -> dict[str, Any]:
    """Validated column values for `fields`; the first bad value raises InputError."""
    return {field: _clean_one(field, value) for field, value in fields.items()}
