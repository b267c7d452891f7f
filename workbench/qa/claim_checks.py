"""Automatic checks on one claim: pure functions of its Arabic, English, MT and the glossary.

Computed when a claim is read, never stored: each check is a few regular expressions over one
sentence, so computing them for a whole board costs less than reading it, and a stored result
could only go stale when the English, the MT or the glossary changes (all written elsewhere).

The claim's Arabic is its quote when it was tagged on the Arabic side, else its aligned Arabic
span (a claim tagged on the English side with no aligned Arabic has nothing to compare). Its
English is the aligned English span, or the whole English target when no span is aligned.

- `number-mismatch`: a quantity in the Arabic (`qa.claim_numbers`) with no equal in the English,
  naming both; the same against the machine translation says "MT distorted the claim"
  (`against: "mt"`).
- `negation-lost`: an Arabic negation (لا، لم، لن، ليس، غير، دون) with none in the English.
- `name-missing`: a glossary term in the Arabic whose English (any rendering) is absent.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any, Literal

from workbench.glossary.matching import GlossaryIndex, english_pattern
from workbench.qa.claim_numbers import Quantity, arabic_quantities, english_quantities
from workbench.store.claim_queries import ClaimView
from workbench.text.normalise import normalise_arabic

Against = Literal["english", "mt"]
CODES = ("number-mismatch", "negation-lost", "name-missing")

# Normalised Arabic negation particles: verbal/nominal negation, and غير/دون ("non-", "without",
# "under") which English often renders as a prefix or a preposition rather than a "not".
NEGATIONS = frozenset({"لا", "لم", "لن", "ليس", "ليست", "ليسوا", "لست", "لسنا"})
PRIVATIVES = frozenset({"غير", "دون", "بدون", "بلا", "بغير"})
_AR_WORD = re.compile(r"[\u0621-\u064a]+")
_EN_NEGATION = re.compile(
    r"\b(?:not|no|never|none|nobody|nothing|neither|nor|without|cannot|"
    r"lack(?:s|ed|ing)?|fail(?:s|ed)?|refus(?:e|es|ed)|den(?:y|ies|ied))\b|n['’]t\b",
    re.IGNORECASE,
)
_EN_PRIVATIVE = re.compile(
    r"\b(?:except|unless|under|below|less|other than|apart from|short of)\b|\bnon-?|"
    r"\b(?:un|in|im|il|ir|dis)(?=[a-z]{4,})",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class ClaimCheck:
    code: str
    message: str
    against: Against = "english"

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class ClaimTexts:
    """The two sides a claim's checks compare, and how messages name the English."""

    arabic: str | None
    english: str | None
    english_name: str
    mt: str | None


def _slice(text: str | None, start: int | None, end: int | None) -> str | None:
    if text is None or start is None or end is None:
        return None
    return text[min(start, len(text)) : min(end, len(text))]


def claim_texts(claim: ClaimView) -> ClaimTexts:
    if claim.side == "ar":
        arabic: str | None = claim.source[claim.start : claim.end]
        english = _slice(claim.target, claim.aligned_start, claim.aligned_end)
        name = "the aligned English span"
        if english is None:
            english, name = claim.target, "the English"
    else:
        arabic = _slice(claim.source, claim.aligned_start, claim.aligned_end)
        english, name = claim.span_text, "the English span"
    return ClaimTexts(arabic or None, english or None, name, claim.mt or None)


def _unmatched(
    arabic: list[Quantity], english: list[Quantity]
) -> tuple[list[Quantity], list[Quantity]]:
    """(Arabic quantities with no equal in the English, English ones left over), one to one."""
    left = list(english)
    missing: list[Quantity] = []
    for quantity in sorted(arabic, key=lambda q: (len(q.values), q.start)):
        partner = next((other for other in left if quantity.agrees_with(other)), None)
        if partner is None:
            missing.append(quantity)
        else:
            left.remove(partner)
    return sorted(missing, key=lambda q: q.start), left


def number_checks(arabic: str, english: str, name: str, against: Against) -> list[ClaimCheck]:
    missing, extra = _unmatched(arabic_quantities(arabic), english_quantities(english))
    checks: list[ClaimCheck] = []
    other = ", ".join(q.shown() for q in extra)
    for quantity in missing:
        has = f"has {other}" if other else "has no such number"
        message = f"the Arabic says {quantity.shown()}; {name} {has}"
        if against == "mt":
            message = f"MT distorted the claim? {message}"
        checks.append(ClaimCheck("number-mismatch", message, against))
    return checks


def arabic_negations(arabic: str) -> list[str]:
    found: list[str] = []
    for word in _AR_WORD.findall(normalise_arabic(arabic)):
        bare = word[1:] if word[:1] in ("و", "ف") and word[1:] in NEGATIONS | PRIVATIVES else word
        if bare in NEGATIONS or bare in PRIVATIVES:
            found.append(bare)
    return found


def negation_check(arabic: str, english: str, name: str) -> list[ClaimCheck]:
    negations = arabic_negations(arabic)
    if not negations or _EN_NEGATION.search(english):
        return []
    if all(word in PRIVATIVES for word in negations) and _EN_PRIVATIVE.search(english):
        return []  # "غير قانوني" → "illegal", "دون 18" → "under 18"
    words = "، ".join(dict.fromkeys(negations))
    return [ClaimCheck("negation-lost", f"the Arabic negates ({words}); {name} has no negation")]


def name_checks(arabic: str, english: str, name: str, glossary: GlossaryIndex) -> list[ClaimCheck]:
    renderings: dict[tuple[int, int], list[str]] = {}
    for hit in glossary.hits(arabic):
        renderings.setdefault((hit.start, hit.end), []).append(hit.term_en)
    checks: list[ClaimCheck] = []
    for (start, end), terms in renderings.items():
        if any(english_pattern(term).search(english) for term in terms):
            continue
        wanted = " or ".join(dict.fromkeys(terms))
        checks.append(
            ClaimCheck(
                "name-missing", f"{arabic[start:end]} is {wanted} in the glossary; {name} lacks it"
            )
        )
    return checks


def check_claim(claim: ClaimView, glossary: GlossaryIndex | None = None) -> list[ClaimCheck]:
    """Every finding on one claim, English first, then the MT."""
    texts = claim_texts(claim)
    if texts.arabic is None:
        return []
    checks: list[ClaimCheck] = []
    if texts.english is not None:
        checks += number_checks(texts.arabic, texts.english, texts.english_name, "english")
        checks += negation_check(texts.arabic, texts.english, texts.english_name)
        if glossary is not None:
            checks += name_checks(texts.arabic, texts.english, texts.english_name, glossary)
    if texts.mt is not None:
        checks += number_checks(texts.arabic, texts.mt, "the MT", "mt")
    return checks
