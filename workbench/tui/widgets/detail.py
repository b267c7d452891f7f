"""The open segment: Arabic source, the MT suggestion with its alternatives, the English target.

The source is drawn read-only (wrapped in logical order, then each line converted for display);
the target is edited in a TextArea in logical order, so cursor positions stay right.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Label, Static, TextArea

from workbench.store.queries import SegmentRow
from workbench.tui.bidi import display_line


class RtlParagraph:
    """A Rich renderable: right-aligned Arabic, wrapped in logical order at the width it gets."""

    def __init__(self, text: str, bidi: bool, style: Style | None = None) -> None:
        self.text = text
        self.bidi = bidi
        self.style = style or Style()

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        width = options.max_width
        for line in Text(self.text).wrap(console, width):
            visual = display_line(line.plain.strip(), self.bidi)
            yield Segment(" " * max(width - cell_len(visual), 0))
            yield Segment(visual, self.style)
            yield Segment.line()


class TargetEditor(TextArea):
    """The English target. Tells the screen about every key that reaches it (keystroke count)."""

    class Typed(Message):
        pass

    async def _on_key(self, event: events.Key) -> None:
        self.post_message(self.Typed())
        await super()._on_key(event)


def _heading(row: SegmentRow, last_position: int) -> str:
    who = f" · saved by {row.updated_by}" if row.updated_by else ""
    repeat = " · repeated paragraph" if row.is_repeat else ""
    return f"Segment {row.position} of {last_position} · {row.status} · v{row.version}{who}{repeat}"


class DetailPane(Vertical):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.bidi = True
        self._source = ""
        self._mt: tuple[str | None, str, str | None] = (None, "", None)
        self.alternatives: list[str] = []

    def compose(self) -> ComposeResult:
        yield Label("No segment", id="segment-heading")
        yield Static("", id="source")
        yield Static("", id="mt")
        yield TargetEditor(
            "", id="target", soft_wrap=True, tab_behavior="focus", show_line_numbers=False
        )

    @property
    def editor(self) -> TargetEditor:
        return self.query_one(TargetEditor)

    def show_segment(self, row: SegmentRow, last_position: int) -> None:
        self.query_one("#segment-heading", Label).update(_heading(row, last_position))
        self._source = row.source
        self._draw_source()

    def set_bidi(self, enabled: bool) -> None:
        self.bidi = enabled
        self._draw_source()

    def _draw_source(self) -> None:
        self.query_one("#source", Static).update(RtlParagraph(self._source, self.bidi))

    def show_mt(self, mt: str | None, label: str, note: str | None = None) -> None:
        """The suggestion, where it came from (or why there is none)."""
        self._mt = (mt, label, note)
        self._draw_mt()

    def set_alternatives(self, alternatives: Sequence[str]) -> None:
        self.alternatives = list(alternatives)
        self._draw_mt()

    def _draw_mt(self) -> None:
        mt, label, note = self._mt
        text = Text()
        text.append(f"MT · {label}\n", style="bold")
        if mt:
            text.append(mt)
        else:
            text.append(note or "No machine translation for this segment yet.", style="italic")
        for number, alternative in enumerate(self.alternatives, start=1):
            text.append(f"\nalt+{number} ", style="bold")
            text.append(alternative)
        self.query_one("#mt", Static).update(text)

    def set_target(self, text: str, *, undoable: bool) -> None:
        """Replace the target text; undoable replacements can be taken back with ctrl+z."""
        editor = self.editor
        if undoable:
            editor.replace(text, editor.document.start, editor.document.end)
        else:
            editor.load_text(text)
        editor.move_cursor(editor.document.end)
