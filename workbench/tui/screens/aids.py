"""What the main screen offers beside the open segment: translation-memory matches, glossary terms
and quality checks.

On opening a segment, the glossary terms in its source are found (a cached index) and marked. Its
checks run and the memory is searched (in a thread worker) a moment later: showing badges or
matches changes the detail pane's layout, which costs more than the move itself, so holding a
movement key must not do it on every segment it passes. While the target is typed, the checks run
again after a short pause; a save runs them at once. A match put into the target is remembered,
so that saving it unchanged records the revision's origin as "tm".
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from textual import on, work
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import TextArea
from textual.worker import get_current_worker

from workbench.glossary.loading import glossary_index
from workbench.glossary.matching import GlossaryHit, GlossaryIndex
from workbench.qa.checks import qa_check_segment
from workbench.store.queries import SegmentRow
from workbench.tm.lookup import TmMatch, tm_matches
from workbench.tui.keymap import effective_keys
from workbench.tui.session import OpenSegment
from workbench.tui.widgets.detail import DetailPane, TargetEditor
from workbench.tui.word_marks import MarkedSpan

if TYPE_CHECKING:
    from workbench.tui.app import WorkbenchApp

AIDS_DELAY = 0.2  # seconds a segment stays open before it is checked and the memory searched
QA_DELAY = 0.3  # seconds of no typing before the checks run again
TM_MATCHES = 3
# The glossary changes rarely (an import, an edit in another process): the index held is checked
# against the database at most this often, not on every move to another segment.
GLOSSARY_RECHECK_SECONDS = 10.0


def terms_line(hits: list[GlossaryHit]) -> str | None:
    """ "Glossary: توكاييف → Tokayev · آستانا → Astana", each term once."""
    seen: dict[tuple[str, str], None] = {}
    for hit in hits:
        seen.setdefault((hit.term_ar, hit.term_en), None)
    if not seen:
        return None
    return "Glossary: " + " · ".join(f"{ar} → {en}" for ar, en in seen)


class SegmentAids(Screen[None]):
    """A base of MainScreen, which provides what is declared here."""

    current: OpenSegment | None
    _glossary: GlossaryIndex | None = None
    _hits: tuple[int, list[GlossaryHit]] | None = None  # (segment id, hits in its source)
    _glossary_checked = 0.0  # time.monotonic() of the last look at the glossary's signature
    _qa_timer: Timer | None = None
    _qa_text: str | None = None  # the target text last checked

    if TYPE_CHECKING:

        @property
        def workbench(self) -> WorkbenchApp: ...

        @property
        def detail(self) -> DetailPane: ...

        @property
        def editor(self) -> TargetEditor: ...

    # --- glossary --------------------------------------------------------------------------------

    def glossary_hits(self, row: SegmentRow) -> list[GlossaryHit]:
        """The glossary terms in the row's source; read once per opened segment."""
        if self._hits is None or self._hits[0] != row.id:
            now = time.monotonic()
            if self._glossary is None or now - self._glossary_checked > GLOSSARY_RECHECK_SECONDS:
                with self.workbench.database.read() as session:
                    self._glossary = glossary_index(session)
                self._glossary_checked = now
            self._hits = (row.id, self._glossary.hits(row.source))
        return self._hits[1]

    def glossary_shown(self, row: SegmentRow) -> tuple[tuple[MarkedSpan, ...], str | None]:
        """What the detail pane shows of the glossary: the spans to mark, the terms line."""
        hits = self.glossary_hits(row)
        return tuple((hit.start, hit.end, "term") for hit in hits), terms_line(hits)

    # --- quality checks --------------------------------------------------------------------------

    def refresh_qa(self) -> None:
        """Check the open segment as it stands in the editor."""
        current = self.current
        if current is None:
            return
        row = current.row
        self.glossary_hits(row)
        self._qa_text = self.editor.text
        issues = qa_check_segment(
            row.source,
            self._qa_text,
            mt=row.mt,
            status=row.status,
            glossary=self._glossary,
            settings=self.workbench.settings,
        )
        self.detail.qa.show_issues(issues, self.workbench.bidi_active)

    @on(TextArea.Changed, "#target")
    def target_changed(self) -> None:
        if self.editor.text == self._qa_text:
            return  # a segment just opened, already checked
        if self._qa_timer is not None:
            self._qa_timer.stop()
        self._qa_timer = self.set_timer(QA_DELAY, self.refresh_qa)

    # --- translation memory ----------------------------------------------------------------------

    def opened(self) -> None:
        """A segment was opened: the previous one's badges and matches go; its own come soon."""
        bidi = self.workbench.bidi_active
        self.detail.qa.show_issues([], bidi)
        self.detail.tm.show_matches([], [], bidi)
        self._qa_text = self.editor.text  # loading the text is not typing: no check for it
        current = self.current
        if current is None:
            return
        segment_id = current.row.id

        def start() -> None:
            if self.current is not None and self.current.row.id == segment_id:
                self.refresh_qa()
                self.lookup_tm(segment_id, current.row.source)

        self.set_timer(AIDS_DELAY, start)

    @work(thread=True, exclusive=True, group="tm", exit_on_error=False)
    def lookup_tm(self, segment_id: int, source: str) -> None:
        worker = get_current_worker()
        settings = self.workbench.settings
        with self.workbench.database.read() as session:
            matches = tm_matches(
                session,
                source,
                TM_MATCHES,
                min_score=settings.tm_min_score,
                exclude_segment_id=segment_id,
            )
        if not worker.is_cancelled:
            self.app.call_from_thread(self.show_tm, segment_id, matches)

    def show_tm(self, segment_id: int, matches: list[TmMatch]) -> None:
        if self.current is None or self.current.row.id != segment_id:
            return
        keys = effective_keys(self.workbench.settings.keymap)
        labels = [keys[f"tm_insert_{n}"].split(",")[0] for n in range(1, TM_MATCHES + 1)]
        self.detail.tm.show_matches(matches, labels, self.workbench.bidi_active)

    def action_insert_tm(self, number: int) -> None:
        matches = self.detail.tm.matches
        if self.current is None or not 1 <= number <= len(matches):
            self.notify(f"There is no translation-memory match {number} for this segment.")
            return
        target = matches[number - 1].target
        self.detail.set_target(target, undoable=True)
        self.current.tm_text = target
