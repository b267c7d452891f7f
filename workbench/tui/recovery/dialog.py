"""Text a stopped workbench could not save: restore it into the editor, or discard it."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from workbench.tui.recovery.journal import JournalEntry


class RecoveryScreen(ModalScreen[bool]):
    """Returns True to restore the text, False to discard it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "choose(True)", "Restore"),
        Binding("d", "choose(False)", "Discard"),
    ]

    def __init__(self, entry: JournalEntry, newer: str | None) -> None:
        super().__init__(classes="dialog-screen")
        self.entry = entry
        self.newer = newer  # who saved the segment since the text was typed, if anyone

    def compose(self) -> ComposeResult:
        entry = self.entry
        when = entry.written_at[:19].replace("T", " ")
        with Vertical(classes="dialog recovery"):
            yield Label(
                f"Unsaved text found: segment {entry.position} of document {entry.document_id}, "
                f"typed by {entry.user} (kept at {when} UTC) in a workbench that stopped.",
                classes="dialog-title",
                markup=False,  # names and text are the user's, not markup
            )
            yield Static(entry.text or "(empty)", id="recovery-text", markup=False)
            if self.newer:
                yield Label(
                    f"The segment was saved by {self.newer} since: restoring puts this text in "
                    "the editor, and saving it shows both texts to choose from.",
                    classes="dialog-hint",
                    markup=False,
                )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Restore into the editor [r]", id="restore", variant="primary")
                yield Button("Discard [d]", id="discard", variant="error")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "restore")

    def action_choose(self, restore: bool) -> None:
        self.dismiss(restore)
