"""Between (row, column) locations of a TextArea and code-point offsets of the stored string.

A TextArea splits its text with `str.splitlines`, which breaks on more than "\n" (also "\r\n",
U+2028, U+0085...), and gives each end of a selection as (row, column) with the column counted in
code points of that line. Counting the line breaks as they are in the stored text gives offsets
that are exactly Python's `text[start:end]`, whatever the display does with Arabic.
"""

from __future__ import annotations

from collections.abc import Sequence

from workbench.services.anchoring import locate_quote, snap_span

Location = tuple[int, int]
Span = tuple[int, int, str]  # [start, end) of a text, and what the span is ("claim")
LINE_BREAKS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"  # what str.splitlines breaks on


def location_offset(text: str, location: Location) -> int:
    """The code-point offset in `text` of a (row, column) location of a TextArea showing it."""
    row, column = location
    lines = text.splitlines(keepends=True)
    if row >= len(lines):
        return len(text)  # the empty last line after a final line break
    before = sum(len(line) for line in lines[:row])
    content = len(lines[row].rstrip(LINE_BREAKS))
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


def line_ranges(text: str, spans: Sequence[Span]) -> dict[int, list[Span]]:
    """The column ranges each span covers, by row of a TextArea showing `text` (a span across a
    line break covers the end of one row and the start of the next)."""
    ranges: dict[int, list[Span]] = {}
    line_start = 0
    for row, line in enumerate(text.splitlines(keepends=True)):
        content = len(line.rstrip(LINE_BREAKS))
        for start, end, name in spans:
            first, last = max(start - line_start, 0), min(end - line_start, content)
            if first < last:
                ranges.setdefault(row, []).append((first, last, name))
        line_start += len(line)
    return ranges


def follow_spans(saved: str, current: str, spans: Sequence[Span]) -> list[Span]:
    """Where the spans of `saved` lie in `current` while it is being typed: each quote found as
    saving would re-anchor it (`anchoring.locate_quote`); a quote no longer there is left out."""
    if current == saved:
        return list(spans)
    followed: list[Span] = []
    for start, end, name in spans:
        found = locate_quote(saved[start:end], start, saved, current)
        if found is not None:
            followed.append((found.start, found.end, name))
    return followed


def offset_location(text: str, offset: int) -> Location:
    """The (row, column) of a TextArea showing `text` at code-point `offset`: the inverse of
    `location_offset`, to show a stored span selected."""
    before = 0
    lines = text.splitlines(keepends=True)
    for row, line in enumerate(lines):
        if offset < before + len(line):
            return row, offset - before
        before += len(line)
    if text and text[-1] in LINE_BREAKS:
        return len(lines), 0
    return max(len(lines) - 1, 0), offset - before + (len(lines[-1]) if lines else 0)
