from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.text.normalise import (
    _LETTER_MAP,
    bidi_controls_in,
    map_letters,
    normalise_arabic,
    source_hash,
)


@pytest.mark.parametrize(
    ("variant", "plain"),
    [
        ("أستانا", "استانا"),
        ("آستانا", "استانا"),
        ("إيران", "ايران"),
        ("مدرسة", "مدرسه"),
        ("مستشفى", "مستشفي"),
        ("قَالَ", "قال"),
        ("كـــبير", "كبير"),
        ("٢٧٫٥ مليار", "27.5 مليار"),
        ("۱۲۳", "123"),
        ("  توكاييف \n  قال ", "توكاييف قال"),
        ("CSTO", "csto"),
    ],
)
def test_variants_normalise_alike(variant: str, plain: str) -> None:
    assert normalise_arabic(variant) == plain


def test_hash_matches_spelling_variants_only() -> None:
    assert source_hash("وصل إلى أستانا.") == source_hash("وَصَلَ إلى آستانا.")
    assert source_hash("وصل إلى أستانا.") != source_hash("وصل إلى موسكو.")
    assert len(source_hash("x")) == 32


def test_bidi_controls_are_located() -> None:
    assert bidi_controls_in("abc\u202edef\u2066") == [3, 7]
    assert bidi_controls_in("قال توكاييف") == []


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("".join(map(chr, _LETTER_MAP)) + "ابتثج هي 12.,"), max_size=40)
)
def test_the_fast_letter_map_is_the_translate_table(text: str) -> None:
    assert map_letters(text) == text.translate(_LETTER_MAP)
