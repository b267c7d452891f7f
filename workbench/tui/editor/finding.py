"""Finding segments on the main screen: go to N, search the texts, show only one status.

Each asks (a dialog, or the counts by status) and hands what was chosen to a callback of the
screen's; they keep nothing between calls: the filter in force belongs to the listed rows.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App

from workbench.store.database import Database
from workbench.store.models import SegmentStatus
from workbench.store.queries import status_counts
from workbench.tui.common.prompt import GoToScreen, PromptScreen
from workbench.tui.common.shelf import ScreenShelf
from workbench.tui.editor.rows import RowFilter

FILTER_CYCLE: tuple[str | None, ...] = (None, *(status.value for status in SegmentStatus))


def ask_position(
    app: App[object], shelf: ScreenShelf, last_position: int, chosen: Callable[[int], None]
) -> None:
    """The go-to dialog, asking for a position from 1 to `last_position`."""

    def answered(value: str | None) -> None:
        if value:
            chosen(int(value))

    screen = shelf.get("go to", GoToScreen, lambda: GoToScreen(1))
    screen.ask_up_to(last_position)
    app.push_screen(screen, answered)


def ask_search(
    app: App[object], shelf: ScreenShelf, previous: RowFilter, chosen: Callable[[RowFilter], None]
) -> None:
    """The search dialog; the filter it makes keeps the status filter of `previous`."""

    def answered(value: str | None) -> None:
        if value is not None:
            chosen(RowFilter(previous.status, value.strip() or None))

    # Opens empty: a new search is the usual wish, and Enter on nothing clears the filter.
    current = f" (now: {previous.search})" if previous.search else ""
    title = f"Search source, MT and target{current}; empty shows all"
    screen = shelf.get("search", PromptScreen, lambda: PromptScreen(title, placeholder="text"))
    screen.ask(title)
    app.push_screen(screen, answered)


def next_status_filter(database: Database, document_id: int, now: RowFilter) -> RowFilter:
    """The filter showing the next status the document has segments of (or every status)."""
    with database.read() as session:
        counts = status_counts(session, document_id)
    index = FILTER_CYCLE.index(now.status)
    for status in FILTER_CYCLE[index + 1 :] + FILTER_CYCLE[: index + 1]:
        if status is None or counts.get(status):
            return RowFilter(status, now.search)
    return RowFilter(None, now.search)
