"""Quantities in a claim: digits with their scale words, and common number words, in both languages.

`qa.numbers` reads digit tokens (Western or Arabic-Indic, ٫ and . decimals, ٬ and , thousands);
a claim also says "27 مليار" (27 billion) or "نصف" (half), and its English "27bn" or "half". Here
a digit token takes the scale word after it ("27 مليار" = 27,000,000,000 = "27 billion"), a scale
word alone is one of it ("مليار دولار" = a billion dollars), dual forms count two ("مليونان"), and
fractions (نصف، ثلث، ربع) stand alone or scale ("نصف مليون" = 500,000). Arabic words are matched
on the normalised text (alef forms, ta marbuta, harakat, tatweel), with the conjunction and
preposition prefixes و ب ل ف allowed. Plural scale words alone ("آلاف", thousands) are vague and
not read as numbers; after a digit they scale it ("3 آلاف").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from workbench.qa.numbers import NUMBER_WORDS, numbers_in
from workbench.text.normalise import normalise_with_offsets

THOUSAND, MILLION, BILLION = Decimal(1000), Decimal(10) ** 6, Decimal(10) ** 9
TRILLION = Decimal(10) ** 12
THIRD, TWO_THIRDS = Decimal(1) / Decimal(3), Decimal(2) / Decimal(3)

# Normalised (see normalise_arabic) word → (value alone or None when vague, scale after a digit).
AR_SCALES: dict[str, tuple[Decimal | None, Decimal]] = {
    "الف": (THOUSAND, THOUSAND), "الاف": (None, THOUSAND), "الفا": (THOUSAND, THOUSAND),
    "الفان": (2 * THOUSAND, THOUSAND), "الفين": (2 * THOUSAND, THOUSAND),
    "مليون": (MILLION, MILLION), "ملايين": (None, MILLION), "مليونا": (MILLION, MILLION),
    "مليونان": (2 * MILLION, MILLION), "مليونين": (2 * MILLION, MILLION),
    "مليار": (BILLION, BILLION), "مليارات": (None, BILLION), "مليارا": (BILLION, BILLION),
    "ملياران": (2 * BILLION, BILLION), "مليارين": (2 * BILLION, BILLION),
    "بليون": (BILLION, BILLION), "تريليون": (TRILLION, TRILLION),
}  # fmt: skip
AR_WORDS: dict[str, Decimal] = {
    "نصف": Decimal("0.5"), "ثلث": THIRD, "ربع": Decimal("0.25"), "ثلثي": TWO_THIRDS,
    "ثلثا": TWO_THIRDS, "ثلاثه": Decimal(3), "ثلاث": Decimal(3), "اربعه": Decimal(4),
    "اربع": Decimal(4), "خمسه": Decimal(5), "خمس": Decimal(5), "سته": Decimal(6),
    "سبعه": Decimal(7), "سبع": Decimal(7), "ثمانيه": Decimal(8), "ثماني": Decimal(8),
    "تسعه": Decimal(9), "تسع": Decimal(9), "عشره": Decimal(10), "عشر": Decimal(10),
}  # fmt: skip
EN_SCALES = {
    "thousand": THOUSAND, "thousands": THOUSAND, "million": MILLION, "millions": MILLION,
    "m": MILLION, "mn": MILLION, "billion": BILLION, "billions": BILLION, "bn": BILLION,
    "trillion": TRILLION, "k": THOUSAND,
}  # fmt: skip
EN_WORDS: dict[str, Decimal] = {
    **{word: Decimal(value) for word, value in NUMBER_WORDS.items()},
    "half": Decimal("0.5"), "third": THIRD, "thirds": THIRD, "quarter": Decimal("0.25"),
    "twenty": Decimal(20), "thirty": Decimal(30), "forty": Decimal(40), "fifty": Decimal(50),
    "hundred": Decimal(100), "dozen": Decimal(12),
}  # fmt: skip
_AR_PREFIXES = ("", "و", "ب", "ل", "ف", "وب", "ول")
_AR_WORD = re.compile(r"[\u0621-\u064a]+")
_FILLERS = ("a", "of")  # "half a million", "a third of a million"
_EN_WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number in a text: what is written, where, and every value it may mean."""

    start: int
    end: int
    text: str
    values: frozenset[Decimal]

    def agrees_with(self, other: Quantity) -> bool:
        return not self.values.isdisjoint(other.values)

    def shown(self) -> str:
        """The number as written, after its value when a word changes it: "27,000,000,000
        (27 مليار)". The value comes first so that a left-to-right line shows it whole: after an
        Arabic word, digits and brackets would join the right-to-left run."""
        if len(self.values) != 1 or (self.text.isascii() and self.text.isdigit()):
            return self.text
        (value,) = self.values
        return f"{_format(value)} ({self.text})"


def _format(value: Decimal) -> str:
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{float(value):.4g}"


def _ar_word(word: str) -> str:
    """The word without one of the prefixes و ب ل ف, when what remains is a number word."""
    for prefix in _AR_PREFIXES:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and (rest in AR_SCALES or rest in AR_WORDS):
            return rest
    return word


def _words(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]


def arabic_quantities(text: str) -> list[Quantity]:
    """Numbers in Arabic text: digits (with a following scale word), scale and number words."""
    folded = normalise_with_offsets(text)
    words = [
        (folded.origins[s], folded.origins[e - 1] + 1, _ar_word(w))
        for s, e, w in _words(folded.text, _AR_WORD)
    ]
    return _combine(text, words, AR_SCALES, AR_WORDS)


def english_quantities(text: str) -> list[Quantity]:
    """Numbers in English text: digits, "27bn", "27 billion", "half", "seven"."""
    words = [(s, e, w.lower()) for s, e, w in _words(text, _EN_WORD)]
    scales: dict[str, tuple[Decimal | None, Decimal]] = {w: (None, v) for w, v in EN_SCALES.items()}
    scales.update(
        {w: (v, v) for w, v in EN_SCALES.items() if w in ("thousand", "million", "billion")}
    )
    return _combine(text, words, scales, EN_WORDS)


def _combine(
    text: str,
    words: list[tuple[int, int, str]],
    scales: dict[str, tuple[Decimal | None, Decimal]],
    number_words: dict[str, Decimal],
) -> list[Quantity]:
    found: list[Quantity] = []
    used: set[int] = set()  # start offsets of words taken as a scale
    for number in numbers_in(text):
        scale_word = _next_word(words, number.end, text)
        if scale_word is not None and scale_word[2] in scales:
            start, end, word = scale_word
            factor = scales[word][1]
            used.add(start)
            values = frozenset(value * factor for value in number.values)
            found.append(Quantity(number.start, end, text[number.start : end], values))
        else:
            found.append(Quantity(number.start, number.end, number.text, number.values))
    for index, (start, word_end, word) in enumerate(words):
        end = word_end
        if start in used:
            continue
        value = number_words.get(word)
        if value is None and word in scales:
            value = scales[word][0]
            if value is None:
                continue
        elif value is None:
            continue
        after = next((w for w in words[index + 1 : index + 4] if w[2] not in _FILLERS), None)
        if after is not None and after[2] in scales and _gap(text, end, after[0]):
            used.add(after[0])
            value, end = value * scales[after[2]][1], after[1]
        found.append(Quantity(start, end, text[start:end], frozenset({value})))
    return sorted(found, key=lambda q: q.start)


def _gap(text: str, end: int, start: int) -> bool:
    """Whether only spaces (or "a", "of a": "half a million") lie between two words."""
    return " ".join(text[end:start].split()) in ("", "a", "of a")


def _next_word(
    words: list[tuple[int, int, str]], end: int, text: str
) -> tuple[int, int, str] | None:
    """The word right after offset `end` (attached, as "27bn", or after spaces)."""
    for word in words:
        if word[0] >= end:
            return word if text[end : word[0]].strip() == "" else None
    return None
