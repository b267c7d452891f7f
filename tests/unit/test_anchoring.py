"""Offsets and re-anchoring on text, without a database."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.errors import InputError
from workbench.services.anchoring import check_span, locate_quote, map_offset, snap_span

# Sentences from the seed articles (seeds/004_…, seeds/001_…).
AIRCRAFT = "أن أكثر من 70 طائرة نقل عسكري روسية من طراز “Il-76” و”An-12″، تعمل على مدار الساعة"
TRADE = "حيث وصلت التجارة الثنائية إلى مستوى قياسي بلغ 27 مليار دولار العام الماضي."


def test_check_span_returns_the_code_points_between_the_offsets() -> None:
    start = AIRCRAFT.index("“Il-76”")
    assert check_span(AIRCRAFT, start, start + 7, "here") == "“Il-76”"
    assert check_span(TRADE, 0, len(TRADE), "here") == TRADE


@pytest.mark.parametrize(("start", "end"), [(0, 0), (-2, 3), (3, len(TRADE) + 1), (9, 4)])
def test_check_span_refuses_empty_and_out_of_range_spans(start: int, end: int) -> None:
    with pytest.raises(InputError, match=rf"0 <= start < end <= {len(TRADE)}"):
        check_span(TRADE, start, end, "the Arabic source of segment 25")


def test_marks_stay_with_their_letter() -> None:
    text = "توجّه الناخبون"  # shadda on the jim
    shadda = text.index("ّ")
    with pytest.raises(InputError, match=r"U\+0651"):
        check_span(text, shadda, 5, "here")
    assert snap_span(text, shadda, 5) == (shadda - 1, 5)
    assert snap_span(text, 0, shadda) == (0, shadda + 1)
    assert snap_span(text, 0, len(text)) == (0, len(text))


def test_map_offset_follows_insertions_and_deletions() -> None:
    old = "RT said the planes landed."
    assert map_offset(old, "Yesterday " + old, 3) == 13
    assert map_offset(old, old.replace("the ", ""), 12) == 8
    assert map_offset(old, old, len(old)) == len(old)


def test_locate_prefers_exact_then_loose_then_nothing() -> None:
    old = "Over 70 Il-76 aircraft flew."
    exact = locate_quote("Il-76 aircraft", 8, old, "So: " + old)
    assert exact is not None and (exact.start, exact.exact) == (12, True)
    loose = locate_quote("Il-76 aircraft", 8, old, "Over 70 IL-76\n Aircraft flew.")
    assert loose is not None and (loose.start, loose.end, loose.exact) == (8, 23, False)
    assert locate_quote("Il-76 aircraft", 8, old, "Over 70 planes flew.") is None
    # Without the old text (nothing to follow), the nearest occurrence to the old offset wins.
    both = locate_quote("RT", 20, None, "RT says, and RT again says")
    assert both is not None and both.start == 13


@given(
    before=st.integers(min_value=0, max_value=len(AIRCRAFT)),
    # Letters the sentence lacks: an insertion of "-" before "-" could be read either way.
    inserted=st.text(alphabet="bcdefgxyz!?", min_size=1, max_size=40),
    span=st.tuples(st.integers(0, len(AIRCRAFT) - 1), st.integers(1, 30)),
)
def test_an_insertion_outside_the_span_moves_it_by_exactly_its_length(
    before: int, inserted: str, span: tuple[int, int]
) -> None:
    start, size = span
    start, end = snap_span(AIRCRAFT, start, min(start + size, len(AIRCRAFT)))
    quote = AIRCRAFT[start:end]
    if start < before < end:
        before = end  # an insertion inside the span is an edit of the span itself
    edited = AIRCRAFT[:before] + inserted + AIRCRAFT[before:]

    found = locate_quote(quote, start, AIRCRAFT, edited)

    shift = len(inserted) if before <= start else 0
    assert found is not None
    assert (found.start, found.end, found.exact) == (start + shift, end + shift, True)
    assert edited[found.start : found.end] == quote
