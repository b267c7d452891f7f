"""Claimed spans of a saved target, followed into the text being typed and split into the rows
of the editor, in code points of the stored string."""

from __future__ import annotations

from workbench.tui.claims.offsets import follow_spans, line_ranges, location_offset

SAVED = "Il-76 and An-12 landed; ٢٧ tons,\nsaid قالَ الـوزير."


def span_of(text: str, words: str) -> tuple[int, int, str]:
    start = text.index(words)
    return (start, start + len(words), "claim")


def test_unchanged_text_keeps_its_spans() -> None:
    spans = [span_of(SAVED, "An-12"), span_of(SAVED, "قالَ")]
    assert follow_spans(SAVED, SAVED, spans) == spans


def test_spans_follow_their_words_and_drop_when_they_are_gone() -> None:
    spans = [span_of(SAVED, "An-12 landed"), span_of(SAVED, "٢٧ tons")]
    typed = "Two planes, " + SAVED.replace("٢٧", "27")
    assert follow_spans(SAVED, typed, spans) == [span_of(typed, "An-12 landed")]


def test_a_repeated_phrase_keeps_its_own_occurrence() -> None:
    saved = "27 tons here and 27 tons there"
    second = (saved.rindex("27 tons"), saved.rindex("27 tons") + 7, "claim")
    typed = "Now " + saved
    (followed,) = follow_spans(saved, typed, [second])
    assert followed[0] == typed.rindex("27 tons")


def test_line_ranges_split_spans_at_line_breaks_in_code_points() -> None:
    across = (SAVED.index("tons"), SAVED.index("الـوزير") + len("الـوزير"), "claim")
    ranges = line_ranges(SAVED, [span_of(SAVED, "An-12"), across])
    first, second = SAVED.split("\n")
    assert ranges[0] == [(10, 15, "claim"), (first.index("tons"), len(first), "claim")]
    assert ranges[1] == [(0, second.index("الـوزير") + len("الـوزير"), "claim")]
    # Inverse of how selections become offsets: the row/column ends map back to the span.
    assert location_offset(SAVED, (1, ranges[1][0][1])) == across[1]


def test_windows_line_breaks_count_as_two_code_points() -> None:
    saved = "first line\r\nsecond ٢٧ line"
    ranges = line_ranges(saved, [span_of(saved, "٢٧")])
    assert ranges == {1: [(7, 9, "claim")]}
