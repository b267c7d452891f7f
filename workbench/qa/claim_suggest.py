"""Where the claims are: Arabic sentences likely to hold a checkable claim, with the reasons.

A sentence is suggested when it has one of: a quantity (`qa.claim_numbers`: digits, scale and
number words; a year or a day beside a month name is a date, not a quantity), an attribution
verb (قال، أكد، أعلن، أشار، وفق، نقلت and their kin: someone is on record), a quotation, a
comparison or superlative (أكبر، أكثر، أول، قياسي …). A date (a weekday, a month, a year) is
given as a reason but is not enough alone. Sentences of fewer than `MIN_WORDS` words (bylines,
datelines, "read also") are never suggested. Words are matched on the normalised text with the
prefixes و ف ب ل allowed, so "وقال" and "وأعلنت" count. `bench/claims.py` measures it on the
labelled seeds against the baseline "every sentence with a digit".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.qa.claim_numbers import arabic_quantities
from workbench.text.normalise import normalise_arabic

MIN_WORDS = 5
REASONS = ("quantity", "attribution", "quotation", "comparison", "date")

# Normalised (alef forms, ta marbuta → ه) stems of attribution verbs and phrases.
ATTRIBUTION = frozenset({
    "قال", "قالت", "يقول", "تقول", "اكد", "اكدت", "يؤكد", "تؤكد", "اعلن", "اعلنت", "يعلن",
    "اشار", "اشارت", "مشيرا", "وفق", "وفقا", "نقلت", "نقل", "نقلا", "نقلته", "ذكرت", "ذكر",
    "افادت", "افاد", "صرح", "اضاف", "اضافت", "اوضح", "اوضحت", "بحسب", "حسبما", "بيان",
    "اورد", "نوه", "تابع", "اعرب", "ابلغ", "ندد", "تعهد", "شكر", "طالب", "اعتبرت",
})  # fmt: skip
COMPARISON = frozenset({
    "اكبر", "اكثر", "اقل", "اول", "اولى", "اعلى", "ادنى", "افضل", "اسوا", "اصغر", "قياسي",
    "قياسيا", "اهم", "ثاني", "تاسع", "كبرى", "اسرع", "ابطا", "ارتفاع", "انخفاض", "قفزه",
    "زياده", "تراجع", "مقارنه",
})  # fmt: skip
DATES = frozenset({
    "السبت", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "امس",
    "يناير", "فبراير", "مارس", "ابريل", "مايو", "يونيو", "يوليو", "اغسطس", "سبتمبر",
    "اكتوبر", "نوفمبر", "ديسمبر", "كانون", "شباط", "اذار", "نيسان", "ايار", "حزيران",
    "تموز", "اب", "ايلول", "تشرين",
})  # fmt: skip
_PREFIXES = ("", "و", "ف", "ب", "ل", "وب", "ول", "فب")
_WORD = re.compile(r"[\u0621-\u064a]+")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_EN_MONTH = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.IGNORECASE
)
_QUOTES = re.compile(r"[“”\"«»]")


@dataclass(frozen=True, slots=True)
class Suggestion:
    checkable: bool
    reasons: tuple[str, ...]


def _has_word(words: list[str], vocabulary: frozenset[str]) -> bool:
    return any(
        word.startswith(prefix) and word[len(prefix) :] in vocabulary
        for word in words
        for prefix in _PREFIXES
    )


def _is_date_part(sentence: str, start: int, end: int, text: str) -> bool:
    """A year, or a day next to a month name ("10 نوفمبر", "November 10"): a date, not a count."""
    if _YEAR.fullmatch(text):
        return True
    around = normalise_arabic(sentence[max(0, start - 12) : end + 12])
    return _has_word(_WORD.findall(around), DATES - {"امس"}) or _EN_MONTH.search(around) is not None


def _has_quantity(sentence: str) -> bool:
    return any(
        not _is_date_part(sentence, q.start, q.end, q.text) for q in arabic_quantities(sentence)
    )


def reasons_for(sentence: str) -> tuple[str, ...]:
    """The reasons (in `REASONS` order) a sentence may hold a checkable claim."""
    folded = normalise_arabic(sentence)
    words = _WORD.findall(folded)
    if len(folded.split()) < MIN_WORDS:
        return ()
    found = {
        "quantity": _has_quantity(sentence),
        "attribution": _has_word(words, ATTRIBUTION),
        "quotation": len(_QUOTES.findall(sentence)) >= 2,
        "comparison": _has_word(words, COMPARISON),
        "date": _has_word(words, DATES) or _YEAR.search(folded) is not None,
    }
    return tuple(reason for reason in REASONS if found[reason])


def suggest(sentence: str) -> Suggestion:
    """A date alone does not make a claim (every event report has a day); it backs one up."""
    reasons = reasons_for(sentence)
    return Suggestion(bool(set(reasons) - {"date"}), reasons)


def digit_baseline(sentence: str) -> bool:
    """The baseline a desk would try first: every sentence with a digit."""
    return any(char.isdigit() for char in sentence)
