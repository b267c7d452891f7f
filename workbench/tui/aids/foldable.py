"""A one-block aid under the open segment (checks, memory matches) that a short terminal folds.

On a tall terminal the aid is its own widget; below the compact height the detail pane hides it and
draws its text inside the segment's scrolling texts instead. `shown_text` is what either place
shows, and `Changed` tells the pane to draw the folded copy again.
"""

from __future__ import annotations

from rich.text import Text
from textual.message import Message
from textual.widgets import Static


class FoldableAid(Static):
    class Changed(Message):
        """What it shows changed: a pane that folds it into the texts draws it again."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.display = False
        self.shown_text: Text | None = None  # what it shows; None when there is nothing
        self.folded = False  # drawn inside the segment's texts instead (a short terminal)

    def _set_shown(self, text: Text | None) -> None:
        self.shown_text = text
        if text is not None:
            self.update(text)
        self.display = text is not None and not self.folded
        self.post_message(self.Changed())

    def blank(self) -> None:
        """Another segment opened: what was shown of the last one goes. Shown as its own rows,
        they stay, blank, until the open segment's own arrive (a moment later, `_set_shown`):
        opening a segment then lays out nothing, and rows that come back do not jump."""
        if self.shown_text is None:
            return  # hidden, or its rows blank already: nothing to draw again, nobody to tell
        if self.folded or not self.display:
            self._set_shown(None)
            return
        self.shown_text = None
        self.update("", layout=False)

    def fold(self, folded: bool) -> None:
        self.folded = folded
        self.display = self.shown_text is not None and not folded
