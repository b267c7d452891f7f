"""F1: every key (as remapped by the user), the status symbols and the bidi modes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from rich.markup import escape
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from workbench.tui.editor.segment_list import STATUS_GLYPHS
from workbench.tui.keys.keymap import EDITOR_KEYS, MAIN_ACTIONS, effective_keys

BIDI_HELP = (
    'Arabic display (F3 cycles auto → on → off; --bidi flag; bidi = "…" in the config file):\n'
    "  on   the workbench shapes and reorders Arabic itself: kitty, Alacritty, xterm, "
    "Windows Terminal, tmux, screen.\n"
    "  off  the terminal reorders by itself: GNOME Terminal and other VTE terminals, Konsole "
    "(bidi option), mlterm, Apple Terminal, WezTerm (bidi option), iTerm2 3.5.11+.\n"
    "  auto picks from the environment (TMUX, VTE_VERSION, KONSOLE_VERSION, TERM_PROGRAM …).\n"
    "Editing always happens in logical order; only the display is converted."
)


def key_rows(keymap: Mapping[str, str]) -> list[tuple[str, str, str]]:
    """(keys, what they do, binding id) for every key, as the user's keymap has them."""
    keys = effective_keys(keymap)
    rows = [(keys[action.id], action.help, action.id) for action in MAIN_ACTIONS]
    return rows + [(key, does, "") for key, does in EDITOR_KEYS]


def _keys_table(rows: list[tuple[str, str, str]]) -> Table:
    table = Table(title="Keys", title_justify="left", expand=True, show_edge=False)
    table.add_column("key", style="bold", no_wrap=True)
    table.add_column("does")
    # Rich markup would take "[keymap]" for a style tag and drop it: escaped, it shows as typed.
    table.add_column(escape("id (for [keymap])"), style="dim")
    for row in rows:
        table.add_row(*row)
    return table


def _legend() -> Text:
    text = Text("Status: ")
    for status, (glyph, style) in STATUS_GLYPHS.items():
        text.append(glyph, style=style)
        text.append(f" {status}  ")
    return text


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,q", "app.pop_screen", "Close help"),
    ]

    def __init__(
        self,
        keymap: Mapping[str, str],
        missing_model: str | None = None,
        models: str | None = None,
    ) -> None:
        super().__init__(classes="dialog-screen")
        self.key_rows = key_rows(keymap)
        self.missing_model = missing_model
        self.models = models  # the installed models, when there are some

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog help"):
            if self.missing_model:
                yield Static(Text(f"Machine translation is off: {self.missing_model}\n"))
            if self.models:
                yield Static(Text(f"{self.models}\n"))
            yield Static(_keys_table(self.key_rows))
            yield Static(_legend())
            yield Static(BIDI_HELP)
            yield Static(Text("Escape closes this help.", style="dim"))
