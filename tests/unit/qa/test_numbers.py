"""Numbers in both digit systems and both separator conventions, on seed and NTREX sentences."""

from __future__ import annotations

from decimal import Decimal

import pytest

from workbench.qa.numbers import compare_numbers, numbers_in

Corpus = tuple[list[str], list[str]]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("27.5", {Decimal("27.5")}),
        ("27,5", {Decimal("27.5")}),
        ("٢٧٫٥", {Decimal("27.5")}),
        ("۲۷٫۵", {Decimal("27.5")}),
        ("1,000", {Decimal(1000), Decimal(1)}),
        ("١٬٠٠٠", {Decimal(1000)}),
        ("1.234,5", {Decimal("1234.5")}),
        ("1,234.5", {Decimal("1234.5")}),
        ("27,000,000,000", {Decimal(27_000_000_000)}),
    ],
)
def test_readings(text: str, values: set[Decimal]) -> None:
    (number,) = numbers_in(text)
    assert number.values == values
    assert (number.start, number.end) == (0, len(text))


def test_tokens_without_a_reading_count_as_their_parts() -> None:
    text = "في 10.11.2023 و Il-76 و 2017، لتمتد"
    assert [n.text for n in numbers_in(text)] == ["10", "11", "2023", "76", "2017"]


def test_seed_sentence_with_the_right_figures_is_clean() -> None:
    # seeds/001
    source = (
        "و في حديثه بعد المحادثات، أشار توكاييف إلى أن روسيا تعد أكبر شريك تجاري لكازاخستان، "
        "حيث وصلت التجارة الثنائية إلى مستوى قياسي بلغ 27 مليار دولار العام الماضي."
    )
    target = (
        "Speaking after the talks, Tokayev noted that Russia is Kazakhstan's largest trading "
        "partner, with bilateral trade reaching a record 27 billion dollars last year."
    )
    assert compare_numbers(source, target) == ([], [])


def test_a_wrong_figure_is_reported_on_both_sides_with_offsets() -> None:
    source = "حيث وصلت التجارة الثنائية إلى مستوى قياسي بلغ 27 مليار دولار العام الماضي."
    target = "bilateral trade reached a record 17 billion dollars last year."
    missing, extra = compare_numbers(source, target)
    assert [(n.text, source[n.start : n.end]) for n in missing] == [("27", "27")]
    assert [(n.text, target[n.start : n.end]) for n in extra] == [("17", "17")]


def test_arabic_indic_digits_and_separators_match_western_ones() -> None:
    source = "ارتفعت الأسعار بنسبة ٢٧٫٥٪ وقتل ١٬٢٠٠ شخص في ٢٠٢٢"
    assert compare_numbers(source, "prices rose 27.5% and 1,200 people died in 2022") == ([], [])
    assert compare_numbers(source, "prices rose 27,5% and 1.200 people died in 2022") == ([], [])
    missing, extra = compare_numbers(source, "prices rose 25.7% and 1,200 people died in 2022")
    assert [n.text for n in missing] == ["٢٧٫٥"]
    assert [n.text for n in extra] == ["25.7"]


def test_seed_sentence_with_aircraft_types() -> None:
    # seeds/004: more than 70 Il-76 and An-12 aircraft.
    source = "أكثر من 70 طائرة نقل عسكري روسية من طراز “Il-76” و”An-12″، تعمل على مدار الساعة"
    good = "more than 70 Russian Il-76 and An-12 military transport aircraft work around the clock"
    assert compare_numbers(source, good) == ([], [])
    missing, extra = compare_numbers(source, good.replace("Il-76", "Il-67"))
    assert [n.text for n in missing] == ["76"]
    assert [n.text for n in extra] == ["67"]


def test_small_numbers_may_be_spelled_out_in_english() -> None:
    # seeds/000: 7 candidates.
    source = "ويتنافس في هذه الانتخابات المبكرة 7 مرشحين بينهم الرئيس الحالي"
    assert compare_numbers(source, "Seven candidates are running in the early election") == ([], [])
    missing, _ = compare_numbers(source, "Eight candidates are running in the early election")
    assert [n.text for n in missing] == ["7"]
    # English number words never count as numbers the source lacks.
    assert compare_numbers("لا أرقام هنا", "one of the candidates") == ([], [])


def ntrex_pair(ntrex: Corpus, line: int) -> tuple[str, str]:
    return ntrex[0][line - 1], ntrex[1][line - 1]


@pytest.mark.parametrize(
    ("line", "arabic_figure", "english_figure"),
    [(1243, "76.000", "76,000"), (671, "4000", "4,000"), (238, "2.94", "2.94")],
)
def test_ntrex_pairs_whose_figures_agree_across_conventions(
    ntrex: Corpus, line: int, arabic_figure: str, english_figure: str
) -> None:
    arabic, english = ntrex_pair(ntrex, line)
    assert arabic_figure in arabic and english_figure in english
    assert compare_numbers(arabic, english) == ([], [])
    wrong = english.replace(english_figure, "7" + english_figure)
    missing, extra = compare_numbers(arabic, wrong)
    assert [n.text for n in missing] == [arabic_figure]
    assert [n.text for n in extra] == ["7" + english_figure]


def test_ntrex_pair_where_the_arabic_dropped_a_fraction(ntrex: Corpus) -> None:
    # "220 2/3 innings" became 220 in the Arabic: the check finds the 2 and 3 it lost.
    arabic, english = ntrex_pair(ntrex, 542)
    assert "2.53" in arabic and "220 2/3" in english
    missing, extra = compare_numbers(arabic, english)
    assert missing == []
    assert [n.text for n in extra] == ["2", "3"]
