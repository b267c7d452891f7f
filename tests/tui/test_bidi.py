"""The Arabic display pipeline and the choice of mode from the terminal."""

from __future__ import annotations

import unicodedata

import pytest

from workbench.tui.display.bidi import display_line, resolve_mode, terminal_reorders, to_visual

TERMINALS = [
    ({"TERM": "xterm-kitty", "KITTY_WINDOW_ID": "1"}, False),
    ({"TERM": "alacritty", "ALACRITTY_WINDOW_ID": "1"}, False),
    ({"TERM": "xterm-256color"}, False),
    ({"WT_SESSION": "x", "TERM": "xterm-256color"}, False),
    ({"TERM": "tmux-256color", "TMUX": "/tmp/tmux-0/default,1,0"}, False),
    # tmux inside GNOME Terminal inherits VTE_VERSION, but tmux draws the cells: convert.
    ({"TERM": "screen-256color", "TMUX": "/tmp/t,1,0", "VTE_VERSION": "7600"}, False),
    ({"TERM": "xterm-256color", "VTE_VERSION": "7600"}, True),
    ({"TERM": "xterm-256color", "VTE_VERSION": "5202"}, False),  # VTE before 0.58: no bidi
    ({"TERM": "xterm-256color", "KONSOLE_VERSION": "230804"}, True),
    ({"TERM": "mlterm", "MLTERM": "3.9.3"}, True),
    ({"TERM_PROGRAM": "Apple_Terminal"}, True),
    ({"TERM_PROGRAM": "WezTerm"}, True),
    ({"TERM_PROGRAM": "iTerm.app"}, True),
    ({}, False),
]


@pytest.mark.parametrize(("environ", "reorders"), TERMINALS, ids=str)
def test_terminal_detection(environ: dict[str, str], reorders: bool) -> None:
    assert terminal_reorders(environ) is reorders
    assert resolve_mode("auto", environ) is (not reorders)
    assert resolve_mode("on", environ) is True
    assert resolve_mode("off", environ) is False


def test_letters_are_shaped_and_reversed() -> None:
    visual = to_visual("قال")
    # Presentation forms (joined letters), in visual (left-to-right) order: lam, alef, qaf.
    assert [unicodedata.name(c) for c in visual] == [
        "ARABIC LETTER LAM ISOLATED FORM",
        "ARABIC LETTER ALEF FINAL FORM",
        "ARABIC LETTER QAF INITIAL FORM",
    ]


def test_harakat_are_kept_after_their_letter() -> None:
    visual = to_visual("قَالَ")
    # Each fatha follows the letter it belongs to (rule L3), not the one before it on screen.
    assert [unicodedata.name(c) for c in visual] == [
        "ARABIC LETTER LAM ISOLATED FORM",
        "ARABIC FATHA",
        "ARABIC LETTER ALEF FINAL FORM",
        "ARABIC LETTER QAF INITIAL FORM",
        "ARABIC FATHA",
    ]


def test_lam_alef_becomes_one_ligature_cell() -> None:
    assert to_visual("لا") == "\ufefb"


def test_numbers_and_latin_keep_their_left_to_right_order() -> None:
    visual = to_visual("وصلت Il-76 في 2022 و٢٧ مليار")
    assert "Il-76" in visual
    assert "2022" in visual
    assert "٢٧" in visual
    # The sentence starts at the right: its first word is the last thing on the line.
    assert visual.endswith(to_visual("وصلت"))


def test_brackets_are_mirrored_inside_arabic() -> None:
    # Logical "(" opens the bracket on the right, so on screen, left to right, it reads "(…) قال".
    assert to_visual("قال (مرحبا)") == "(" + to_visual("مرحبا") + ") " + to_visual("قال")


def test_latin_combining_marks_are_left_alone() -> None:
    assert to_visual("Cafe\u0301 قال").startswith(to_visual("قال"))
    assert "Cafe\u0301" in to_visual("Cafe\u0301 قال")


def test_text_without_arabic_is_unchanged_and_off_means_logical() -> None:
    assert to_visual("Polling stations closed.") == "Polling stations closed."
    assert display_line("قال", enabled=False) == "قال"


def test_arabic_quoted_in_english_is_reordered_within_a_left_to_right_line() -> None:
    visual = to_visual("He said قال twice", "L")
    assert visual == "He said " + to_visual("قال") + " twice"
