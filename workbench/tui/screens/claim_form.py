"""The claim form: type, check-worthiness, the claim in English, claimant, verdict, notes, status.

Used to tag a new claim and to edit one. The quote is shown, not edited (it comes from the text).
The form does not write: `submit` does, and returns an error message to show under the fields
(the service's own words), or None when the form may close.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select

from workbench.services.claim_fields import ClaimFields, label
from workbench.store.claim_queries import ClaimView
from workbench.store.models import CheckWorthiness, ClaimStatus, ClaimType, Verdict
from workbench.tui.bidi import display_line

SELECTS: tuple[tuple[str, str, type[StrEnum]], ...] = (
    ("claim_type", "Claim type", ClaimType),
    ("check_worthiness", "Check-worthiness", CheckWorthiness),
    ("verdict", "Verdict", Verdict),
    ("status", "Status", ClaimStatus),
)
INPUTS: tuple[tuple[str, str], ...] = (
    ("claim_text_en", "The claim in English"),
    ("claimant_name", "Claimant"),
    ("claimant_role", "Claimant's role"),
    ("notes", "Notes"),
)

Submit = Callable[[ClaimFields], "str | None"]


class ClaimFormScreen(ModalScreen[bool]):
    """Returns True when `submit` accepted the fields, False on Escape."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="claim_form_cancel"),
        Binding("ctrl+s", "save", "Save", id="claim_form_save", priority=True),
    ]

    def __init__(
        self, title: str, quote: str, submit: Submit, *, bidi: bool, claim: ClaimView | None = None
    ) -> None:
        super().__init__(classes="dialog-screen")
        self.title_text = title
        self.quote = quote
        self.submit = submit
        self.bidi = bidi
        self.claim = claim

    def _initial(self, name: str) -> str | None:
        if self.claim is None:
            return ClaimStatus.DRAFT.value if name == "status" else None
        value = getattr(self.claim, name)
        return value if isinstance(value, str) else None

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog claim-form"):
            yield Label(self.title_text, classes="dialog-title")
            yield Label(f"«{display_line(self.quote, self.bidi)}»", id="claim-quote")
            for name, title, enum in SELECTS:
                options = [(label(member.value), member.value) for member in enum]
                initial = self._initial(name)
                with Horizontal(classes="claim-row"):
                    yield Label(title, classes="claim-field")
                    yield Select(
                        options,
                        value=initial if initial is not None else Select.NULL,
                        allow_blank=name != "status",
                        compact=True,
                        id=name,
                    )
            for name, title in INPUTS:
                with Horizontal(classes="claim-row"):
                    yield Label(title, classes="claim-field")
                    yield Input(self._initial(name) or "", compact=True, id=name)
            yield Label("", id="claim-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="claim-save")
                yield Button("Cancel (Esc)", id="claim-cancel")

    def on_mount(self) -> None:
        self.query_one("#claim_type", Select).focus()

    def fields(self) -> ClaimFields:
        values: dict[str, str | None] = {}
        for name, _, _ in SELECTS:
            value = self.query_one(f"#{name}", Select).value
            values[name] = value if isinstance(value, str) else None
        for name, _ in INPUTS:
            values[name] = self.query_one(f"#{name}", Input).value
        return cast(ClaimFields, values)

    def show_error(self, message: str) -> None:
        self.query_one("#claim-error", Label).update(message)

    def action_save(self) -> None:
        error = self.submit(self.fields())
        if error is None:
            self.dismiss(True)
        else:
            self.show_error(error)

    def action_cancel(self) -> None:
        self.dismiss(False)

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "claim-save":
            self.action_save()
        else:
            self.action_cancel()
