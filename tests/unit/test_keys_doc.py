"""docs/guide/keys.md is the keymap and the screens' bindings, written out: it must not drift."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from textual.binding import Binding

from workbench.tui.keys.keydoc import COMMAND, key_label, main_screen_table, render
from workbench.tui.keys.keymap import MAIN_ACTIONS
from workbench.tui.review.desk import ReviewScreen

PAGE = Path(__file__).resolve().parents[2] / "docs" / "guide" / "keys.md"


def test_the_keys_page_is_what_the_keymap_says() -> None:
    assert PAGE.read_text(encoding="utf-8") == render(), f"keys.md is stale: run `{COMMAND}`"


def test_every_main_key_and_its_id_are_on_the_page() -> None:
    page = PAGE.read_text(encoding="utf-8")
    for action in MAIN_ACTIONS:
        assert f"| {key_label(action.keys)} | {action.help} | `{action.id}` |" in page


def test_a_remapped_default_changes_the_table() -> None:
    """The comparison above can fail: a key moved in keymap.py gives another page."""
    moved = [dataclasses.replace(MAIN_ACTIONS[0], keys="f12"), *MAIN_ACTIONS[1:]]
    assert main_screen_table(moved) != main_screen_table()
    assert "| F12 | Save the target as translated" in main_screen_table(moved)


def test_screen_bindings_are_listed_under_their_screen() -> None:
    page = PAGE.read_text(encoding="utf-8")
    review = page.split("## Review desk (F9)\n", 1)[1].split("\n## ", 1)[0]
    keys = [line.split(" | ")[0].removeprefix("| ") for line in review.splitlines()[3:]]
    bindings = [binding for binding in ReviewScreen.BINDINGS if isinstance(binding, Binding)]
    assert keys == [key_label(binding.key) for binding in bindings]


def test_keys_are_written_as_people_read_them() -> None:
    assert key_label("ctrl+down,alt+down") == "Ctrl+↓, Alt+↓"
    assert key_label("enter,ctrl+s") == "Enter, Ctrl+S"
    assert key_label("escape,q") == "Escape, q"
    assert key_label("f10") == "F10"


def _main_keys() -> list[str]:
    return [key.strip() for action in MAIN_ACTIONS for key in action.keys.split(",")]


def test_no_key_does_two_things_on_the_main_screen() -> None:
    keys = _main_keys()
    assert sorted({key for key in keys if keys.count(key) > 1}) == []


def test_the_main_keys_leave_the_editors_selection_keys_alone() -> None:
    """Main-screen bindings are priority bindings: one on F7 would take select-all away."""
    selection = {"f5", "f6", "f7", "ctrl+home", "ctrl+end", "shift+left", "shift+right"}
    assert selection.isdisjoint(_main_keys())
