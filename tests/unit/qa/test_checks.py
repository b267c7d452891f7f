"""`qa_check_segment` on seed sentences: every check, and settings that change them."""

from __future__ import annotations

import pytest

from workbench.config import Settings
from workbench.glossary.matching import GlossaryEntry, GlossaryIndex, term_key
from workbench.qa.checks import QaIssue, qa_check_segment

# seeds/000
SOURCE = (
    "نقلا عن بيانات أولية، ذكرت اللجنة المركزية للانتخابات في كازاخستان، اليوم الاثنين، أن "
    "الرئيس قاسم جومارت توكاييف فاز بولاية ثانية في الانتخابات المبكرة التي أجريت أمس."
)
GOOD = (
    "Citing preliminary data, Kazakhstan's Central Election Commission said on Monday that "
    "President Kassym-Jomart Tokayev had won a second term in the early election held yesterday."
)
GLOSSARY = GlossaryIndex(
    tuple(
        GlossaryEntry(number, ar, en, None, term_key(ar))
        for number, (ar, en) in enumerate(
            [
                ("كازاخستان", "Kazakhstan"),
                ("قاسم جومارت توكاييف", "Kassym-Jomart Tokayev"),
                ("اللجنة المركزية للانتخابات", "Central Election Commission"),
            ],
            start=1,
        )
    )
)


def codes(issues: list[QaIssue]) -> list[str]:
    return [found.code for found in issues]


def check(target: str | None, **options: object) -> list[QaIssue]:
    return qa_check_segment(SOURCE, target, glossary=GLOSSARY, **options)  # type: ignore[arg-type]


def test_a_good_translation_has_no_issue() -> None:
    assert check(GOOD, status="approved", mt="something else") == []


def test_empty_target_only_matters_once_finished() -> None:
    assert codes(check(None, status="translated")) == ["empty-target"]
    assert codes(check("   ", status="approved")) == ["empty-target"]
    assert codes(check(None)) == ["empty-target"]  # no status: judged as finished
    assert check(None, status="new") == []
    assert check("", status="draft") == []


def test_arabic_left_in_the_english_is_located() -> None:
    target = GOOD.replace("held yesterday", "held أجريت أمس")
    (found,) = check(target)
    assert found.code == "arabic-in-target"
    assert found.side == "target"
    assert target[found.start : found.end] == "أجريت أمس"  # type: ignore[misc]
    assert found.severity == "error"


def test_glossary_term_not_used() -> None:
    target = GOOD.replace("Kassym-Jomart Tokayev", "Kasym-Zhomart Tokaev")
    (found,) = check(target)
    assert found.code == "glossary-term-missing"
    assert found.side == "source"
    assert SOURCE[found.start : found.end] == "قاسم جومارت توكاييف"  # type: ignore[misc]
    assert "Kassym-Jomart Tokayev" in found.message
    assert check(target.replace("Kasym-Zhomart Tokaev", "Kassym Jomart Tokayev")) == []


def test_identical_to_mt_when_reviewed_is_configurable() -> None:
    assert codes(check(GOOD, status="reviewed", mt=GOOD + " ")) == ["identical-to-mt"]
    assert codes(check(GOOD, status="approved", mt=GOOD)) == ["identical-to-mt"]
    assert check(GOOD, status="translated", mt=GOOD) == []
    relaxed = Settings(user="x", qa_identical_to_mt_when_reviewed=False)
    assert check(GOOD, status="reviewed", mt=GOOD, settings=relaxed) == []


def test_length_ratio_bounds_are_settings() -> None:
    assert "length-ratio" in codes(check("Tokayev won."))
    assert codes(check(GOOD + " " + GOOD + " " + GOOD)) == ["length-ratio"]
    wide = Settings(user="x", qa_length_ratio_min=0.01, qa_length_ratio_max=10)
    short = "Kassym-Jomart Tokayev won in Kazakhstan, Central Election Commission says"
    assert codes(check(short)) == ["length-ratio"]
    assert check(short, settings=wide) == []
    # Short sources are not judged: "اعتقال 2000 شخص" (seeds/002) -> "2000 arrested".
    assert qa_check_segment("اعتقال 2000 شخص", "2000 people arrested in Almaty") == []


@pytest.mark.parametrize(
    ("typo", "code", "span"),
    [
        ("said on  Monday", "double-space", "  "),
        ("data,,", "double-punctuation", ",,"),
        ("yesterday..", "double-punctuation", ".."),
        ("data,.", "double-punctuation", ",."),
    ],
)
def test_doubled_spaces_and_punctuation(typo: str, code: str, span: str) -> None:
    plain = typo.replace("  ", " ").replace(",,", ",").replace("..", ".").replace(",.", ",")
    target = GOOD.replace(plain, typo, 1)
    assert target != GOOD
    (found,) = check(target)
    assert (found.code, target[found.start : found.end]) == (code, span)  # type: ignore[misc]


def test_an_ellipsis_is_not_doubled_punctuation() -> None:
    assert check(GOOD.replace("yesterday.", "yesterday...")) == []


def test_bidi_controls_in_the_english_and_in_the_arabic() -> None:
    target = GOOD.replace("Tokayev", "Tokayev\u202e", 1)
    (found,) = check(target)
    assert (found.code, found.severity, found.start) == (
        "bidi-control",
        "error",
        target.index("\u202e"),
    )
    issues = qa_check_segment(
        "قال\u200f توكاييف إن الوضع مستقر", "Tokayev said the situation is stable"
    )
    assert codes(issues) == ["bidi-control-source"]
    assert issues[0].severity == "warning"


def test_numbers_in_arabic_indic_digits_against_the_english() -> None:
    # seeds/004 with its figures in Arabic-Indic digits.
    source = "وفي ١١ من كانون الثاني الحالي، قال وزير الدفاع الروسي إن ٧٠ طائرة نقل عسكري تعمل"
    target = "On 11 January the Russian defence minister said 70 military transport planes operate"
    assert qa_check_segment(source, target) == []
    issues = qa_check_segment(source, target.replace("70", "17"))
    assert [(i.code, i.side) for i in issues] == [
        ("number-mismatch", "source"),
        ("number-mismatch", "target"),
    ]
    assert source[issues[0].start : issues[0].end] == "٧٠"  # type: ignore[misc]
