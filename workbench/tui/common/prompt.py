"""A one-line question in a dialog: go to segment N, search for a text."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.validation import Integer
from textual.widgets import Input, Label


class PromptScreen(ModalScreen[str | None]):
    """Returns the text entered (Enter), or None (Escape)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, *, placeholder: str = "", value: str = "") -> None:
        super().__init__(classes="dialog-screen")
        self.title_text = title
        self.placeholder = placeholder
        self.value = value

    def make_input(self) -> Input:
        return Input(self.value, placeholder=self.placeholder, id="prompt-input")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            # Titles quote what people typed (a search term): shown as text, never as markup.
            yield Label(self.title_text, classes="dialog-title", markup=False)
            yield self.make_input()
            yield Label("Enter to accept · Escape to cancel", classes="dialog-hint")

    def ask(self, title: str) -> None:
        """Kept by the app and shown again: a new question, the answer field empty."""
        self.title_text, self.value = title, ""
        if self.is_mounted:
            self.query_one(".dialog-title", Label).update(title)
            self.query_one("#prompt-input", Input).value = ""

    def on_screen_resume(self) -> None:
        self.query_one("#prompt-input", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.validation_result is not None and not event.validation_result.is_valid:
            self.notify("; ".join(event.validation_result.failure_descriptions), severity="error")
            return
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class GoToScreen(PromptScreen):
    """Asks for a segment number between 1 and `last`."""

    def __init__(self, last: int) -> None:
        super().__init__(self.title_for(last), placeholder="number")
        self.last = last

    @staticmethod
    def title_for(last: int) -> str:
        return f"Go to segment (1–{last})"

    def ask_up_to(self, last: int) -> None:
        self.last = last
        self.ask(self.title_for(last))
        if self.is_mounted:
            self.query_one("#prompt-input", Input).validators = [Integer(minimum=1, maximum=last)]

    def make_input(self) -> Input:
        return Input(
            placeholder=self.placeholder,
            id="prompt-input",
            type="integer",
            validators=[Integer(minimum=1, maximum=self.last)],
            validate_on=["submitted"],
        )
