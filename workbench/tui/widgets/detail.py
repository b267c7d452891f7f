"""The open segment: Arabic source, the MT suggestion with its alternatives, the English target.

The texts are drawn read-only (SegmentTexts); the target is edited in a TextArea in logical
order, so cursor positions stay right whatever the display does with Arabic.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message

from workbench.store.queries import SegmentRow
from workbench.text.inert import inert
from workbench.tui.claim_offsets import Span, follow_spans, line_ranges
from workbench.tui.keymap import ALT_DIGIT_KEYS
from workbench.tui.widgets.foldable import FoldableAid
from workbench.tui.widgets.qa_badges import QaBadges
from workbench.tui.widgets.segment_texts import SegmentTexts, Shown
from workbench.tui.widgets.tm_matches import TmMatches
from workbench.tui.widgets.word_select import WordSelectTextArea
from workbench.tui.word_marks import MarkedSpan


class TargetEditor(WordSelectTextArea):
    """The English target. Tells the screen about every key that reaches it (keystroke count),
    and marks the claimed spans of the saved target, following their words while it is typed."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"target-editor--claim"}

    class Typed(Message):
        pass

    _saved = ""
    _spans: tuple[Span, ...] = ()
    _ranges: tuple[str, dict[int, list[Span]]] | None = None  # for the text as last drawn

    def show_claims(self, saved: str, spans: Sequence[Span]) -> None:
        """Mark `spans` (offsets of the saved target `saved`) in the text being edited."""
        if (saved, tuple(spans)) == (self._saved, self._spans):
            return
        self._saved, self._spans, self._ranges = saved, tuple(spans), None
        self.notify_style_update()  # drops the TextArea's cache of drawn lines
        self.refresh()

    def _claim_ranges(self) -> dict[int, list[Span]]:
        text = self.text
        if self._ranges is None or self._ranges[0] != text:
            spans = follow_spans(self._saved, text, self._spans) if self._spans else []
            self._ranges = (text, line_ranges(text, spans))
        return self._ranges[1]

    def get_line(self, line_index: int) -> Text:
        """A line as drawn: TextArea's documented hook for styling its content."""
        line = super().get_line(line_index)
        # Control characters drawn as symbols, never obeyed; one for one, so spans still fit.
        line.plain = inert(line.plain)
        ranges = self._claim_ranges().get(line_index) if self._spans else None
        if ranges:
            style = self.get_component_rich_style("target-editor--claim", partial=True)
            for start, end, _ in ranges:
                line.stylize(style, start, end)
        return line

    async def _on_key(self, event: events.Key) -> None:
        self.post_message(self.Typed())
        await super()._on_key(event)

    def check_consume_key(self, key: str, character: str | None = None) -> bool:
        """Alt+digit reaches the app as a character (¶ for alt+7): a key binding, not text."""
        return key not in ALT_DIGIT_KEYS and super().check_consume_key(key, character)


# What the last change of a segment with this status was: a reviewer's decision is not a save.
_LAST_CHANGE = {"rejected": "rejected by", "approved": "approved by"}


def _heading(row: SegmentRow, last_position: int) -> str:
    verb = _LAST_CHANGE.get(row.status, "saved by")
    who = f" · {verb} {row.updated_by}" if row.updated_by else ""
    repeat = " · repeated paragraph" if row.is_repeat else ""
    return f"Segment {row.position} of {last_position} · {row.status} · v{row.version}{who}{repeat}"


class DetailPane(Vertical):
    """The open segment's texts above the editor for its target."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.alternatives: list[str] = []
        self.compact = False  # a short terminal: checks and matches folded into the texts

    def set_compact(self, compact: bool) -> None:
        """On a short terminal the Arabic, the MT and the target must show together: the checks
        and the memory matches move below the texts, reached by scrolling them."""
        self.compact = compact
        self.set_class(compact, "-compact")
        self.qa.fold(compact)
        self.tm.fold(compact)
        self._fold()

    def _fold(self) -> None:
        shown = (self.qa.shown_text, self.tm.shown_text) if self.compact else ()
        self.texts.set_folded(tuple(text for text in shown if text is not None))

    @on(FoldableAid.Changed)
    def aids_changed(self, event: Message) -> None:
        event.stop()
        if self.compact:
            self._fold()

    def scroll_texts(self, pages: int) -> None:
        texts = self.texts
        texts.scroll_relative(
            y=pages * max(texts.scrollable_content_region.height - 1, 1), animate=False
        )

    def compose(self) -> ComposeResult:
        yield SegmentTexts(id="texts")
        yield QaBadges(id="qa")
        yield TmMatches(id="tm")
        # No cursor-line band: a target is a paragraph wrapped over rows, and the band would hide
        # the claimed words' highlight on the very line being typed.
        yield TargetEditor(
            "",
            id="target",
            soft_wrap=True,
            tab_behavior="focus",
            show_line_numbers=False,
            highlight_cursor_line=False,
        )

    @property
    def editor(self) -> TargetEditor:
        return self.query_one(TargetEditor)

    @property
    def texts(self) -> SegmentTexts:
        return self.query_one(SegmentTexts)

    def show_segment(
        self,
        row: SegmentRow,
        last_position: int,
        mt_label: str,
        note: str | None = None,
        alternatives: Sequence[str] = (),
        *,
        returned: str | None = None,
        claim_notes: tuple[str, ...] = (),
        source_marks: tuple[MarkedSpan, ...] = (),
        source_note: str | None = None,
    ) -> None:
        self.alternatives = list(alternatives)
        heading = _heading(row, last_position)
        self.texts.show(
            Shown(
                heading,
                row.source,
                mt_label,
                row.mt,
                note,
                self.alternatives,
                returned,
                claim_notes,
                source_marks,
                source_note,
            )
        )

    @property
    def qa(self) -> QaBadges:
        return self.query_one(QaBadges)

    @property
    def tm(self) -> TmMatches:
        return self.query_one(TmMatches)

    def show_message(self, message: str) -> None:
        self.alternatives = []
        self.qa.show_issues([], bidi=False)
        self.tm.show_matches([], [], bidi=False)
        self.texts.show(Shown(note=message))

    def set_bidi(self, enabled: bool) -> None:
        self.texts.set_bidi(enabled)

    def set_alternatives(self, alternatives: Sequence[str]) -> None:
        self.alternatives = list(alternatives)
        shown = self.texts.shown
        self.texts.show(dataclasses.replace(shown, alternatives=self.alternatives))

    def set_target(self, text: str, *, undoable: bool) -> None:
        """Replace the target text; undoable replacements can be taken back with ctrl+z."""
        editor = self.editor
        if undoable:
            editor.replace(text, editor.document.start, editor.document.end)
        else:
            editor.load_text(text)
        editor.move_cursor(editor.document.end)
