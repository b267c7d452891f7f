"""Numbers written with digits, in Arabic or English text, and whether two texts share them.

Digits may be Western (0-9), Arabic-Indic (٠-٩) or Persian (۰-۹). The Arabic decimal separator ٫
and thousands separator ٬ are unambiguous; "." and "," are read both ways where both readings
are valid: "27,5" is 27.5, "1,000" may be 1000 or 1.0, "1.234,5" is 1234.5. A token that no
reading makes one number ("10.11.2023", "1,2,3") counts as its separate parts. Two numbers agree
when some reading of one equals some reading of the other, so "٢٧٫٥", "27.5" and "27,5" agree.

Numbers written as words are out of scope, with one exception common in English news style:
a source number from 0 to 12 is also found in the English as a word ("7 مرشحين" -> "seven
candidates"). Scale words ("27 billion" against "27,000,000,000") are not interpreted.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

_DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"
_TOKEN = re.compile(rf"[{_DIGITS}]+(?:[.,\u066b\u066c][{_DIGITS}]+)*")
_TO_ASCII = str.maketrans(
    "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
    "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9",
    "01234567890123456789",
)
_DECIMAL, _THOUSANDS = "\u066b", "\u066c"
_PARTS = re.compile(r"[.,\u066b\u066c]")
_NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
NUMBER_WORDS = {
    word: value for value, word in enumerate((*_NUMBER_WORDS, "ten", "eleven", "twelve"))
}
_WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True, slots=True)
class Number:
    start: int
    end: int
    text: str
    values: frozenset[Decimal]  # every valid reading

    def agrees_with(self, other: Number) -> bool:
        return not self.values.isdisjoint(other.values)


def _reading(groups: list[str], separators: list[str], roles: tuple[str, ...]) -> Decimal | None:
    """The value if `roles` ("d" decimal, "t" thousands, one per separator) is a valid reading.

    Valid: at most one decimal separator, and it is the last; one thousands character, different
    from the decimal one; a thousands separator follows 1-3 digits and precedes exactly 3.
    """
    decimals = [index for index, role in enumerate(roles) if role == "d"]
    grouped = [index for index, role in enumerate(roles) if role == "t"]
    thousands = {separators[index] for index in grouped}
    if len(decimals) > 1 or (decimals and decimals[0] != len(roles) - 1) or len(thousands) > 1:
        return None
    if decimals and separators[decimals[0]] in thousands:
        return None
    if grouped and (len(groups[0]) > 3 or any(len(groups[i + 1]) != 3 for i in grouped)):
        return None
    if decimals:
        return Decimal(f"{''.join(groups[:-1])}.{groups[-1]}")
    return Decimal("".join(groups))


def _readings(token: str) -> frozenset[Decimal]:
    ascii_token = token.translate(_TO_ASCII)
    groups = _PARTS.split(ascii_token)
    separators = _PARTS.findall(ascii_token)
    choices = [
        ("d",) if sep == _DECIMAL else ("t",) if sep == _THOUSANDS else ("d", "t")
        for sep in separators
    ]
    values = {_reading(groups, separators, roles) for roles in itertools.product(*choices)}
    return frozenset(value for value in values if value is not None)


def numbers_in(text: str) -> list[Number]:
    """Every number written with digits in `text`, with its code-point span."""
    found: list[Number] = []
    for match in _TOKEN.finditer(text):
        values = _readings(match.group())
        if values:
            found.append(Number(match.start(), match.end(), match.group(), values))
            continue
        for part in re.finditer(rf"[{_DIGITS}]+", match.group()):  # no reading: its parts
            start, end = match.start() + part.start(), match.start() + part.end()
            found.append(Number(start, end, part.group(), _readings(part.group())))
    return found


def _number_words(text: str) -> Iterator[Number]:
    for match in _WORD.finditer(text):
        value = NUMBER_WORDS.get(match.group().lower())
        if value is not None:
            yield Number(match.start(), match.end(), match.group(), frozenset({Decimal(value)}))


def compare_numbers(source: str, target: str) -> tuple[list[Number], list[Number]]:
    """(source numbers missing from the target, target numbers not in the source)."""
    unmatched_target = numbers_in(target)
    # Numbers with a single reading first, so that an ambiguous one does not take their match.
    missing: list[Number] = []
    for number in sorted(numbers_in(source), key=lambda n: (len(n.values), n.start)):
        partner = next((other for other in unmatched_target if number.agrees_with(other)), None)
        if partner is None:
            missing.append(number)
        else:
            unmatched_target.remove(partner)
    words = list(_number_words(target))
    still_missing: list[Number] = []
    for number in sorted(missing, key=lambda n: n.start):
        word = next((w for w in words if number.agrees_with(w)), None)
        if word is None:
            still_missing.append(number)
        else:
            words.remove(word)
    return still_missing, unmatched_target
