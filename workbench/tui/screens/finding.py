"""Finding segments on the main screen: go to N, search the texts, show only one status."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

from workbench.store.models import SegmentStatus
from workbench.store.queries import status_counts
from workbench.tui.rows import RowFilter, SegmentRows
from workbench.tui.screens.prompt import GoToScreen, PromptScreen

if TYPE_CHECKING:
    from workbench.tui.app import WorkbenchApp

FILTER_CYCLE: tuple[str | None, ...] = (None, *(status.value for status in SegmentStatus))


class FindingActions(Screen[None]):
    """The base of MainScreen, which provides what is declared here."""

    rows: SegmentRows | None
    document_id: int | None
    last_position: int

    if TYPE_CHECKING:

        @property
        def workbench(self) -> WorkbenchApp: ...

        def go_to_index(self, index: int, top: int | None = None) -> bool: ...

        def open_document(
            self,
            document_id: int,
            row_filter: RowFilter | None = None,
            position: int | None = None,
        ) -> bool: ...

    def action_go_to(self) -> None:
        def chosen(value: str | None) -> None:
            if value and self.rows is not None and self.document_id is not None:
                position = int(value)
                index = self.rows.index_of_position(position)
                if index is not None:
                    self.go_to_index(index)
                else:  # hidden by the filter: show everything again
                    self.open_document(self.document_id, RowFilter(), position)

        screen = self.workbench.shelf.get("go to", GoToScreen, lambda: GoToScreen(1))
        screen.ask_up_to(self.last_position)
        self.app.push_screen(screen, chosen)

    def action_search(self) -> None:
        previous = self.rows.filter if self.rows is not None else RowFilter()

        def chosen(value: str | None) -> None:
            if value is not None:
                self.apply_filter(RowFilter(previous.status, value.strip() or None))

        # Opens empty: a new search is the usual wish, and Enter on nothing clears the filter.
        current = f" (now: {previous.search})" if previous.search else ""
        title = f"Search source, MT and target{current}; empty shows all"
        screen = self.workbench.shelf.get(
            "search", PromptScreen, lambda: PromptScreen(title, placeholder="text")
        )
        screen.ask(title)
        self.app.push_screen(screen, chosen)

    def action_cycle_filter(self) -> None:
        if self.rows is None or self.document_id is None:
            return
        with self.workbench.database.read() as session:
            counts = status_counts(session, self.document_id)
        index = FILTER_CYCLE.index(self.rows.filter.status)
        for status in FILTER_CYCLE[index + 1 :] + FILTER_CYCLE[: index + 1]:
            if status is None or counts.get(status):
                self.apply_filter(RowFilter(status, self.rows.filter.search))
                return

    def apply_filter(self, row_filter: RowFilter) -> None:
        if self.document_id is None:
            return
        self.open_document(self.document_id, row_filter)
        if self.rows is not None and not len(self.rows):
            self.notify(f"No segment matches: {row_filter.describe()}.", severity="warning")
