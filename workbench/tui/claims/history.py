"""Two small dialogs of the claims panel: a claim's history, and a yes/no question."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Label

from workbench.store.claim_labels import label
from workbench.store.claim_queries import HistoryEntry

SHOWN_FIELDS = ("quote", "claim_type", "verdict", "status", "claim_text_en", "notes")


def summary(entry: HistoryEntry) -> str:
    """The fields a person looks for first, as they stood after this change."""
    parts = []
    for name in SHOWN_FIELDS:
        value = entry.snapshot.get(name)
        if value:
            parts.append(f"{name.replace('_', ' ')}: {label(str(value))}")
    return " · ".join(parts)


class ClaimHistoryScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,h,q", "close", "Close", id="claim_history_close")
    ]

    def __init__(self, claim_id: int, entries: Sequence[HistoryEntry]) -> None:
        super().__init__(classes="dialog-screen")
        self.claim_id = claim_id
        self.entries = list(entries)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog claims-panel"):
            yield Label(f"History of claim {self.claim_id}", classes="dialog-title")
            table: DataTable[str] = DataTable(cursor_type="row", id="claim-history")
            table.add_columns("v", "Action", "By", "When (UTC)", "After the change")
            for entry in self.entries:
                table.add_row(
                    str(entry.version),
                    entry.action,
                    entry.user or "",
                    f"{entry.at:%Y-%m-%d %H:%M}",
                    summary(entry),
                )
            yield table
            yield Label("Escape closes", classes="dialog-hint")

    def action_close(self) -> None:
        self.dismiss(None)


class ConfirmScreen(ModalScreen[bool]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,n", "answer(False)", "No", id="confirm_no"),
        Binding("y", "answer(True)", "Yes", id="confirm_yes"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__(classes="dialog-screen")
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.question, classes="dialog-title")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Yes (y)", variant="error", id="yes")
                yield Button("No (n)", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")
