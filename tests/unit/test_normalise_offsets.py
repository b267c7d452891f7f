"""`normalise_with_offsets`: the same folding as `normalise_arabic`, with a map back."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.text.normalise import normalise_arabic, normalise_with_offsets, target_hash

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def seed_lines() -> list[str]:
    return [
        line
        for path in sorted(SEEDS.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def test_agrees_with_normalise_arabic_on_every_seed_line() -> None:
    lines = seed_lines()
    assert len(lines) > 90
    for line in lines:
        assert normalise_with_offsets(line).text == normalise_arabic(line)


def test_offsets_point_at_the_original_letters_past_harakat_and_tatweel() -> None:
    text = "قالَ  تُوكـــاييفُ"
    mapped = normalise_with_offsets(text)
    assert mapped.text == "قال توكاييف"
    assert len(mapped.origins) == len(mapped.text)
    for index, char in enumerate(mapped.text):
        original = text[mapped.origins[index]]
        assert normalise_arabic(original) == char or char == " "
    start = mapped.text.index("توكاييف")
    assert text[mapped.origins[start]] == "ت"
    assert text[mapped.origins[-1]] == "ف"


def test_alef_forms_and_digits_fold_in_place() -> None:
    text = "أستانا ٢٧٫٥"
    mapped = normalise_with_offsets(text)
    assert mapped.text == "استانا 27.5"
    assert mapped.origins == tuple(range(len(text)))


def test_ignored_characters_vanish_without_shifting_the_map() -> None:
    text = "منظمة “معاهدة الأمن”"
    mapped = normalise_with_offsets(text, ignore=frozenset("“”"))
    assert mapped.text == "منظمه معاهده الامن"
    assert text[mapped.origins[mapped.text.index("معاهده")]] == "م"
    assert mapped.origins[-1] == len(text) - 2


def test_persian_letters_fold_to_arabic() -> None:
    assert normalise_arabic("دول آسیا الوسطی") == normalise_arabic("دول آسيا الوسطى")


@given(st.text(alphabet="اأإآبتةثىيـًٌٍَُِّْ \u0670٠١٢3 \n", max_size=40))
def test_every_output_character_maps_into_the_input(text: str) -> None:
    mapped = normalise_with_offsets(text)
    assert mapped.text == normalise_arabic(text)
    assert list(mapped.origins) == sorted(mapped.origins)
    assert all(0 <= origin < len(text) for origin in mapped.origins)


@pytest.mark.parametrize(
    ("left", "right"), [("Putin  said.", " Putin said. "), ("Cafe\u0301", "Café")]
)
def test_target_hash_ignores_whitespace_runs_and_unicode_form(left: str, right: str) -> None:
    assert target_hash(left) == target_hash(right)
    assert target_hash("Putin said.") != target_hash("Putin says.")
