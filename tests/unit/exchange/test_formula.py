"""Formula neutralisation in CSV cells: spreadsheets never see a formula, text comes back whole."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.text.formula import FORMULA_STARTS, neutralise, restore


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("+44 20 7946", "'+44 20 7946"),
        ("-5% in a year", "'-5% in a year"),
        ("@user said", "'@user said"),
        ("\tindented", "'\tindented"),
        ("\rreturn", "'\rreturn"),
        ("'=quoted", "''=quoted"),
        ("''-x", "'''-x"),
        ("'plain apostrophe", "'plain apostrophe"),
        ("قال الوزير", "قال الوزير"),
        ("a = b", "a = b"),
        ("", ""),
    ],
)
def test_cells(text: str, cell: str) -> None:
    assert neutralise(text) == cell
    assert restore(cell) == text


@given(st.text(alphabet=st.sampled_from(["'", "=", "+", "-", "@", "\t", "\r", "a", "ب", " "])))
def test_round_trip_and_no_formula_survives(text: str) -> None:
    cell = neutralise(text)
    assert restore(cell) == text
    assert cell[:1] not in FORMULA_STARTS


@given(st.text())
def test_round_trip_any_text(text: str) -> None:
    assert restore(neutralise(text)) == text
