"""The segment list: one line per segment, drawn with Textual's Line API.

Only the visible lines are rendered, each at most once while it stays the same: a rendered line is
cached under everything that decides how it looks (the row's content, the width, the bidi mode,
whether the cursor is on it), so a changed row or a new width simply misses the cache. At 50,000
segments this mounts in a few hundredths of a second where a DataTable needs seconds.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from workbench.store.queries import SegmentRow
from workbench.tui.aids.mt_confidence import LOW_MARK, is_low
from workbench.tui.display.bidi import display_head
from workbench.tui.editor.rows import SegmentRows

STATUS_GLYPHS: dict[str, tuple[str, Style]] = {
    "new": ("○", Style(color="bright_black")),
    "draft": ("◐", Style(color="yellow")),
    "translated": ("●", Style(color="green")),
    "reviewed": ("◆", Style(color="cyan")),
    "approved": ("✔", Style(color="bright_green", bold=True)),
    "rejected": ("✘", Style(color="red", bold=True)),
}
SEPARATOR = " │ "
CLAIM_MARK = "⚑"  # in the column after the status glyph: the segment has claims


def fit_logical(text: str, width: int) -> str:
    """The start of `text` (one line, logical order) that fits in `width` cells, with an ellipsis
    at its logical end when cut. Reshaping only ever narrows Arabic, so this is safe to convert."""
    if width < 1:
        return ""
    # Measure only what can show: a few characters more than the width, unless harakat (zero
    # cells) make room for more.
    flat = " ".join(text[: 3 * width + 3].split())
    head = flat[: width + 8]
    if cell_len(head) <= width:
        if len(head) == len(flat) or cell_len(flat) <= width:
            return flat
        head = flat
    return set_cell_size(head, width - 1).rstrip() + "…"


class SegmentList(ScrollView, can_focus=False):
    """Shows the rows of a `SegmentRows`; the screen owns the cursor and tells it where it is."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "segment-list--cursor",
        "segment-list--mt",
        "segment-list--position",
        "segment-list--claim",
        "segment-list--low",
    }
    low_confidence = 0.35  # set from the settings' mt_low_confidence by the screen

    class Clicked(Message):
        """A row was clicked: the screen decides whether it may move there."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: SegmentRows | None = None
        self.cursor = 0
        self.bidi = True
        self._cache: LRUCache[tuple[object, ...], Strip] = LRUCache(1024)
        self._styles: dict[str, Style] = {}
        self.claimed: frozenset[int] = frozenset()  # ids of segments with claims

    # --- what is shown -------------------------------------------------------------------------

    def show(self, rows: SegmentRows, cursor: int = 0) -> None:
        self.rows = rows
        self.cursor = min(cursor, max(len(rows) - 1, 0))
        self.virtual_size = Size(self.size.width, len(rows))
        self._cache.clear()
        self.scroll_to(y=max(self.cursor - self.page_height // 2, 0), animate=False, immediate=True)
        self.refresh()

    def set_bidi(self, enabled: bool) -> None:
        self.bidi = enabled
        self.refresh()

    def set_claimed(self, segment_ids: frozenset[int]) -> None:
        if segment_ids != self.claimed:
            self.claimed = segment_ids
            self.refresh()

    def row_changed(self, index: int) -> None:
        """The row at `index` was saved or translated: read it again and redraw it."""
        if self.rows is not None:
            self.rows.forget(index)
        self.refresh_line(index)

    def row_saved(self, index: int, row: SegmentRow) -> None:
        """The row at `index` was saved and read back as `row`: redraw it from that."""
        if self.rows is not None:
            self.rows.replace(index, row)
        self.refresh_line(index)

    def all_changed(self) -> None:
        if self.rows is not None:
            self.rows.forget()
        self.refresh()

    @property
    def page_height(self) -> int:
        return max(self.scrollable_content_region.height, 1)

    def move_cursor(self, index: int, top: int | None = None) -> None:
        """Move the highlight, scrolling to `top` if given. Otherwise, when the highlight would
        leave the view, scroll by half a screen so the segments around it show (and holding a
        key scrolls now and then, not at every press)."""
        previous, self.cursor = self.cursor, index
        self.refresh_line(previous)
        self.refresh_line(index)
        height, shown_top = self.page_height, round(self.scroll_offset.y)
        if top is None and not shown_top <= index < shown_top + height:
            top = index - height // 2
        if top is not None:
            self.scroll_to(y=max(top, 0), animate=False, immediate=True)

    # --- drawing -------------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        if self.rows is not None:
            self.virtual_size = Size(event.size.width, len(self.rows))

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._cache.clear()

    def _style(self, name: str) -> Style:
        """Component styles (and "base", the widget's own), computed once per style change."""
        style = self._styles.get(name)
        if style is None:
            if name == "base":
                style = self.rich_style
            else:
                style = self.get_component_rich_style(name, partial=True)
            self._styles[name] = style
        return style

    def render_line(self, y: int) -> Strip:
        index = round(self.scroll_offset.y) + y
        width = self.scrollable_content_region.width
        if self.rows is None or index >= len(self.rows):
            return Strip.blank(width, self._style("base"))
        row = self.rows.row(index)
        is_cursor = index == self.cursor
        claimed = row.id in self.claimed
        key = (row, width, self.bidi, is_cursor, claimed)
        strip = self._cache.get(key)
        if strip is None:
            strip = self._render_row(row, width, is_cursor, claimed)
            self._cache[key] = strip
        return strip

    def _render_row(self, row: SegmentRow, width: int, is_cursor: bool, claimed: bool) -> Strip:
        base = self._style("base")
        if is_cursor:
            base = base + self._style("segment-list--cursor")
        number_width = self._number_width
        text_width = max(width - number_width - 3 - len(SEPARATOR), 2)
        arabic_width = text_width // 2
        glyph, glyph_style = STATUS_GLYPHS.get(row.status, ("?", Style()))
        arabic = display_head(fit_logical(row.source, arabic_width), row.source, self.bidi)
        padding = max(arabic_width - cell_len(arabic), 0)
        english_width = max(width - number_width - 3 - arabic_width - len(SEPARATOR), 0)
        low = is_low(row, self.low_confidence)  # the engine was unsure of this MT
        english_width -= 2 if low else 0
        english_text = row.target or row.mt or ""
        english = display_head(
            fit_logical(english_text, english_width), english_text, self.bidi, "L"
        )
        english_style = base if row.target else base + self._style("segment-list--mt")
        position_style = base + self._style("segment-list--position")
        segments = [
            Segment(f"{row.position:>{number_width}} ", position_style),
            Segment(glyph, base + glyph_style),
            *self._arabic_cell(arabic, padding, base, claimed),
            *([Segment(f"{LOW_MARK} ", base + self._style("segment-list--low"))] if low else []),
            Segment(set_cell_size(english, english_width), english_style),
        ]
        used = number_width + 3 + padding + cell_len(arabic) + len(SEPARATOR) + english_width
        used += 2 if low else 0
        return Strip(segments, used).adjust_cell_length(width, base)

    def _arabic_cell(self, arabic: str, padding: int, base: Style, claimed: bool) -> list[Segment]:
        """The Arabic column, after one cell that holds the claim mark when the row has claims."""
        if not claimed:
            return [Segment(f"{' ' * (padding + 1)}{arabic}{SEPARATOR}", base)]
        return [
            Segment(CLAIM_MARK, base + self._style("segment-list--claim")),
            Segment(f"{' ' * padding}{arabic}{SEPARATOR}", base),
        ]

    @property
    def _number_width(self) -> int:
        if self.rows is None or not len(self.rows):
            return 3
        return max(len(str(self.rows.position_at(len(self.rows) - 1))), 3)

    # --- mouse ---------------------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        if self.rows is None:
            return
        index = round(self.scroll_offset.y) + event.y
        if 0 <= index < len(self.rows):
            self.post_message(self.Clicked(index))
