"""The claim form: every claim field the CLI sets, and the aligned span on the other side.

Used to tag a new claim and to edit one. The claim's own quote is shown, not edited (it comes from
the selection). The aligned span is chosen in a logical-order view of the other side's stored
text (SourceSelectScreen), never on the converted display. The form does not write: `submit`
does, and returns an error message to show under the fields (the service's own words), or None
when the form may close. An edit sends the aligned span only when the person changed it, so a
span that needs attention is never silently re-quoted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar, cast

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, TextArea

from workbench.services.claim_fields import ClaimFields
from workbench.store.claim_labels import label
from workbench.store.claim_queries import ClaimView
from workbench.tui.claims.form_values import (
    ENUMS,
    FIELDS,
    MT_CHOICES,
    PLACEHOLDERS,
    Kind,
    initial_value,
    links_of,
    links_text,
    mt_choice,
    mt_value,
    other_side_name,
)
from workbench.tui.claims.source_select import SourceSelectScreen
from workbench.tui.common.kept_styles import KeptStylesScreen
from workbench.tui.common.shelf import ScreenShelf
from workbench.tui.display.bidi import Base, display_line

Submit = Callable[[ClaimFields], "str | None"]
Span = tuple[int, int]


@dataclass(frozen=True)
class ClaimFormRequest:
    """What the form is opened for: one claim to tag (`claim` None) or to edit."""

    title: str
    quote: str
    submit: Submit
    bidi: bool
    side: str
    position: int
    other: str | None  # the other side's stored text, for the aligned span
    claim: ClaimView | None = None


class ClaimFormScreen(ModalScreen[bool], KeptStylesScreen):
    """Returns True when `submit` accepted the fields, False on Escape.

    `side` is the claim's side; `other` the stored text of the other side (the aligned span's
    text), None when there is none yet (no saved English target)."""

    # The first field, focused as the form is first shown: each change of focus restyles the
    # whole form (:focus-within), and Textual's default would first focus the scrolling body.
    AUTO_FOCUS = "#claim_type"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="claim_form_cancel"),
        Binding("ctrl+s", "save", "Save", id="claim_form_save", priority=True),
        Binding("ctrl+l", "choose_aligned", "Aligned span", id="claim_form_aligned", priority=True),
    ]

    def __init__(self, request: ClaimFormRequest) -> None:
        super().__init__(classes="dialog-screen")
        self._marked: Label | None = None  # the name of the focused field, drawn reversed
        self.reset(request)

    def _set_claim(self, claim: ClaimView | None) -> None:
        self.claim = claim
        self.aligned: Span | None = None
        self.aligned_words: str | None = None
        self.aligned_changed = False
        if claim is not None and claim.aligned_start is not None and claim.aligned_end is not None:
            self.aligned = (claim.aligned_start, claim.aligned_end)
            self.aligned_words = claim.aligned_quote
        self._fresh = True  # the first field takes the focus when the form is next shown

    def reset(self, request: ClaimFormRequest) -> None:
        """The form for another claim, as a newly built one would show it."""
        self.title_text = request.title
        self.quote = request.quote
        self.submit = request.submit
        self.bidi = request.bidi
        self.side = request.side
        self.position = request.position
        self.other = request.other
        self._set_claim(request.claim)
        if self.is_mounted:
            self._fill()

    # --- layout --------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog claim-form"):
            # Texts from the document and the service: shown as they are, never as markup.
            yield Label(self.title_text, classes="dialog-title", id="claim-title", markup=False)
            yield Label(self._quote_display(), id="claim-quote", markup=False)
            for name, title, kind in FIELDS:
                # A row of one line says so (app.tcss): an auto-height row is measured by laying
                # its field out, at every layout of the form.
                with Horizontal(classes="claim-row" if kind == "links" else "claim-row -one-line"):
                    yield Label(title, classes="claim-field")
                    yield self._field(name, kind)
                if name == "mt_distorted":
                    yield from self._aligned_row()
            yield Label(
                "Tab moves between fields · ctrl+l chooses the aligned span · ctrl+s saves",
                classes="dialog-hint",
            )
            yield Label("", id="claim-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="claim-save")
                yield Button("Cancel (Esc)", id="claim-cancel")

    def _quote_display(self) -> str:
        base: Base = "R" if self.side == "ar" else "L"
        return f"«{display_line(self.quote, self.bidi, base)}»"

    def _field(self, name: str, kind: Kind) -> Widget:
        initial = initial_value(self.claim, name)
        if kind == "select":
            options = [(label(member.value), member.value) for member in ENUMS[name]]
            return Select(
                options,
                value=initial if initial is not None else Select.NULL,
                allow_blank=name != "status",
                compact=True,
                id=name,
            )
        if kind == "mt":
            mt = mt_choice(self.claim.mt_distorted if self.claim is not None else None)
            return Select(MT_CHOICES, value=mt, allow_blank=False, compact=True, id=name)
        if kind == "links":
            links = links_text(self.claim.evidence_links) if self.claim is not None else ""
            return TextArea(
                links,
                soft_wrap=True,
                show_line_numbers=False,
                compact=True,
                placeholder=PLACEHOLDERS[name],
                id=name,
            )
        return Input(initial or "", placeholder=PLACEHOLDERS.get(name, ""), compact=True, id=name)

    def _aligned_row(self) -> ComposeResult:
        with Horizontal(classes="claim-row"):
            yield Label(
                f"Aligned {other_side_name(self.side)}",
                classes="claim-field",
                id="claim-aligned-name",
            )
            with Vertical(classes="claim-aligned"):
                yield Label(self._aligned_display(), id="claim-aligned", markup=False)
                with Horizontal(classes="claim-aligned-buttons"):
                    yield Button(
                        "Choose aligned span… (ctrl+l)",
                        compact=True,
                        disabled=self.other is None,
                        id="claim-aligned-choose",
                    )
                    yield Button("Clear", compact=True, id="claim-aligned-clear")

    def _aligned_display(self) -> str:
        if self.aligned_words:
            base: Base = "L" if self.side == "ar" else "R"
            return f"«{display_line(self.aligned_words, self.bidi, base)}»"
        if self.other is None:
            return "none: the segment has no saved English target yet"
        return "none"

    def _fill(self) -> None:
        """Every widget set from the claim (or the defaults), as `compose` builds them."""
        self._show("claim-title", self.title_text)
        self._show("claim-quote", self._quote_display())
        for name, _, kind in FIELDS:
            if kind == "select":
                initial = initial_value(self.claim, name)
                select = self.query_one(f"#{name}", Select)
                select.expanded = False
                select.value = initial if initial is not None else Select.NULL
            elif kind == "mt":
                mt = mt_choice(self.claim.mt_distorted if self.claim is not None else None)
                self.query_one(f"#{name}", Select).value = mt
            elif kind == "links":
                links = links_text(self.claim.evidence_links) if self.claim is not None else ""
                self.query_one(f"#{name}", TextArea).load_text(links)  # the undo history too
            else:
                field = self.query_one(f"#{name}", Input)
                field.value = initial_value(self.claim, name) or ""
                field.cursor_position = len(field.value)
        # The form reused for a claim on the other side: the aligned span is on this one's.
        self._show("claim-aligned-name", f"Aligned {other_side_name(self.side)}")
        self._show("claim-aligned", self._aligned_display())
        self.query_one("#claim-aligned-choose", Button).disabled = self.other is None
        self.show_error("")

    def on_screen_resume(self) -> None:
        # Back from choosing the aligned span, the focus stays where it was.
        if self._fresh:
            self._fresh = False
            self.query_one(VerticalScroll).scroll_home(animate=False, immediate=True)
            # Focused now, not after the next frame (Widget.focus): one frame drawn, not two.
            self.set_focus(self.query_one("#claim_type", Select))

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Mark the name of the focused field: it is drawn reversed (app.tcss).

        Only the two names that change are restyled: marking the whole row restyled the field in
        it too (a Select is six nodes), and finding the row by querying every row's nodes cost
        as much again, at each Tab."""
        row = next(
            (node for node in event.widget.ancestors_with_self if node.has_class("claim-row")),
            None,
        )
        name = None if row is None else row.query_children(".claim-field").first(Label)
        if name is not self._marked:
            if self._marked is not None:
                self._marked.remove_class("-focused")
            if name is not None:
                name.add_class("-focused")
            self._marked = name

    # --- the aligned span ----------------------------------------------------------------------

    def action_choose_aligned(self) -> None:
        if self.other is None:
            self.notify("Save an English target for this segment first, then choose in it.")
            return
        other = self.other
        select = SourceSelectScreen(
            self.position,
            other,
            bidi=self.bidi,
            side="en" if self.side == "ar" else "ar",
            aligned=True,
            initial=self.aligned,
        )

        def chosen(span: Span | None) -> None:
            if span is not None:
                self.set_aligned(span, other[span[0] : span[1]])

        self.app.push_screen(select, chosen)

    def set_aligned(self, span: Span | None, words: str | None) -> None:
        self.aligned, self.aligned_words = span, words
        self.aligned_changed = True
        self._show("claim-aligned", self._aligned_display())

    # --- values --------------------------------------------------------------------------------

    def fields(self) -> ClaimFields:
        values: dict[str, object] = {}
        for name, _, kind in FIELDS:
            if kind == "input":
                values[name] = self.query_one(f"#{name}", Input).value
            elif kind == "links":
                values[name] = links_of(self.query_one(f"#{name}", TextArea).text)
            else:
                value = self.query_one(f"#{name}", Select).value
                values[name] = mt_value(value) if kind == "mt" else _choice(value)
        if self.aligned_changed:
            values["aligned_start"], values["aligned_end"] = self.aligned or (None, None)
        return cast(ClaimFields, values)

    def show_error(self, message: str) -> None:
        self._show("claim-error", message)

    def _show(self, label_id: str, text: str) -> None:
        """Set a label's text. Laying the form out again is most of the cost of refilling it:
        these labels fill their width (app.tcss), so only a text that wraps (or did) can change
        their size; a text that stays on one line is only drawn again."""
        label = self.query_one(f"#{label_id}", Label)
        before = label.content
        if before == text:
            return
        width = label.content_region.width
        one_line = all(
            isinstance(shown, str) and "\n" not in shown and cell_len(shown) <= width
            for shown in (before, text)
        )
        label.update(text, layout=not one_line)

    def action_save(self) -> None:
        error = self.submit(self.fields())
        if error is None:
            self.dismiss(True)
        else:
            self.show_error(error)
            self.query_one("#claim-error").scroll_visible()

    def action_cancel(self) -> None:
        self.dismiss(False)

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "claim-save":
            self.action_save()
        elif event.button.id == "claim-aligned-choose":
            self.action_choose_aligned()
        elif event.button.id == "claim-aligned-clear":
            self.set_aligned(None, None)
        else:
            self.action_cancel()


def shelved_form(shelf: ScreenShelf, request: ClaimFormRequest) -> ClaimFormScreen:
    """The app's one claim form, filled for this claim; a new one if that one is in use."""
    form = shelf.get("claim form", ClaimFormScreen, lambda: ClaimFormScreen(request))
    if form in shelf.app.screen_stack:  # shown already (never, as the screens go): not shared
        return ClaimFormScreen(request)
    form.reset(request)
    return form


def _choice(value: object) -> str | None:
    return value if isinstance(value, str) else None
