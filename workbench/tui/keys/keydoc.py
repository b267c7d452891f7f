"""The keys page of the user guide, written from the keymap and the screens' own bindings.

`python -m workbench.tui.keys.keydoc > docs/guide/keys.md` rewrites it; tests/unit/test_keys_doc.py
fails when the page and the code differ, so a key changed in code cannot leave the page behind.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from textual.binding import Binding, BindingType
from textual.screen import Screen

from workbench.tui.claims.board import ClaimsBoard
from workbench.tui.claims.form import ClaimFormScreen
from workbench.tui.claims.panel import ClaimsPanel
from workbench.tui.claims.source_select import SourceSelectScreen
from workbench.tui.claims.suggestions import ClaimSuggestions
from workbench.tui.editor.conflict import ConflictScreen
from workbench.tui.keys.keymap import EDITOR_KEYS, MAIN_ACTIONS, KeyAction
from workbench.tui.review.desk import ReviewScreen
from workbench.tui.stats.screen import StatsScreen

COMMAND = "python -m workbench.tui.keys.keydoc > docs/guide/keys.md"

# The screens a person meets from the main screen, in the order of the work, with a heading each.
SCREENS: tuple[tuple[str, type[Screen[Any]]], ...] = (
    ("Claim form (Ctrl+G, or e in the claims list)", ClaimFormScreen),
    ("Choosing words in the source or the aligned side", SourceSelectScreen),
    ("Claims of the document (Ctrl+O)", ClaimsPanel),
    ("Claims board, every document (F12)", ClaimsBoard),
    ("Likely claims of the document (Alt+L)", ClaimSuggestions),
    ("Save conflict: someone saved first", ConflictScreen),
    ("Review desk (F9)", ReviewScreen),
    ("Statistics (F10)", StatsScreen),
)

_NAMES = {
    "down": "↓",
    "up": "↑",
    "left": "←",
    "right": "→",
    "pagedown": "PageDown",
    "pageup": "PageUp",
    "escape": "Escape",
}

_INTRO = f"""\
# Keys

<!-- Written by `{COMMAND}`
from workbench/tui/keys/keymap.py and the screens' bindings: edit those, not this page
(tests/unit/test_keys_doc.py compares them). -->

F1 in the workbench lists the same keys as currently mapped, with your own remapping applied.
"""

_ALT_DIGITS = """\
**Alt+digit keys** work in any terminal that sends Alt as ESC (tmux, xterm, GNOME Terminal,
kitty, iTerm2 with Option set to "Esc+", Terminal.app with "Use Option as Meta key"): the
workbench reads ESC+digit as Alt+digit, where Textual alone would read the characters macOS types
for Option+digit (ESC 3 as "£"). On a Mac whose Option key types characters, Alt+1/2/7/8/9 still
work but Alt+3 types £: set Option to act as Meta. A "£" typed on the keyboard stays text.
"""

_REMAPPING = """\
## Remapping

Any key of the main screen can be remapped in the config file (`$WORKBENCH_CONFIG` or
`~/.config/workbench/config.toml`) by its id: the last column above, which the help screen (F1)
lists too. Several keys are separated by commas. An unknown id or an empty value is refused when
the workbench starts, naming it.

```toml
[keymap]
confirm = "ctrl+s"
save_draft = "f12"
next_segment = "ctrl+down,ctrl+j"
```
"""


def key_label(keys: str) -> str:
    """Textual key names as a person reads them: "ctrl+down,alt+down" → "Ctrl+↓, Alt+↓"."""
    return ", ".join(_one_key(key.strip()) for key in keys.split(","))


def _one_key(key: str) -> str:
    *modifiers, last = key.split("+")
    # A letter alone is typed as is (a, r); after a modifier it is written as on the keycap.
    last = _NAMES.get(last, last.upper() if modifiers or len(last) > 1 else last)
    if len(last) > 1 and last not in _NAMES.values():
        last = last.capitalize()
    return "+".join([*(modifier.capitalize() for modifier in modifiers), last])


def _editor_keys(keys: str) -> str:
    """EDITOR_KEYS spells its keys as text ("ctrl+z / ctrl+y", "mouse click")."""
    return " / ".join(part if " " in part else _one_key(part) for part in keys.split(" / "))


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def main_screen_table(actions: Iterable[KeyAction] = MAIN_ACTIONS) -> str:
    rows = [(key_label(a.keys), a.help, f"`{a.id}`") for a in actions]
    return _table(("key", "does", "id (for `[keymap]`)"), rows)


def screen_table(bindings: Iterable[BindingType]) -> str:
    rows = [
        (key_label(b.key), b.description)
        for b in bindings
        if isinstance(b, Binding)  # the tuple form is not used here; Binding carries the text
    ]
    return _table(("key", "does"), rows)


def render() -> str:
    """The whole page."""
    parts = [
        _INTRO,
        "## The main screen\n",
        main_screen_table(),
        _ALT_DIGITS,
        "## In the editor, anywhere\n",
        _table(("key", "does"), ((_editor_keys(keys), does) for keys, does in EDITOR_KEYS)),
        _REMAPPING,
    ]
    for heading, screen in SCREENS:
        parts += [f"## {heading}\n", screen_table(screen.BINDINGS)]
    return "\n".join(parts)


if __name__ == "__main__":
    print(render(), end="")
