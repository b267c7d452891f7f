"""The rows behind the segment list, loaded a page at a time.

A document of 50,000 segments keeps only its ids and positions in memory; the full rows (source,
MT, target) are read in pages when they scroll into view and forgotten again when they have not
been looked at for a while.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import OrderedDict
from dataclasses import dataclass

from workbench.store.database import Database
from workbench.store.queries import SegmentIndex, SegmentRow, segment_index, segment_rows_by_ids

PAGE_SIZE = 100
MAX_PAGES = 40  # 4,000 rows: many screens of scrolling back and forth without a query


@dataclass(frozen=True, slots=True)
class RowFilter:
    status: str | None = None
    search: str | None = None

    def describe(self) -> str:
        parts = []
        if self.status:
            parts.append(f"status {self.status}")
        if self.search:
            parts.append(f"containing “{self.search}”")
        return " and ".join(parts) or "all segments"


class SegmentRows:
    """The segments of one document that pass a filter, in document order."""

    def __init__(self, database: Database, document_id: int, row_filter: RowFilter) -> None:
        self.database = database
        self.document_id = document_id
        self.filter = row_filter
        with database.read() as session:
            self._index: SegmentIndex = segment_index(
                session, document_id, row_filter.status, row_filter.search
            )
        self._pages: OrderedDict[int, list[SegmentRow]] = OrderedDict()
        self._by_id: dict[int, int] | None = None

    def __len__(self) -> int:
        return len(self._index.ids)

    def id_at(self, index: int) -> int:
        return self._index.ids[index]

    def position_at(self, index: int) -> int:
        return self._index.positions[index]

    def row(self, index: int) -> SegmentRow:
        number, offset = divmod(index, PAGE_SIZE)
        page = self._pages.get(number)
        if page is None:
            page = self._load_page(number)
        else:
            self._pages.move_to_end(number)
        return page[offset]

    def _load_page(self, number: int) -> list[SegmentRow]:
        ids = self._index.ids[number * PAGE_SIZE : (number + 1) * PAGE_SIZE]
        with self.database.read() as session:
            found = segment_rows_by_ids(session, ids)
        page = [found[segment_id] for segment_id in ids]
        self._pages[number] = page
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        return page

    def index_of_id(self, segment_id: int) -> int | None:
        if self._by_id is None:
            self._by_id = {value: index for index, value in enumerate(self._index.ids)}
        return self._by_id.get(segment_id)

    def index_of_position(self, position: int) -> int | None:
        """Where segment number `position` is in this (possibly filtered) list."""
        index = bisect_left(self._index.positions, position)
        if index < len(self._index.positions) and self._index.positions[index] == position:
            return index
        return None

    def forget(self, index: int | None = None) -> None:
        """Drop cached rows (one row's page, or all) so they are read again from the database."""
        if index is None:
            self._pages.clear()
        else:
            self._pages.pop(index // PAGE_SIZE, None)
