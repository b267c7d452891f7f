"""A segment's whole edit log: every revision and review, oldest first."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from workbench.review.history import HistoryEntry
from workbench.tui.review.view import history_table


class HistoryScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,h,q", "app.pop_screen", "Close", id="history_close"),
    ]

    def __init__(self, position: int, document_id: int, entries: list[HistoryEntry]) -> None:
        super().__init__(classes="dialog-screen")
        self.title_text = f"History of segment {position} (document {document_id})"
        self.entries = entries

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog help", id="history"):
            yield Label(self.title_text, classes="dialog-title")
            yield Static(history_table(self.entries), id="history-table")
            hint = "Deleted words struck through (red), inserted underlined (green). Escape closes."
            yield Static(Text(hint, style="dim"))
