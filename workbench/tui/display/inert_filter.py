"""The last guard between stored text and the terminal: every drawn line passes through here.

Widgets draw stored text through `bidi.display_line` (or the editor's `get_line`), which
already shows control characters as symbols with the right cell widths. Text can also reach
the screen through Textual's own widgets (notifications, labels, inputs): this line filter,
applied by Textual to every line of every widget, makes those inert too, so an ESC from a file
never reaches the terminal as an escape sequence.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

from workbench.text.inert import inert


class InertFilter(LineFilter):
    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        # Segments with `control` are Textual's own cursor moves, not text: left as they are.
        # Nearly every line has nothing to change: then the same list goes back.
        if all(segment.control or inert(segment.text) is segment.text for segment in segments):
            return segments
        return [
            segment if segment.control else Segment(inert(segment.text), segment.style)
            for segment in segments
        ]
