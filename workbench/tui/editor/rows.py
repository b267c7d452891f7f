"""The rows behind the segment list, loaded a page at a time.

A document of 50,000 segments keeps almost nothing in memory: unfiltered, its segments are
numbered 1..N and a list index is simply a position; filtered, only the matching ids and
positions are kept. Full rows (source, MT, target) are read a page at a time when they scroll
into view and forgotten when they have not been looked at for a while.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import OrderedDict
from dataclasses import dataclass

from workbench.store.database import Database
from workbench.store.queries import (
    SegmentIndex,
    SegmentRow,
    position_span,
    segment_index,
    segment_rows_by_ids,
    segment_rows_by_positions,
)

PAGE_SIZE = 250  # ten screens of rows in one query
MAX_PAGES = 20  # 5,000 rows: many screens of scrolling back and forth without a query


@dataclass(frozen=True, slots=True)
class RowFilter:
    status: str | None = None
    search: str | None = None
    below_mt_score: float | None = None  # only MT less confident than this (aids/mt_confidence.py)
    by_mt_score: bool = False  # least confident MT first instead of document order

    def describe(self) -> str:
        parts = []
        if self.status:
            parts.append(f"status {self.status}")
        if self.search:
            parts.append(f"containing “{self.search}”")
        if self.below_mt_score is not None:
            parts.append(f"MT confidence below {self.below_mt_score:.2f}")
        described = " and ".join(parts) or "all segments"
        return described + (", least confident MT first" if self.by_mt_score else "")

    @property
    def is_empty(self) -> bool:
        return (
            self.status is None
            and not self.search
            and self.below_mt_score is None
            and not self.by_mt_score
        )


class SegmentRows:
    """The segments of one document that pass a filter, in document order."""

    def __init__(self, database: Database, document_id: int, row_filter: RowFilter) -> None:
        self.database = database
        self.document_id = document_id
        self.filter = row_filter
        self._pages: OrderedDict[int, list[SegmentRow]] = OrderedDict()
        self._index: SegmentIndex | None = None
        self._where: dict[int, int] | None = None  # position -> index, when sorted by MT score
        with database.read() as session:
            count, low, high = position_span(session, document_id)
            self.last_position = high
            if row_filter.is_empty and low == 1 and high == count:
                self._count = count  # positions 1..N: the index is the position
            else:
                self._index = segment_index(
                    session,
                    document_id,
                    row_filter.status,
                    row_filter.search,
                    below_mt_score=row_filter.below_mt_score,
                    by_mt_score=row_filter.by_mt_score,
                )
                self._count = len(self._index.ids)

    def __len__(self) -> int:
        return self._count

    def id_at(self, index: int) -> int:
        if self._index is None:
            return self.row(index).id
        return self._index.ids[index]

    def position_at(self, index: int) -> int:
        if self._index is None:
            return index + 1
        return self._index.positions[index]

    def index_of_position(self, position: int) -> int | None:
        """Where segment number `position` is in this (possibly filtered) list."""
        if self._index is None:
            return position - 1 if 1 <= position <= self._count else None
        positions = self._index.positions
        if self.filter.by_mt_score:  # not in position order: look it up
            if self._where is None:
                self._where = {p: i for i, p in enumerate(positions)}
            return self._where.get(position)
        index = bisect_left(positions, position)
        if index < len(positions) and positions[index] == position:
            return index
        return None

    def row(self, index: int) -> SegmentRow:
        number, offset = divmod(index, PAGE_SIZE)
        page = self._pages.get(number)
        if page is None:
            page = self._load_page(number)
        else:
            self._pages.move_to_end(number)
        return page[offset]

    def _load_page(self, number: int) -> list[SegmentRow]:
        first = number * PAGE_SIZE
        with self.database.read() as session:
            if self._index is None:
                page = segment_rows_by_positions(
                    session, self.document_id, first + 1, first + PAGE_SIZE
                )
            else:
                ids = self._index.ids[first : first + PAGE_SIZE]
                found = segment_rows_by_ids(session, ids)
                page = [found[segment_id] for segment_id in ids]
        self._pages[number] = page
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        return page

    def replace(self, index: int, row: SegmentRow) -> None:
        """The row at `index` as its saver just read it back: a held page takes it in place of
        reading its 250 rows again (as `forget` would have them)."""
        page = self._pages.get(index // PAGE_SIZE)
        offset = index % PAGE_SIZE
        if page is not None and offset < len(page) and page[offset].id == row.id:
            page[offset] = row
        else:
            self.forget(index)

    def forget(self, index: int | None = None) -> None:
        """Drop cached rows (one row's page, or all) so they are read again from the database."""
        if index is None:
            self._pages.clear()
        else:
            self._pages.pop(index // PAGE_SIZE, None)
