"""What the main screen offers beside the open segment: translation-memory matches, glossary terms
and quality checks, owned by one part of the screen (`SegmentAids`, drawing nothing itself).

On opening a segment, the glossary terms in its source are found (a cached index) and marked. Its
checks run and the memory is searched (in a thread worker) a moment later: showing badges or
matches changes the detail pane's layout, which costs more than the move itself, so holding a
movement key must not do it on every segment it passes. While the target is typed, the checks run
again after a short pause; a save runs them at once. Results go to the screen as messages
(`QaChecked`, `TmMatchesFound`), which shows them if the segment is still the open one.
"""

from __future__ import annotations

import time

from textual import work
from textual.timer import Timer
from textual.widget import Widget
from textual.worker import get_current_worker

from workbench.config import Settings
from workbench.glossary.loading import glossary_index
from workbench.glossary.matching import GlossaryHit, GlossaryIndex
from workbench.qa.checks import QaIssue, qa_check_segment
from workbench.store.database import Database
from workbench.store.queries import SegmentRow
from workbench.tm.lookup import tm_matches
from workbench.tui.display.word_marks import MarkedSpan
from workbench.tui.editor.messages import QaChecked, TmMatchesFound

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


class SegmentAids(Widget):
    """Owns the glossary index, the checks' timing and the memory search of the open segment.

    The screen tells it which segment is open and what its target reads (`opened`, `typed`);
    it works for the last segment it was told of and drops what arrives for another.
    """

    DEFAULT_CSS = "SegmentAids { display: none; }"

    def __init__(self, database: Database, settings: Settings) -> None:
        super().__init__()
        self.database = database
        self.settings = settings
        self._glossary: GlossaryIndex | None = None
        self._glossary_checked = 0.0  # time.monotonic() of the last look at the glossary
        self._hits: tuple[int, list[GlossaryHit]] | None = None  # (segment id, its source's hits)
        self._row: SegmentRow | None = None  # the open segment, as last told
        self._text: str | None = None  # its target as last told (and checked)
        self._qa_timer: Timer | None = None

    # --- glossary --------------------------------------------------------------------------------

    def glossary_hits(self, row: SegmentRow) -> list[GlossaryHit]:
        """The glossary terms in the row's source; read once per opened segment."""
        if self._hits is None or self._hits[0] != row.id:
            now = time.monotonic()
            if self._glossary is None or now - self._glossary_checked > GLOSSARY_RECHECK_SECONDS:
                with self.database.read() as session:
                    self._glossary = glossary_index(session)
                self._glossary_checked = now
            self._hits = (row.id, self._glossary.hits(row.source))
        return self._hits[1]

    def glossary_shown(self, row: SegmentRow) -> tuple[tuple[MarkedSpan, ...], str | None]:
        """What the detail pane shows of the glossary: the spans to mark, the terms line."""
        hits = self.glossary_hits(row)
        return tuple((hit.start, hit.end, "term") for hit in hits), terms_line(hits)

    # --- quality checks --------------------------------------------------------------------------

    def check(self, row: SegmentRow, text: str) -> list[QaIssue]:
        """Check `text` as the target of `row` now (a save, a change of display)."""
        self._row, self._text = row, text
        self.glossary_hits(row)
        return qa_check_segment(
            row.source,
            text,
            mt=row.mt,
            status=row.status,
            glossary=self._glossary,
            settings=self.settings,
        )

    def typed(self, row: SegmentRow, text: str) -> None:
        """The target changed: check it again once typing pauses."""
        if self._row is not None and self._row.id == row.id and text == self._text:
            return  # a segment just opened, already checked
        self._row, self._text = row, text
        if self._qa_timer is not None:
            self._qa_timer.stop()
        self._qa_timer = self.set_timer(QA_DELAY, self._check_later)

    def _check_later(self) -> None:
        row, text = self._row, self._text
        if row is not None and text is not None:
            self.post_message(QaChecked(row.id, self.check(row, text)))

    # --- opening a segment -----------------------------------------------------------------------

    def opened(self, row: SegmentRow, text: str) -> None:
        """A segment was opened: its checks and matches come a moment later, if it stays open.
        Loading its text is not typing: no check for that."""
        self._row, self._text = row, text
        segment_id = row.id

        def start() -> None:
            if self._row is not None and self._row.id == segment_id:
                self._check_later()
                self.look_up_tm(segment_id, row.source)

        self.set_timer(AIDS_DELAY, start)

    # --- translation memory ----------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="tm", exit_on_error=False)
    def look_up_tm(self, segment_id: int, source: str) -> None:
        worker = get_current_worker()
        with self.database.read() as session:
            matches = tm_matches(
                session,
                source,
                TM_MATCHES,
                min_score=self.settings.tm_min_score,
                exclude_segment_id=segment_id,
            )
        if not worker.is_cancelled:
            self.post_message(TmMatchesFound(segment_id, matches))
