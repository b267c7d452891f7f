"""The read-only texts of the open segment: heading, Arabic source, MT and its alternatives.

One Line-API widget of fixed size: moving to another segment rebuilds a dozen lines and repaints
this widget only; nothing else on the screen is laid out again. Long texts scroll inside it.
Arabic is wrapped in logical order first, then each line is converted for display, so a
sentence that takes three lines reads from the top line down.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from workbench.tui.display.bidi import display_lines, line_spans
from workbench.tui.display.word_marks import MarkedSpan, display_marked_lines


def wrap_words(text: str, width: int) -> Iterator[str]:
    """`text` wrapped as the pane wraps it (`bidi.line_spans`), each line in logical order."""
    flat = " ".join(text.split())
    for start, end in line_spans(flat, width):
        yield flat[start:end]


@dataclass
class Shown:
    """Everything the widget draws; compared so that an unchanged segment is not redrawn."""

    heading: str = ""
    source: str = ""
    mt_label: str = ""
    mt: str | None = None
    note: str | None = None
    alternatives: list[str] = field(default_factory=list)
    returned: str | None = None  # a reviewer's rejection comment, for the editor to act on
    claim_notes: tuple[str, ...] = ()  # lines about the claims, under the source
    source_marks: tuple[MarkedSpan, ...] = ()  # spans of the source to mark: "term", "claim"
    source_note: str | None = None  # a line under the source (the glossary terms found)
    # Checks and memory matches drawn here, last, when the terminal is too short for their own
    # rows (the detail pane's compact layout); reached by scrolling.
    folded: tuple[Text, ...] = ()


class SegmentTexts(ScrollView, can_focus=False):
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "segment-texts--heading",
        "segment-texts--label",
        "segment-texts--mt",
        "segment-texts--note",
        "segment-texts--returned",
        "segment-texts--claim",
        "segment-texts--claim-note",
        "segment-texts--term",
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.shown = Shown()
        self.bidi = True
        self._lines: list[Strip] = []
        self._base = Style()
        self._styles: dict[str, Style] = {}  # by component name, until the styles change

    def show(self, shown: Shown) -> None:
        # The folded checks and matches are the detail pane's to change (set_folded).
        self.shown = dataclasses.replace(shown, folded=self.shown.folded)
        self.scroll_to(y=0, animate=False, immediate=True)
        self._rebuild()

    def set_folded(self, folded: tuple[Text, ...]) -> None:
        """The checks and matches to draw last, leaving the scroll position as it is."""
        if folded != self.shown.folded:
            self.shown = dataclasses.replace(self.shown, folded=folded)
            self._rebuild()

    def set_bidi(self, enabled: bool) -> None:
        self.bidi = enabled
        self._rebuild()

    def on_resize(self, _event: events.Resize) -> None:
        self._rebuild()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._lines = []  # a new theme: every line is drawn again
        self._styles.clear()
        if self.is_mounted:
            self._rebuild()

    def _style(self, name: str) -> Style:
        """The base style plus a component's, computed once per style change (as "base", the
        widget's own): working them out again for every segment opened cost a millisecond."""
        style = self._styles.get(name)
        if style is None:
            style = self.rich_style
            if name != "base":
                style = self._base + self.get_component_rich_style(name, partial=True)
            self._styles[name] = style
        return style

    def _rebuild(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0:
            return
        self._base = base = self._style("base")
        lines = self._content(self.shown, width)
        previous = self._lines
        self._lines = [line.adjust_cell_length(width, base) for line in lines]
        # Texts that fit have one virtual size whatever the visible height (the lines below them
        # are drawn blank): opening another segment that fits, or the pane growing when the
        # checks above the editor go, needs no new layout of the screen, and there is no scrollbar.
        fits = len(self._lines) <= self.scrollable_content_region.height
        virtual = Size(width, 1 if fits else len(self._lines))
        if self.virtual_size != virtual:
            self.virtual_size = virtual
            self.refresh()
            return
        # Repaint only the lines that changed (blank lines below short texts stay as they are).
        top = round(self.scroll_offset.y)
        for y in range(top, top + self.scrollable_content_region.height):
            old = previous[y] if y < len(previous) else None
            new = self._lines[y] if y < len(self._lines) else None
            if old is None and new is None:
                continue
            if old is None or new is None or old.text != new.text or list(old) != list(new):
                self.refresh_line(y)

    def _content(self, shown: Shown, width: int) -> list[Strip]:
        """Heading, Arabic, MT first (what a short terminal must show together), then the rest:
        alternatives, glossary terms, claims, and checks and matches when folded in."""
        lines: list[Strip] = [self._left(shown.heading, width, "segment-texts--heading")]
        if shown.returned:
            lines.extend(self._paragraph(shown.returned, width, "segment-texts--returned"))
        lines.extend(self._source(shown, width))
        if shown.mt_label:
            lines.append(self._left(f"MT · {shown.mt_label}", width, "segment-texts--label"))
        if shown.mt:
            lines.extend(self._paragraph(shown.mt, width, "segment-texts--mt"))
        elif shown.note or shown.mt_label:
            note = shown.note or "No machine translation for this segment yet."
            for part in note.splitlines():
                lines.extend(self._paragraph(part, width, "segment-texts--note"))
        for number, alternative in enumerate(shown.alternatives, start=1):
            lines.extend(self._paragraph(alternative, width, "segment-texts--mt", f"alt+{number} "))
        if shown.source_note:
            lines.extend(self._paragraph(shown.source_note, width, "segment-texts--note"))
        for note in shown.claim_notes:
            lines.extend(self._paragraph(note, width, "segment-texts--claim-note"))
        for text in shown.folded:
            lines.extend(self._rich(text, width))
        return lines

    def _rich(self, text: Text, width: int) -> list[Strip]:
        """A Rich text (badges, matches) wrapped to the width, with its own styles."""
        console = self.app.console
        return [
            Strip(
                [
                    Segment(s.text, self._base + s.style if s.style else self._base)
                    for s in line.render(console)
                ]
            )
            for line in text.wrap(console, width)
        ]

    def _source(self, shown: Shown, width: int) -> list[Strip]:
        """The Arabic, right-aligned, its marked spans (glossary terms, claims) styled; bidi
        levels resolved on the whole sentence, then each wrapped line reordered."""
        out = []
        for runs in display_marked_lines(shown.source, shown.source_marks, width, self.bidi):
            padding = " " * max(width - sum(cell_len(text) for text, _ in runs), 0)
            segments = [Segment(padding, self._base)]
            segments += [Segment(text, self._mark_style(mark)) for text, mark in runs]
            out.append(Strip(segments))
        return out

    def _mark_style(self, mark: str | None) -> Style:
        """The style of a mark: its names' component styles over the base ("claim term")."""
        if mark is None:
            return self._base
        key = f"mark {mark}"
        style = self._styles.get(key)
        if style is None:
            style = self._base
            for name in mark.split(" "):
                style += self.get_component_rich_style(f"segment-texts--{name}", partial=True)
            self._styles[key] = style
        return style

    def _left(self, text: str, width: int, style_name: str) -> Strip:
        return Strip([Segment(set_cell_size(text, width), self._style(style_name))], width)

    def _paragraph(self, text: str, width: int, style_name: str, prefix: str = "") -> list[Strip]:
        style = self._style(style_name)
        label = self._style("segment-texts--label")
        indent = " " * cell_len(prefix)
        out = []
        lines = display_lines(text, max(width - len(indent), 1), self.bidi, "L")
        for number, line in enumerate(lines):
            lead = Segment(prefix if number == 0 else indent, label)
            out.append(Strip([lead, Segment(line, style)]))
        return out

    def render_line(self, y: int) -> Strip:
        index = round(self.scroll_offset.y) + y
        width = self.scrollable_content_region.width
        if 0 <= index < len(self._lines):
            return self._lines[index]
        return Strip.blank(width, self._base)

    @property
    def text_lines(self) -> Sequence[str]:
        """What is drawn, as plain text (for tests and screen readers of logs)."""
        return [line.text for line in self._lines]
