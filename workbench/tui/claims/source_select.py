"""Selecting a span of one side of a segment in logical order: the Arabic source or the saved
English target, for a claim or for a claim's aligned span.

The source pane shows Arabic converted for display (reordered, shaped), where a screen column says
nothing about where a letter is stored. Here the text is a read-only TextArea over the stored
string itself, as the target is edited: the selection (shift+arrows, or the mouse) is in logical
order, so its offsets are those of the stored text whatever the bidi mode. For Arabic the converted
line is shown above for reading.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, TextArea
from textual.widgets.text_area import Selection

from workbench.tui.claims.offsets import offset_location, selection_offsets
from workbench.tui.common.word_select import WordSelectTextArea
from workbench.tui.display.bidi import display_lines


class SourceSelectScreen(ModalScreen[tuple[int, int] | None]):
    """Returns the selected [start, end) of `text`, or None (Escape).

    `side` is the side `text` belongs to ("ar": the source, "en": the saved target); `aligned`
    says the span chosen is a claim's aligned span rather than the claim itself; `initial`
    selects a span already chosen."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="source_select_cancel"),
        Binding(
            "enter,ctrl+g", "choose", "Choose selection", id="source_select_choose", priority=True
        ),
    ]

    def __init__(
        self,
        position: int,
        text: str,
        *,
        bidi: bool,
        side: str = "ar",
        aligned: bool = False,
        initial: tuple[int, int] | None = None,
    ) -> None:
        super().__init__(classes="dialog-screen")
        self.position = position
        self.text = text
        self.bidi = bidi
        self.side = side
        self.aligned = aligned
        self.initial = initial

    def _title(self) -> str:
        if not self.aligned:
            return f"Segment {self.position}: select the claim"
        words = "Arabic source" if self.side == "ar" else "saved English target"
        return f"Segment {self.position}: select the aligned words in the {words}"

    def _hint(self) -> str:
        stored = "Logical order, as stored." if self.side == "ar" else "The saved target."
        verb = "chooses" if self.aligned else "tags"
        return (
            f"{stored} shift+arrows, the mouse, f5 (a word; again: the next) or f6 (line) select · "
            f"Enter {verb} · Escape cancels"
        )

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog source-select"):
            yield Label(self._title(), classes="dialog-title")
            if self.bidi and self.side == "ar":
                yield Label(self._display(), classes="source-display")
            yield WordSelectTextArea(
                self.text,
                read_only=True,
                soft_wrap=True,
                show_line_numbers=False,
                id="source-logical",
            )
            yield Label(self._hint(), classes="dialog-hint")

    def _display(self) -> str:
        """The source as the source pane shows it: levels resolved on the whole sentence, wrapped,
        each line reordered, right-aligned."""
        width = max(int(self.app.size.width * 0.9) - 10, 20)
        lines = display_lines(self.text, width, True)
        return "\n".join(" " * max(width - cell_len(line), 0) + line for line in lines)

    @property
    def area(self) -> TextArea:
        return self.query_one("#source-logical", TextArea)

    def on_mount(self) -> None:
        if self.initial is not None:
            start, end = (offset_location(self.text, offset) for offset in self.initial)
            self.area.selection = Selection(start, end)
        self.area.focus()

    def action_choose(self) -> None:
        selection = self.area.selection
        start, end = selection_offsets(self.text, selection.start, selection.end)
        if start == end:
            self.notify("Select some words first (shift+arrows or the mouse).")
            return
        self.dismiss((start, end))

    def action_cancel(self) -> None:
        self.dismiss(None)
