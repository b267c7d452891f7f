"""Alt+digit from a terminal: ESC+digit is read as alt+digit, and each alt+digit binding also
names the key a macOS Option key types for it."""

from __future__ import annotations

import pytest
from textual import _ansi_sequences
from textual._xterm_parser import XTermParser

from workbench.tui.keys.keymap import ALT_DIGIT_KEYS, bindings, terminal_keys
from workbench.tui.keys.terminal_input import read_escape_digit_as_alt


def test_alt_digits_also_bind_the_character_terminals_deliver() -> None:
    assert terminal_keys("alt+7") == "alt+7,pilcrow_sign"
    assert terminal_keys("f5, alt+1") == "f5,alt+1,inverted_exclamation_mark"
    # Characters people type in English stay text: £ is never taken for alt+3.
    assert terminal_keys("alt+3") == "alt+3"
    # Textual names a typed letter by itself: "ª" (Option+9) is a letter, not its Unicode name.
    assert {"pilcrow_sign", "bullet", "ª"} <= ALT_DIGIT_KEYS
    tm_keys = {b.id: b.key for b in bindings() if b.id and b.id.startswith("tm_insert")}
    assert tm_keys == {
        "tm_insert_1": "alt+7,pilcrow_sign",
        "tm_insert_2": "alt+8,bullet",
        "tm_insert_3": "alt+9,ª",
    }


def parse(data: str) -> list[tuple[str, str | None]]:
    """The keys Textual's terminal parser makes of `data` (then end of input)."""
    parser = XTermParser()
    tokens = [*parser.feed(data), *parser.feed("")]
    return [(token.key, token.character) for token in tokens if hasattr(token, "key")]


def test_escape_digit_is_read_as_alt_digit(monkeypatch: pytest.MonkeyPatch) -> None:
    table = _ansi_sequences.ANSI_SEQUENCES_KEYS
    assert isinstance(table, dict)
    for digit in "1234567890":  # put the table back as Textual had it once the test is over
        monkeypatch.setitem(table, f"\x1b{digit}", table[f"\x1b{digit}"])
    assert parse("\x1b3") == [("pound_sign", "£")]  # what Textual alone makes of Alt+3

    read_escape_digit_as_alt()
    read_escape_digit_as_alt()  # idempotent
    assert [parse(f"\x1b{digit}")[0][0] for digit in "1234567890"] == [
        f"alt+{digit}" for digit in "1234567890"
    ]
    assert parse("£") == [("pound_sign", "£")]  # a typed pound sign is still text
    assert parse("\x1bj") == [("alt+j", "j")]  # other Alt keys as before
    assert parse("\x1b[A") == [("up", None)]
