"""The segment open in the editor: what was loaded, how long it was worked on, and saving it.

No Textual here: the screen tells it about key presses and asks it to save; the rules (when a save
is needed, which version it must be based on, what is measured) live in one place.
"""

from __future__ import annotations

import dataclasses
import time
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from workbench.review.history import segment_history
from workbench.services.editing import SavedTarget, save_segment
from workbench.store.database import Database
from workbench.store.models import Decision, Origin, SegmentStatus
from workbench.store.queries import SegmentRow, get_segment_row

# A pause longer than this is not counted as work (coffee, a phone call, another window).
IDLE_CAP_SECONDS = 60.0
# Where Enter and ctrl+n stop: a rejected segment came back to be fixed.
UNFINISHED = frozenset(
    {SegmentStatus.NEW.value, SegmentStatus.DRAFT.value, SegmentStatus.REJECTED.value}
)


def rejection_note(session: Session, segment_id: int) -> str | None:
    """`Returned by badr: <comment>` from the segment's latest rejection."""
    for entry in reversed(segment_history(session, segment_id)):
        if entry.kind == "review" and entry.decision == Decision.REJECTED.value:
            return f"Returned by {entry.who or 'a reviewer'}: {entry.comment or '(no comment)'}"
    return None


@dataclass
class OpenSegment:
    row: SegmentRow
    base_version: int
    saved_text: str
    active_seconds: float = 0.0
    keystrokes: int = 0
    last_activity: float = field(default_factory=time.monotonic)
    rejection: str | None = None  # the reviewer's comment, read when the segment was opened
    tm_text: str | None = None  # a translation-memory match put into the editor

    @classmethod
    def load(cls, database: Database, segment_id: int) -> OpenSegment:
        """Read the segment afresh: the version a later save must still find."""
        with database.read() as session:
            row = get_segment_row(session, segment_id)
            rejected = row is not None and row.status == SegmentStatus.REJECTED.value
            rejection = rejection_note(session, segment_id) if rejected else None
        if row is None:
            raise LookupError(f"segment {segment_id} is gone")
        return cls(row, row.version, row.target or "", rejection=rejection)

    def returned_note(self) -> str | None:
        """While the segment stays rejected, what the reviewer asked its editor to fix."""
        rejected = self.row.status == SegmentStatus.REJECTED.value
        return self.rejection if rejected else None

    def touch(self, *, keystroke: bool = False) -> None:
        """Count the time since the last activity (capped) and, if asked, one keystroke."""
        now = time.monotonic()
        self.active_seconds += min(now - self.last_activity, IDLE_CAP_SECONDS)
        self.last_activity = now
        if keystroke:
            self.keystrokes += 1

    def is_dirty(self, text: str) -> bool:
        return text != self.saved_text

    def needs_save(self, text: str, status: str) -> bool:
        return self.is_dirty(text) or status != self.row.status

    def save(
        self,
        database: Database,
        user: str,
        text: str,
        status: str,
    ) -> SavedTarget:
        """Save against the loaded version; StaleVersionError if someone saved in between.
        The database's write guard (the app's file check) runs inside the transaction."""
        self.touch()
        saved = save_segment(
            database,
            user,
            self.row.id,
            text,
            status=status,
            expect_version=self.base_version,
            seconds_spent=round(self.active_seconds, 2),
            keystrokes=self.keystrokes,
            # The memory's English saved as it was inserted is the memory's work.
            origin=Origin.TM if text == self.tm_text else Origin.HUMAN,
        )
        self._saved(user, saved, text)
        return saved

    def _saved(self, user: str, saved: SavedTarget, text: str) -> None:
        # The row as stored now, from what the save wrote and read back: no second query.
        self.row = dataclasses.replace(
            self.row,
            target=text,
            status=saved.status,
            version=saved.version,
            updated_by=user,
            updated_at=saved.saved_at,
            mt=saved.mt,
            mt_score=saved.mt_score,
        )
        self.base_version = saved.version
        self.saved_text = text
        # What is measured next belongs to the next revision.
        self.active_seconds = 0.0
        self.keystrokes = 0

    def rebase(self, version: int) -> None:
        """Accept that the segment is now at `version` (after a conflict was resolved)."""
        self.base_version = version

    def status_on_leave(self) -> str:
        """An edit left without confirming is a draft, whatever it was before."""
        return SegmentStatus.DRAFT.value
