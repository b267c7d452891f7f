"""From a selection in a TextArea to code-point offsets of the stored (logical) string.

A TextArea splits its text with `str.splitlines`, which breaks on more than "\n" (also "\r\n",
U+2028, U+0085...), and gives each end of a selection as (row, column) with the column counted in
code points of that line. Counting the line breaks as they are in the stored text gives offsets
that are exactly Python's `text[start:end]`, whatever the display does with Arabic.
"""

from __future__ import annotations

from workbench.services.anchoring import snap_span

Location = tuple[int, int]


def location_offset(text: str, location: Location) -> int:
    """The code-point offset in `text` of a (row, column) location of a TextArea showing it."""
    row, column = location
    lines = text.splitlines(keepends=True)
    if row >= len(lines):
        return len(text)  # the empty last line after a final line break
    before = sum(len(line) for line in lines[:row])
    content = len(lines[row].rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"))
    return before + min(column, content)


def selection_offsets(text: str, start: Location, end: Location) -> tuple[int, int]:
    """[start, end) of a selection made in either direction, without the spaces at its edges,
    widened to whole letters with their harakat (a haraka takes no cell, so a selection can
    fall between it and its letter). Empty (start == end) when nothing but space is selected."""
    first, last = sorted((location_offset(text, start), location_offset(text, end)))
    while first < last and text[first].isspace():
        first += 1
    while last > first and text[last - 1].isspace():
        last -= 1
    return snap_span(text, first, last) if first < last else (first, first)


def offset_location(text: str, offset: int) -> Location:
    """The (row, column) of a TextArea showing `text` at code-point `offset`: the inverse of
    `location_offset`, to show a stored span selected."""
    before = 0
    lines = text.splitlines(keepends=True)
    for row, line in enumerate(lines):
        if offset < before + len(line):
            return row, offset - before
        before += len(line)
    if text and text[-1] in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029":
        return len(lines), 0
    return max(len(lines) - 1, 0), offset - before + (len(lines[-1]) if lines else 0)
