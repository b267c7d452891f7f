from __future__ import annotations

import pytest

from workbench.text.normalise import bidi_controls_in, normalise_arabic, source_hash


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
