"""Where "next unconfirmed" leads: the next new or draft segment after the cursor, wrapping."""

from __future__ import annotations

from workbench.store.database import Database
from workbench.store.queries import positions_with_status
from workbench.tui.rows import SegmentRows
from workbench.tui.session import UNCONFIRMED

BATCH = 200


def _first_shown(database: Database, rows: SegmentRows, after: int, before: int) -> int | None:
    """The list index of the first unconfirmed segment with after < position < before."""
    while True:
        with database.read() as session:
            positions = positions_with_status(
                session, rows.document_id, UNCONFIRMED, after=after, limit=BATCH
            )
        for position in positions:
            if position >= before:
                return None
            index = rows.index_of_position(position)
            if index is not None:  # not hidden by the list's filter
                return index
        if len(positions) < BATCH:
            return None
        after = positions[-1]


def next_unconfirmed_index(database: Database, rows: SegmentRows, cursor: int) -> int | None:
    """The list index to go to, or None when every segment shown is confirmed."""
    if not len(rows):
        return None
    here = rows.position_at(cursor)
    found = _first_shown(database, rows, here, before=2**62)
    if found is None:
        found = _first_shown(database, rows, 0, before=here)
    return found
