"""A TextArea in which F5 selects a word, and pressed again adds the next one; Ctrl+Home and
Ctrl+End go to the start and end of the text (with Shift, selecting).

Textual's TextArea has F6 (line) and F7 (all) but no word selection, and a claim is usually a few
words: from the keyboard, F5 F5 F5 selects three. A word is a run of non-space characters without
the punctuation at its ends ("Il-76”" gives "Il-76", "روسيا،" gives "روسيا"); harakat and tatweel
are parts of letters, not punctuation, so they stay in.
"""

from __future__ import annotations

import re
import unicodedata
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import TextArea
from textual.widgets.text_area import Selection

_RUN = re.compile(r"\S+")


def _is_punctuation(char: str) -> bool:
    return unicodedata.category(char).startswith("P")


def word_bounds(line: str, column: int) -> tuple[int, int] | None:
    """[start, end) of the word at `column` of `line`, or else of the next word after it."""
    for run in _RUN.finditer(line):
        first, last = run.span()
        while first < last and _is_punctuation(line[first]):
            first += 1
        while last > first and _is_punctuation(line[last - 1]):
            last -= 1
        if first < last and last > column:
            return first, last
    return None


class WordSelectTextArea(TextArea):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f5", "select_word", "Select word", show=False, id="select_word"),
        # TextArea has no document start / end keys; a long target needs them.
        Binding("ctrl+home", "document_edge(False, False)", show=False, id="document_start"),
        Binding("ctrl+end", "document_edge(True, False)", show=False, id="document_end"),
        Binding("ctrl+shift+home", "document_edge(False, True)", show=False),
        Binding("ctrl+shift+end", "document_edge(True, True)", show=False),
    ]

    def action_document_edge(self, end: bool, select: bool) -> None:
        """The cursor to the start or end of the whole text, selecting on the way if asked."""
        document = self.document
        self.move_cursor(document.end if end else document.start, select=select)

    def action_select_word(self) -> None:
        """Select the word at the cursor; with a selection, extend it over the next word."""
        selection = self.selection
        row, column = selection.end
        bounds = word_bounds(self.document.get_line(row), column)
        if bounds is None:
            return
        start = selection.start if selection.start != selection.end else (row, bounds[0])
        self.selection = Selection(start, (row, bounds[1]))
