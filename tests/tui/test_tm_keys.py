"""Alt+digit bindings also name the key Textual reports for them from a terminal."""

from __future__ import annotations

from workbench.tui.keymap import ALT_DIGIT_KEYS, bindings, terminal_keys


def test_alt_digits_also_bind_the_character_terminals_deliver() -> None:
    assert terminal_keys("alt+7") == "alt+7,pilcrow_sign"
    assert terminal_keys("f5, alt+1") == "f5,alt+1,inverted_exclamation_mark"
    # Characters people type in English stay text: £ is never taken for alt+3.
    assert terminal_keys("alt+3") == "alt+3"
    assert {"pilcrow_sign", "bullet", "feminine_ordinal_indicator"} <= ALT_DIGIT_KEYS
    tm_keys = {b.id: b.key for b in bindings() if b.id and b.id.startswith("tm_insert")}
    assert tm_keys == {
        "tm_insert_1": "alt+7,pilcrow_sign",
        "tm_insert_2": "alt+8,bullet",
        "tm_insert_3": "alt+9,feminine_ordinal_indicator",
    }
