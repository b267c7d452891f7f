from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.text.normalise import (
    _LETTER_MAP,
    bidi_controls_in,
    map_letters,
    normalise_arabic,
    source_hash,
    source_hashes,
    strip_harakat,
)

NTREX = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "ntrex-ar-en" / "ar.txt"
SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))


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


@pytest.mark.parametrize("path", [NTREX, *SEEDS], ids=lambda path: path.name)
def test_hashing_sentences_together_gives_each_ones_hash(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert source_hashes(lines) == [source_hash(line) for line in lines]


# Everything normalisation touches: harakat, tatweel, mapped letters and digits, compatibility
# forms (ligatures, presentation forms, NBSP), combining marks at either end, whitespace, case.
TRICKY = (
    "".join(map(chr, _LETTER_MAP))
    + "\u064b\u0650\u0670\u0640\ufefb\ufdf2\ufe8d\u00a0\u2003\u0301\u0654\u0653"
    # Printable characters NFKC makes a space and a mark of (presentation-form harakat, a
    # diaeresis): spaces that appear only after folding, next to others.
    + "\ufc5e\ufe72\u00a8"
    + "ابتثج هي 12.,ẞßİΣς \n\t"
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(TRICKY), max_size=12), max_size=6))
def test_hashing_together_never_joins_or_splits_texts(texts: list[str]) -> None:
    assert source_hashes(texts) == [source_hash(text) for text in texts]


def test_a_text_holding_the_joiner_is_hashed_alone() -> None:
    texts = ["a\x00b", "a", "b"]
    assert source_hashes(texts) == [source_hash(text) for text in texts]


def _regex_normalised(text: str) -> str:
    """normalise_arabic as first written: whitespace runs through a regex, then stripped."""
    text = unicodedata.normalize("NFKC", text)
    text = map_letters(strip_harakat(text).replace("\u0640", ""))
    return re.sub(r"\s+", " ", text).strip().casefold()


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(TRICKY + "\u2028\x85\x1c\u3000\u200b"), max_size=30))
def test_whitespace_is_collapsed_as_the_regex_did(text: str) -> None:
    assert normalise_arabic(text) == _regex_normalised(text)
