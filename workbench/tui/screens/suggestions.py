"""Machine translation on the main screen: the suggestion, its alternatives, and background MT.

The alternatives (n-best) of a segment are decoded in a thread worker once the segment has stayed
open a moment, so holding a movement key never decodes every segment it passes; they are kept
per segment for the session.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.screen import Screen
from textual.worker import get_current_worker

from workbench.tui.session import OpenSegment

if TYPE_CHECKING:
    from workbench.tui.app import WorkbenchApp
    from workbench.tui.widgets.detail import DetailPane
    from workbench.tui.widgets.segment_list import SegmentList

ALTERNATIVES_DELAY = 0.4  # seconds a segment stays open before its alternatives are computed


class MtSuggestions(Screen[None]):
    """A base of MainScreen, which provides what is declared here."""

    current: OpenSegment | None
    _alternatives: dict[int, list[str]]

    if TYPE_CHECKING:

        @property
        def workbench(self) -> WorkbenchApp: ...
        @property
        def detail(self) -> DetailPane: ...
        @property
        def segment_list(self) -> SegmentList: ...
        def show_current(self) -> None: ...
        def with_other_model(self, segment_id: int, alternatives: list[str]) -> list[str]: ...

    def schedule_alternatives(self) -> None:
        current = self.current
        if current is None or self.workbench.model is None or current.row.id in self._alternatives:
            return
        segment_id = current.row.id

        def start() -> None:
            if self.current is not None and self.current.row.id == segment_id:
                self.compute_alternatives(segment_id, current.row.source)

        self.set_timer(ALTERNATIVES_DELAY, start)

    @work(thread=True, exclusive=True, group="alternatives", exit_on_error=False)
    def compute_alternatives(self, segment_id: int, source: str) -> None:
        worker = get_current_worker()
        engine = self.workbench.engine()
        if worker.is_cancelled:
            return
        wanted = self.workbench.settings.mt_num_hypotheses
        alternatives = engine.alternatives(source, wanted + 1)
        if not worker.is_cancelled:
            self.app.call_from_thread(self.show_alternatives, segment_id, alternatives)

    def show_alternatives(self, segment_id: int, alternatives: list[str]) -> None:
        current = self.current
        mt = current.row.mt if current is not None and current.row.id == segment_id else None
        others = [text for text in alternatives if text != mt][
            : self.workbench.settings.mt_num_hypotheses
        ]
        self._alternatives[segment_id] = others
        if current is not None and current.row.id == segment_id:
            self.detail.set_alternatives(self.with_other_model(segment_id, others))

    def mt_progress(self) -> None:
        """Background MT wrote a batch: redraw the rows, and show MT the open segment lacked."""
        self.segment_list.all_changed()
        current = self.current
        if current is not None and current.row.mt is None:
            fresh = OpenSegment.load(self.workbench.database, current.row.id)
            if fresh.row.version == current.base_version:
                current.row = fresh.row
                self.show_current()

    # --- actions (bound in keymap.py) ------------------------------------------------------------

    def action_copy_mt(self) -> None:
        if self.current is None or not self.current.row.mt:
            self.notify("This segment has no machine translation yet.")
            return
        self.detail.set_target(self.current.row.mt, undoable=True)

    def action_pick_alternative(self, number: int) -> None:
        alternatives = self.detail.alternatives
        if not 1 <= number <= len(alternatives):
            self.notify(f"There is no alternative {number} for this segment.")
            return
        self.detail.set_target(alternatives[number - 1], undoable=True)
