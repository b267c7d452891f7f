"""Marking whole words of a line of Arabic where its display order differs from its logical order.

A glossary hit is a span of the stored (logical) source, but with bidi display on, the line is
shaped (letters change form, lam + alef become one glyph) and reordered before it is drawn, so a
logical offset says nothing about a screen column. Words survive both steps: shaping works word by
word and never crosses a space, and every character keeps the index of the word it came from
through python-bidi's reordering (its characters are dicts we can tag). So a word is the unit that
is marked: each drawn character is styled by whether its logical word is marked, which stays right
for mixed Arabic/Latin/digit words, mirrored brackets and harakat.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from bidi import algorithm

from workbench.tui.bidi import Base, shape, to_visual

_WORD = re.compile(r"\S+")

Run = tuple[str, bool]  # text and whether it is marked


def marked_words(text: str, spans: Sequence[tuple[int, int]]) -> list[bool]:
    """For each word of `text` (as `text.split()` gives them): does it overlap one of `spans`?"""
    return [
        any(start < end_word and start_word < end for start, end in spans)
        for start_word, end_word in ((m.start(), m.end()) for m in _WORD.finditer(text))
    ]


def _runs(chars: Sequence[tuple[str, bool]]) -> list[Run]:
    runs: list[Run] = []
    for char, marked in chars:
        if runs and runs[-1][1] == marked:
            runs[-1] = (runs[-1][0] + char, marked)
        else:
            runs.append((char, marked))
    return runs


def _logical(line: str, marks: Sequence[bool]) -> list[tuple[str, bool]]:
    """Each character of `line` (words separated by single spaces) with its word's mark."""
    out: list[tuple[str, bool]] = []
    for number, word in enumerate(line.split(" ")):
        if number:
            out.append((" ", False))
        marked = number < len(marks) and marks[number]
        out.extend((char, marked) for char in word)
    return out


def _visual(line: str, marks: Sequence[bool], base: Base) -> list[tuple[str, bool]]:
    """The characters as `to_visual` draws them, each with its logical word's mark."""
    shaped = shape(line)  # word by word: the shaped words are the logical words, in order
    storage = algorithm.get_empty_storage()
    storage["base_level"] = algorithm.PARAGRAPH_LEVELS[base]
    storage["base_dir"] = base
    algorithm.get_embedding_levels(shaped, storage)
    for char, (_, marked) in zip(storage["chars"], _logical(shaped, marks), strict=True):
        char["marked"] = marked
    algorithm.explicit_embed_and_overrides(storage)
    algorithm.resolve_weak_types(storage)
    algorithm.resolve_neutral_types(storage, False)
    algorithm.resolve_implicit_levels(storage, False)
    algorithm.reorder_resolved_levels(storage, False)
    algorithm.apply_mirroring(storage, False)
    # Rule L3, as bidi.py applies it: a mark in a reversed run goes after its base letter.
    out: list[tuple[str, bool]] = []
    pending: list[tuple[str, bool]] = []
    for char in storage["chars"]:
        item = (char["ch"], bool(char["marked"]))
        if char["level"] % 2 == 1 and unicodedata.combining(char["ch"]):
            pending.append(item)
            continue
        out.append(item)
        if pending:
            out.extend(reversed(pending))
            pending.clear()
    out.extend(pending)
    return out


def display_marked(line: str, marks: Sequence[bool], enabled: bool, base: Base = "R") -> list[Run]:
    """What to draw for `line` as runs of (text, marked); the texts join to `display_line`'s."""
    if not any(marks):
        return [(to_visual(line, base) if enabled else line, False)]
    if not enabled or to_visual(line, base) == line:
        return _runs(_logical(line, marks))
    return _runs(_visual(line, marks, base))
