"""How the workbench wants keys from a real terminal read: Alt+digit as alt+digit.

A terminal without kitty's keyboard protocol (tmux, xterm, GNOME Terminal, iTerm2 with Esc+) sends
Alt+3 as ESC then "3". Textual's input table turns ESC+digit into the character macOS types for
Option+digit (ESC 3 arrives as "£", ESC 9 as "ª"), so a binding for alt+3 would never fire, and a
binding for "£" would eat the pound sign a translator types. Taking those ten entries out of the
table lets Textual's own Alt handling read ESC+digit as alt+digit (as it reads ESC j as alt+j),
while a real "£" typed on the keyboard stays text.

Only the running app needs this (Pilot hands keys over by name, past the parser): `run_app` calls
it.
"""

from __future__ import annotations

from textual import _ansi_sequences

# ESC+digit -> the macOS Option+digit character, as Textual's table has it.
_OPTION_DIGIT_CHARACTERS = dict(zip("1234567890", "¡™£¢∞§¶•ªº", strict=True))


def read_escape_digit_as_alt() -> None:
    """Make ESC+digit reach the app as alt+digit. Idempotent; touches only those ten entries, and
    only while they still hold the character Textual put there."""
    table = _ansi_sequences.ANSI_SEQUENCES_KEYS
    if not isinstance(table, dict):  # a future Textual made it read-only: keep its behaviour
        return
    for digit, character in _OPTION_DIGIT_CHARACTERS.items():
        if table.get(f"\x1b{digit}") == character:
            del table[f"\x1b{digit}"]
