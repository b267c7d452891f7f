"""Someone saved the segment after it was opened: show both texts and let the user choose."""

from __future__ import annotations

from enum import StrEnum
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static


class Choice(StrEnum):
    KEEP_MINE = "mine"  # save my text over theirs, knowingly (against their version)
    TAKE_THEIRS = "theirs"  # drop my text, load theirs
    COPY_BOTH = "both"  # put both texts in the editor to merge by hand; nothing saved yet


class ConflictScreen(ModalScreen[Choice]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("k", "choose('mine')", "Keep mine"),
        Binding("t", "choose('theirs')", "Take theirs"),
        Binding("b", "choose('both')", "Both to merge"),
    ]

    def __init__(
        self, position: int, mine: str, theirs: str | None, saved_by: str | None, version: int
    ) -> None:
        super().__init__(classes="dialog-screen")
        self.position = position
        self.mine = mine
        self.theirs = theirs or ""
        self.saved_by = saved_by or "someone"
        self.version = version

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog conflict"):
            yield Label(
                f"Segment {self.position} was saved by {self.saved_by} (now version "
                f"{self.version}) while you were editing it. Nothing has been overwritten.",
                classes="dialog-title",
            )
            with Horizontal(classes="conflict-texts"):
                with Vertical():
                    yield Label("Your text", classes="conflict-heading")
                    yield Static(self.mine or "(empty)", id="conflict-mine")
                with Vertical():
                    yield Label(f"Saved by {self.saved_by}", classes="conflict-heading")
                    yield Static(self.theirs or "(empty)", id="conflict-theirs")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Keep mine [k]", id="mine", variant="warning")
                yield Button("Take theirs [t]", id="theirs", variant="primary")
                yield Button("Both, to merge [b]", id="both")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(Choice(event.button.id or Choice.TAKE_THEIRS))

    def action_choose(self, choice: str) -> None:
        self.dismiss(Choice(choice))
