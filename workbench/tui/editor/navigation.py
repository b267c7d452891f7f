"""Where "next unconfirmed" leads: the next new, draft or rejected segment after the cursor,
wrapping. A rejected segment was sent back to be fixed: it is unfinished work too."""

from __future__ import annotations

from workbench.store.database import Database
from workbench.store.queries import statuses_after
from workbench.tui.editor.rows import SegmentRows
from workbench.tui.editor.session import UNFINISHED

# The next unfinished segment is usually a few rows away: the first read is short, and each
# further one four times longer, up to MAX_BATCH rows.
FIRST_BATCH = 16
MAX_BATCH = 1024


def _first_shown(database: Database, rows: SegmentRows, after: int, before: int) -> int | None:
    """The list index of the first unfinished segment with after < position < before."""
    batch = FIRST_BATCH
    while True:
        with database.read() as session:
            found = statuses_after(session, rows.document_id, after=after, limit=batch)
        for position, status in found:
            if position >= before:
                return None
            if status not in UNFINISHED:
                continue
            index = rows.index_of_position(position)
            if index is not None:  # not hidden by the list's filter
                return index
        if len(found) < batch:
            return None
        after = found[-1][0]
        batch = min(batch * 4, MAX_BATCH)


def next_unconfirmed_index(database: Database, rows: SegmentRows, cursor: int) -> int | None:
    """The list index to go to, or None when every segment shown is confirmed."""
    if not len(rows):
        return None
    here = rows.position_at(cursor)
    found = _first_shown(database, rows, here, before=2**62)
    if found is None:
        found = _first_shown(database, rows, 0, before=here)
    return found
