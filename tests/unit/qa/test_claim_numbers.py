"""Quantities in claims: seed sentences' numbers against English renderings of them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.claim_labels import seed_sentences
from workbench.qa.claim_numbers import arabic_quantities, english_quantities

SENTENCES = seed_sentences()
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def _values(text: str, english: bool = False) -> list[set[Decimal]]:
    found = english_quantities(text) if english else arabic_quantities(text)
    return [set(q.values) for q in found]


@pytest.mark.parametrize(
    ("seed", "number", "expected"),
    [
        ("001", 8, [{Decimal(27) * 10**9}]),  # 27 مليار دولار
        ("000", 8, [{Decimal(7)}]),  # 7 مرشحين
        ("000", 5, [{Decimal(30)}]),  # 30 درجة تحت الصفر
        ("002", 18, [{Decimal(2000)}]),  # اعتقال 2000 شخص
        ("004", 13, [{Decimal(8)}]),  # بنسبة 8%
        ("004", 5, [{Decimal(8)}, {Decimal(70)}, {Decimal(76)}, {Decimal(12)}]),  # Il-76, An-12
    ],
)
def test_quantities_of_seed_sentences(seed: str, number: int, expected: list[set[Decimal]]) -> None:
    sentence = SENTENCES[seed][number - 1]
    assert _values(sentence) == expected
    # The same sentence with Arabic-Indic digits reads the same.
    assert _values(sentence.translate(ARABIC_INDIC)) == expected


@pytest.mark.parametrize(
    ("arabic", "english"),
    [
        ("بلغ 27 مليار دولار", "$27bn"),
        ("بلغ ٢٧ مليار دولار", "27 billion dollars"),
        ("بلغ 27 مليار دولار", "27,000,000,000 dollars"),
        ("٢٧٫٥ مليون", "27.5 million"),
        ("٢٬٥٠٠ جندي", "2,500 soldiers"),
        ("نصف مليون", "half a million"),
        ("ثلث السكان", "a third of the population"),
        ("وخمسة آلاف", "and 5,000"),
        ("مليار دولار", "a billion dollars"),
        ("ألفين", "2,000"),
        ("ويتنافس 7 مرشحين", "seven candidates"),
        ("ثلاثة أيام", "three days"),
    ],
)
def test_arabic_and_english_quantities_agree(arabic: str, english: str) -> None:
    [ar] = arabic_quantities(arabic)
    [en] = english_quantities(english)
    assert ar.agrees_with(en), (ar, en)


@pytest.mark.parametrize(
    ("arabic", "english"),
    [
        ("27 مليار دولار", "72 billion dollars"),
        ("27 مليار دولار", "27 million dollars"),
        ("نصف مليون", "half a billion"),
        ("٢٧٫٥", "2.75"),
    ],
)
def test_different_quantities_disagree(arabic: str, english: str) -> None:
    [ar] = arabic_quantities(arabic)
    [en] = english_quantities(english)
    assert not ar.agrees_with(en)


def test_vague_plurals_alone_are_not_numbers() -> None:
    assert arabic_quantities("أوقفت الشرطة آلاف المواطنين") == []
    [ar] = arabic_quantities("3 آلاف مواطن")
    assert ar.values == {Decimal(3000)}


def test_shown_names_the_value_when_a_word_scales_it() -> None:
    [ar] = arabic_quantities("27 مليار")
    assert ar.shown() == "27,000,000,000 (27 مليار)"
    [plain] = arabic_quantities("70 طائرة")
    assert plain.shown() == "70"
