"""Marking spans of a line of Arabic where its display order differs from its logical order.

A glossary term or a claim is a span of the stored (logical) source, but with bidi display on, the
line is shaped (letters change form, lam + alef become one glyph) and reordered before it is
drawn, so a logical offset says nothing about a screen column. Each character is therefore marked
in logical order and carries its mark through both steps: shaping works word by word and maps
letters one to one except in the known ligatures, and the reordering (bidi.py, uax9.py) moves
each character with its tag. This stays right for mixed Arabic/Latin/digit words, mirrored
brackets and harakat, and for a span that starts inside a word (a claim after the conjunction و).

A mark is a name ("term", "claim") or several joined by a space ("claim term"); the widget turns
names into styles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from workbench.text.inert import inert
from workbench.tui.display.bidi import (
    Base,
    line_spans,
    reorder_tagged,
    shape,
    to_visual,
    wrapped_tagged,
)

_WORD = re.compile(r"\S+")

Mark = str | None
MarkedSpan = tuple[int, int, str]  # [start, end) of the stored text, and the mark's name
Run = tuple[str, Mark]  # text and its mark

# Ligatures the shaper makes within a word, and how many letters each stands for.
_LAM_ALEF = range(0xFEF5, 0xFEFD)
_ALLAH = 0xFDF2


def word_marks(text: str, spans: Sequence[MarkedSpan]) -> list[list[Mark]]:
    """For each word of `text` (as `text.split()` gives them), the mark of each of its letters."""
    out: list[list[Mark]] = []
    for match in _WORD.finditer(text):
        marks: list[Mark] = []
        for index in range(match.start(), match.end()):
            names = sorted({name for start, end, name in spans if start <= index < end})
            marks.append(" ".join(names) or None)
        out.append(marks)
    return out


def line_marks(words: Sequence[Sequence[Mark]]) -> list[Mark]:
    """The marks of a line made of `words` joined by single spaces. A space takes the names its
    two neighbours share, so a span of several words is drawn as one."""
    out: list[Mark] = []
    for number, marks in enumerate(words):
        if number:
            before, after = out[-1] if out else None, marks[0] if marks else None
            shared = set((before or "").split()) & set((after or "").split())
            out.append(" ".join(sorted(shared)) or None)
        out.extend(marks)
    return out


def _runs(chars: Sequence[tuple[str, Mark]]) -> list[Run]:
    runs: list[Run] = []
    for char, mark in chars:
        if runs and runs[-1][1] == mark:
            runs[-1] = (runs[-1][0] + char, mark)
        else:
            runs.append((char, mark))
    return runs


def _letters_per_glyph(glyph: str) -> int:
    code = ord(glyph)
    return 2 if code in _LAM_ALEF else 4 if code == _ALLAH else 1


def _shaped_word_marks(word: str, shaped: str, marks: Sequence[Mark]) -> list[Mark]:
    """The mark of each shaped glyph: a ligature is marked when one of its letters is (a span may
    start on the alef of lam-alef). Should the shaper ever map letters otherwise, the whole word
    takes its first mark rather than guess."""
    out: list[Mark] = []
    index = 0
    for glyph in shaped:
        letters = _letters_per_glyph(glyph)
        out.append(next((mark for mark in marks[index : index + letters] if mark), None))
        index += letters
    if index != len(word):
        whole = next((mark for mark in marks if mark), None)
        return [whole] * len(shaped)
    return out


def _shaped_marks(line: str, marks: Sequence[Mark]) -> tuple[str, list[Mark]]:
    """The line shaped for display, and the mark of each of its characters."""
    shaped_words: list[str] = []
    out: list[Mark] = []
    offset = 0
    for number, word in enumerate(line.split(" ")):
        if number:
            out.append(marks[offset - 1])  # the space's own mark
        shaped = shape(word)
        shaped_words.append(shaped)
        out.extend(_shaped_word_marks(word, shaped, marks[offset : offset + len(word)]))
        offset += len(word) + 1
    return " ".join(shaped_words), out


def _visual(line: str, marks: Sequence[Mark], base: Base) -> list[tuple[str, Mark]]:
    """The characters as `to_visual` draws them, each with its logical character's mark."""
    shaped, shaped_marks = _shaped_marks(line, marks)
    return reorder_tagged(shaped, shaped_marks, base)


def display_marked(line: str, marks: Sequence[Mark], enabled: bool, base: Base = "R") -> list[Run]:
    """What to draw for `line` as runs of (text, mark); the texts join to `display_line`'s.
    `marks` has one entry per character of `line` (see `line_marks`)."""
    line = inert(line)  # one symbol per control character: the marks still line up
    if not any(marks) or len(marks) != len(line):
        return [(to_visual(line, base) if enabled else line, None)]
    if not enabled or to_visual(line, base) == line:
        return _runs(list(zip(line, marks, strict=True)))
    return _runs(_visual(line, marks, base))


def display_marked_lines(
    text: str, spans: Sequence[MarkedSpan], width: int, enabled: bool, base: Base = "R"
) -> list[list[Run]]:
    """`text` wrapped at `width` cells, each line as runs of (text, mark): with bidi on, the
    levels are resolved once for the whole text and each line is reordered on its own."""
    flat = inert(" ".join(text.split()))
    marks = line_marks(word_marks(text, spans)) if spans else [None] * len(flat)
    if len(marks) != len(flat):
        marks = [None] * len(flat)
    if not enabled:
        return [
            _runs(list(zip(flat[a:b], marks[a:b], strict=True))) for a, b in line_spans(flat, width)
        ]
    shaped, shaped_marks = _shaped_marks(flat, marks)
    return [_runs(line) for line in wrapped_tagged(shaped, shaped_marks, width, base)]
