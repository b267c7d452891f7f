"""Claims seen before: earlier claims whose Arabic quote or English claim text is close.

A desk re-checks the same statements week after week (the five seed articles repeat Tokayev's
words to Putin, the CSTO troops, the trade figure). Two claims are compared twice and the closer
reading wins: their Arabic, normalised (alef forms, ta marbuta, alef maqsura, harakat, tatweel,
Arabic-Indic digits: `text.normalise.normalise_arabic`) with punctuation dropped, and their
English (the claim as stated in English, else the English span), case-folded. The score is
rapidfuzz's token-set ratio (0-100): word order and a longer quote around the same words do not
hide a repeat. `SIMILAR_AT` was chosen on the labelled seed pairs (`tests/data/claims/`), whose
precision and recall `bench/claims.py` prints.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz

from workbench.store.claim_queries import ClaimView
from workbench.text.normalise import normalise_arabic

SIMILAR_AT = 70.0
MIN_WORDS = 3  # fewer words than this match too much by chance
By = Literal["arabic", "english"]
_PUNCTUATION = re.compile(r"[^\w\s]+")


@dataclass(frozen=True, slots=True)
class SimilarClaim:
    claim: ClaimView
    score: float
    by: By  # which reading matched


def arabic_key(claim: ClaimView) -> str:
    text = claim.quote if claim.side == "ar" else claim.aligned_quote
    return match_key(normalise_arabic(text or ""))


def english_key(claim: ClaimView) -> str:
    text = claim.claim_text_en or (claim.quote if claim.side == "en" else claim.aligned_quote)
    return match_key((text or "").casefold())


def match_key(text: str) -> str:
    """Words only, single spaces: what the scores compare."""
    return " ".join(_PUNCTUATION.sub(" ", text).split())


def score(first: str, second: str) -> float:
    """How close two keys are (0-100); 0 when either is too short to tell."""
    if min(len(first.split()), len(second.split())) < MIN_WORDS:
        return 0.0
    return float(fuzz.token_set_ratio(first, second))


def closeness(first: ClaimView, second: ClaimView) -> tuple[float, By]:
    by_arabic = score(arabic_key(first), arabic_key(second))
    by_english = score(english_key(first), english_key(second))
    return (by_arabic, "arabic") if by_arabic >= by_english else (by_english, "english")


def similar_claims(
    claim: ClaimView, candidates: Iterable[ClaimView], threshold: float = SIMILAR_AT
) -> list[SimilarClaim]:
    """Claims tagged before `claim` (lower ids) that are at least `threshold` close, best first."""
    found: list[SimilarClaim] = []
    for other in candidates:
        if other.id >= claim.id:
            continue
        value, by = closeness(claim, other)
        if value >= threshold:
            found.append(SimilarClaim(other, value, by))
    return sorted(found, key=lambda item: (-item.score, -item.claim.id))
