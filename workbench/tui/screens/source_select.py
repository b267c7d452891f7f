"""Selecting a claim in the Arabic source, in logical order.

The source pane shows Arabic converted for display (reordered, shaped), where a screen column says
nothing about where a letter is stored. Here the source is a read-only TextArea over the stored
string itself, as the target is edited: the selection (shift+arrows, or the mouse) is in logical
order, so its offsets are those of the stored text whatever the bidi mode. The converted line is
shown above for reading.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, TextArea

from workbench.tui.bidi import display_line
from workbench.tui.claim_offsets import selection_offsets
from workbench.tui.widgets.segment_texts import wrap_words


class SourceSelectScreen(ModalScreen[tuple[int, int] | None]):
    """Returns the selected [start, end) of `source`, or None (Escape)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="source_select_cancel"),
        Binding(
            "enter,ctrl+g", "choose", "Tag selection", id="source_select_choose", priority=True
        ),
    ]

    def __init__(self, position: int, source: str, *, bidi: bool) -> None:
        super().__init__(classes="dialog-screen")
        self.position = position
        self.source = source
        self.bidi = bidi

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog source-select"):
            yield Label(f"Segment {self.position}: select the claim", classes="dialog-title")
            if self.bidi:
                yield Label(self._display(), classes="source-display")
            yield TextArea(
                self.source,
                read_only=True,
                soft_wrap=True,
                show_line_numbers=False,
                id="source-logical",
            )
            yield Label(
                "Logical order, as stored. shift+arrows, the mouse, f5 (word) or f6 (line) "
                "select · Enter tags · Escape cancels",
                classes="dialog-hint",
            )

    def _display(self) -> str:
        """The source as the source pane shows it: wrapped in logical order, then converted
        line by line, right-aligned."""
        width = max(int(self.app.size.width * 0.9) - 10, 20)
        lines = [display_line(line, True) for line in wrap_words(self.source, width)]
        return "\n".join(" " * max(width - cell_len(line), 0) + line for line in lines)

    @property
    def area(self) -> TextArea:
        return self.query_one("#source-logical", TextArea)

    def on_mount(self) -> None:
        self.area.focus()

    def action_choose(self) -> None:
        selection = self.area.selection
        start, end = selection_offsets(self.source, selection.start, selection.end)
        if start == end:
            self.notify("Select some words first (shift+arrows or the mouse).")
            return
        self.dismiss((start, end))

    def action_cancel(self) -> None:
        self.dismiss(None)
