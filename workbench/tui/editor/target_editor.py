"""The English target, edited in a TextArea in logical order.

It tells the screen about every key that reaches it (the keystroke count of the revision), and
marks the claimed spans of the saved target, following their words while it is typed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.geometry import Region, Size
from textual.message import Message
from textual.strip import Strip
from textual.widgets import TextArea

from workbench.text.inert import inert
from workbench.tui.claims.offsets import Span, follow_spans, line_ranges
from workbench.tui.common.word_select import WordSelectTextArea
from workbench.tui.keys.key_order import run_own_binding
from workbench.tui.keys.keymap import ALT_DIGIT_KEYS


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
        if not spans and not self._spans:
            self._saved = saved  # no marks before or now: nothing drawn changes
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

    _css_applied_to: object | None = None  # the theme whose CSS fallbacks are worked out

    def notify_style_update(self) -> None:
        super().notify_style_update()  # (which drops TextArea's cache of drawn lines too)
        self._css_applied_to = None

    def render_lines(self, crop: Region) -> list[Strip]:
        """TextArea works its theme's CSS fallbacks out again on every paint: a millisecond
        of each Enter. They change only with the styles (`notify_style_update`, on which
        TextArea's own cache of drawn lines relies too) or another theme: worked out then."""
        theme = self._theme
        if theme is not None and theme is not self._css_applied_to:
            theme.apply_css(self)
            self._css_applied_to = theme
        return super(TextArea, self).render_lines(crop)  # past TextArea's, which would again

    def _refresh_size(self) -> None:
        """TextArea's hook after a rewrap. A wrapped text that fits in the editor keeps one
        virtual size however many lines it has: loading the next segment's target (or a line
        more typed) lays the screen out again only when the text starts or stops scrolling."""
        if not self.soft_wrap:
            super()._refresh_size()
            return
        height = self.wrapped_document.height
        fits = height <= self.scrollable_content_region.height
        self.virtual_size = Size(0, 1 if fits else height)
        self._refresh_scrollbars()

    async def _on_key(self, event: events.Key) -> None:
        self.post_message(self.Typed())
        # Arrows, Home, Backspace... act here, in the order typed, not after the keys behind them.
        if not await run_own_binding(self, event):
            await super()._on_key(event)

    def check_consume_key(self, key: str, character: str | None = None) -> bool:
        """Alt+digit reaches the app as a character (¶ for alt+7): a key binding, not text."""
        return key not in ALT_DIGIT_KEYS and super().check_consume_key(key, character)
