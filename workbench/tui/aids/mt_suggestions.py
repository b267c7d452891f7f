"""Machine translation on the main screen: the alternatives of the open segment's suggestion.

The alternatives (n-best) of a segment are decoded in a thread worker once the segment has stayed
open a moment, so holding a movement key never decodes every segment it passes; they are kept
per segment for the session by the one part that owns them (`MtSuggestions`, drawing nothing
itself), which tells the screen when some arrive (`AlternativesArrived`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import work
from textual.widget import Widget
from textual.worker import get_current_worker

from workbench.store.queries import SegmentRow
from workbench.tui.editor.messages import AlternativesArrived

if TYPE_CHECKING:
    from workbench.mt.engine import MtEngine

ALTERNATIVES_DELAY = 0.4  # seconds a segment stays open before its alternatives are computed


class MtSuggestions(Widget):
    DEFAULT_CSS = "MtSuggestions { display: none; }"

    def __init__(self, engine: Callable[[], MtEngine], wanted: int) -> None:
        super().__init__()
        self.engine = engine  # the app's: loaded once, shared with the background MT
        self.wanted = wanted  # how many alternatives to show (mt_num_hypotheses)
        self._alternatives: dict[int, list[str]] = {}  # by segment id
        self._open: int | None = None  # the segment last asked for

    def of(self, segment_id: int) -> list[str]:
        """The alternatives kept for the segment (none yet: an empty list)."""
        return self._alternatives.get(segment_id, [])

    def schedule(self, row: SegmentRow) -> None:
        """The segment was opened: decode its alternatives if it is still open in a moment."""
        self._open = row.id
        if row.id in self._alternatives:
            return
        segment_id, source = row.id, row.source

        def start() -> None:
            if self._open == segment_id:
                self.compute_alternatives(segment_id, source)

        self.set_timer(ALTERNATIVES_DELAY, start)

    def forget_open(self) -> None:
        """No segment is open (an empty filter, no document)."""
        self._open = None

    @work(thread=True, exclusive=True, group="alternatives", exit_on_error=False)
    def compute_alternatives(self, segment_id: int, source: str) -> None:
        worker = get_current_worker()
        engine = self.engine()
        if worker.is_cancelled:
            return
        alternatives = engine.alternatives(source, self.wanted + 1)
        if not worker.is_cancelled:
            self.post_message(AlternativesArrived(segment_id, alternatives))

    def keep(self, segment_id: int, alternatives: list[str], mt: str | None) -> list[str]:
        """Keep the alternatives that differ from the suggestion `mt`; return them."""
        others = [text for text in alternatives if text != mt][: self.wanted]
        self._alternatives[segment_id] = others
        return others
