"""Claim spans on text: checking offsets, and finding a quote again after the text was edited.

Offsets are code points of the stored (logical) string, half-open [start, end): exactly Python's
`text[start:end]`, whatever the screen shows. Nothing here touches the database.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher

from workbench.errors import InputError


def _is_mark(char: str) -> bool:
    # Harakat, shadda, superscript alef and other combining marks belong to the letter before.
    return unicodedata.combining(char) != 0


def snap_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) so it neither starts on a mark nor leaves a letter's marks out.

    A selection made with the mouse can fall between a letter and its haraka (a haraka takes no
    cell on screen); the TUI calls this before `tag_claim`.
    """
    while 0 < start < len(text) and _is_mark(text[start]):
        start -= 1
    while 0 < end < len(text) and _is_mark(text[end]):
        end += 1
    return start, end


def check_span(text: str, start: int, end: int, where: str) -> str:
    """The quoted words of [start, end) in `text`, or InputError saying what a valid span is."""
    length = len(text)
    if not 0 <= start < end <= length:
        kind = "empty" if start == end else "outside the text"
        raise InputError(
            f"span {start}:{end} is {kind} of {where}: offsets are code points of the stored "
            f"text, with 0 <= start < end <= {length}"
        )
    snapped = snap_span(text, start, end)
    if snapped != (start, end):
        mark = text[start] if _is_mark(text[start]) else text[end]
        raise InputError(
            f"span {start}:{end} of {where} splits a letter from its mark "
            f"U+{ord(mark):04X} ({unicodedata.name(mark, 'combining mark')}); "
            f"use {snapped[0]}:{snapped[1]}"
        )
    return text[start:end]


def map_offset(old_text: str, new_text: str, offset: int) -> int:
    """Where `offset` of `old_text` lies in `new_text`, following the edit between them."""
    matcher = SequenceMatcher(None, old_text, new_text, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if i1 <= offset < i2 or (offset == i2 == len(old_text)):
            return j1 + (offset - i1) if tag == "equal" else min(j1 + (offset - i1), j2)
    return min(offset, len(new_text))


@dataclass(frozen=True, slots=True)
class Located:
    start: int
    end: int
    exact: bool  # False: found only ignoring case and spacing


def _nearest(spans: list[tuple[int, int]], position: int) -> tuple[int, int] | None:
    # Ties go to the earlier span so the outcome does not depend on anything but the texts.
    return min(spans, key=lambda span: (abs(span[0] - position), span[0]), default=None)


def _exact_matches(quote: str, text: str) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    index = text.find(quote)
    while index >= 0:
        found.append((index, index + len(quote)))
        index = text.find(quote, index + 1)
    return found


def _loose_matches(quote: str, text: str) -> list[tuple[int, int]]:
    words = quote.split()
    if not words:
        return []
    pattern = re.compile(r"\s+".join(re.escape(word) for word in words), re.IGNORECASE)
    return [match.span() for match in pattern.finditer(text)]


def locate_quote(quote: str, old_start: int, old_text: str | None, new_text: str) -> Located | None:
    """Find `quote` again in `new_text`; None when it is gone.

    An exact match wins; of several, the one nearest to where the old span lies after the edit
    (so inserting words before a repeated phrase keeps the claim on its own occurrence). Failing
    that, a match ignoring case and spacing. Never anything looser: a claim must not silently
    point at other words.
    """
    position = old_start if old_text is None else map_offset(old_text, new_text, old_start)
    span = _nearest(_exact_matches(quote, new_text), position)
    if span is not None:
        return Located(span[0], span[1], exact=True)
    span = _nearest(_loose_matches(quote, new_text), position)
    if span is not None:
        return Located(span[0], span[1], exact=False)
    return None
