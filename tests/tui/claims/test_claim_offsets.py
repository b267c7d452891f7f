"""TextArea (row, column) locations to code-point offsets of the stored text."""

from __future__ import annotations

import pytest

from workbench.tui.claims.offsets import location_offset, offset_location, selection_offsets

TEXT = "Il-76 ٢٧ قالَ\r\nالـوزير 27\u2028end\n"


@pytest.mark.parametrize(
    ("location", "offset"),
    [((0, 0), 0), ((0, 6), 6), ((0, 13), 13), ((1, 0), 15), ((1, 8), 23), ((2, 3), 29)],
)
def test_rows_follow_every_line_break_of_the_stored_text(
    location: tuple[int, int], offset: int
) -> None:
    assert location_offset(TEXT, location) == offset


def test_a_location_past_the_last_line_break_is_the_end() -> None:
    assert location_offset(TEXT, (3, 0)) == len(TEXT)


def test_a_column_past_the_end_of_a_line_stops_before_its_break() -> None:
    assert location_offset(TEXT, (0, 99)) == 13


def test_selection_made_backwards_is_ordered_and_snapped_to_the_haraka() -> None:
    start, end = selection_offsets(TEXT, (0, 12), (0, 9))  # "قال" without its fatha
    assert TEXT[start:end] == "قالَ"


def test_spaces_at_the_edges_are_left_out() -> None:
    assert selection_offsets(TEXT, (0, 5), (0, 9)) == (6, 8)
    assert selection_offsets(TEXT, (0, 5), (0, 6)) == (6, 6)


def test_lines_match_what_a_textarea_shows() -> None:
    from textual.document._document import Document

    document = Document(TEXT)
    for row, line in enumerate(document.lines):
        start = location_offset(TEXT, (row, 0))
        assert TEXT[start : start + len(line)] == line


def test_offset_location_is_the_inverse_for_every_character() -> None:
    """Used to show a stored aligned span selected again in the selector."""
    for offset in range(len(TEXT) + 1):
        location = offset_location(TEXT, offset)
        if offset < len(TEXT) and TEXT[offset] in "\r\n\u2028":
            continue  # inside a line break: no column of its own
        assert location_offset(TEXT, location) == offset, (offset, location)
    assert offset_location("", 0) == (0, 0)
    assert offset_location("ab", 2) == (0, 2)
