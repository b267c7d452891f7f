"""The review desk under Pilot, checked in the database: approve, reject with a comment (and the
editor seeing it), an editor refused, a stale decision refused, the history dialog."""

from __future__ import annotations

import io

from rich.console import Console
from textual.widgets import DataTable, Static

from tests.tui.conftest import AppFactory, main_screen, save_as
from tests.tui.key_runs import press_run
from tests.tui.review_desk import FINAL, NO_GATES, reviews_of, segment, set_up_desk
from workbench.store.database import Database
from workbench.tui.app import WorkbenchApp
from workbench.tui.review.desk import ReviewScreen
from workbench.tui.review.history import HistoryScreen

SIZE = (140, 40)


def review_screen(app: WorkbenchApp) -> ReviewScreen:
    screen = app.screen
    assert isinstance(screen, ReviewScreen)
    return screen


def notices(app: WorkbenchApp) -> str:
    return "\n".join(notification.message for notification in app._notifications)


def shown_text(app: WorkbenchApp) -> str:
    """The segment pane as plain text, drawn at the pane's width."""
    static = review_screen(app).query_one("#review-segment", Static)
    console = Console(width=static.size.width, record=True, file=io.StringIO())
    console.print(static.content)
    return console.export_text()


async def test_reviewer_approves_the_first_queued_segment(
    make_app: AppFactory, seeded_database: Database
) -> None:
    first, second, _ = set_up_desk(seeded_database)
    app = make_app(user="badr", **NO_GATES)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f9")
        table = review_screen(app).query_one(DataTable)
        assert table.row_count == 3
        await pilot.press("a")
        await pilot.pause()
        assert table.row_count == 2
        assert review_screen(app).shown is not None
        assert review_screen(app).shown.row.id == second.id  # type: ignore[union-attr]

    approved = segment(seeded_database, first.id)
    assert (approved.status, approved.version) == ("approved", 2)
    (review,) = reviews_of(seeded_database, first.id)
    assert (review.decision, review.version, review.comment) == ("approved", 2, None)


async def test_rejection_with_a_comment_reaches_the_editor(
    make_app: AppFactory, seeded_database: Database
) -> None:
    _, second, _ = set_up_desk(seeded_database)
    app = make_app(user="badr", **NO_GATES)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f9", "down", "r")
        await pilot.press("enter")  # an empty comment is refused
        await pilot.pause()
        assert "say what the editor should fix" in notices(app)
        assert segment(seeded_database, second.id).status == "translated"
        await pilot.press("r")
        await press_run(pilot, *"Say trade, not value")
        await pilot.press("enter")
        await pilot.pause()

    rejected = segment(seeded_database, second.id)
    assert (rejected.status, rejected.version) == ("rejected", 2)
    (review,) = reviews_of(seeded_database, second.id)
    assert (review.decision, review.comment) == ("rejected", "Say trade, not value")

    editor_app = make_app(user="chadi")
    async with editor_app.run_test(size=SIZE) as pilot:
        main_screen(editor_app).go_to_index(second.position - 1)
        await pilot.pause()
        lines = main_screen(editor_app).detail.texts.text_lines
        assert any("Returned by badr: Say trade, not value" in line for line in lines)
        # "Returned to me" lists it; Enter opens it in the editor.
        await pilot.press("f9", "m")
        assert review_screen(editor_app).query_one(DataTable).row_count == 1
        assert "Say trade, not value" in shown_text(editor_app)
        await pilot.press("enter")
        await pilot.pause()
        current = main_screen(editor_app).current
        assert current is not None and current.row.id == second.id


async def test_an_editor_pressing_approve_is_told_the_role_needed(
    make_app: AppFactory, seeded_database: Database
) -> None:
    first, _, _ = set_up_desk(seeded_database)
    app = make_app(user="chadi", **NO_GATES)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f9", "a")
        await pilot.pause()
        assert "needs the reviewer or admin role; chadi is an editor" in notices(app)
        assert review_screen(app).query_one(DataTable).row_count == 3

    unchanged = segment(seeded_database, first.id)
    assert (unchanged.status, unchanged.version) == ("translated", 1)
    assert reviews_of(seeded_database, first.id) == []


async def test_a_decision_on_a_text_saved_since_it_was_shown_writes_nothing(
    make_app: AppFactory, seeded_database: Database
) -> None:
    first, _, _ = set_up_desk(seeded_database)
    app = make_app(user="badr", **NO_GATES)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f9")
        save_as(seeded_database, "amal", first.id, "A newer text.", 1, "translated")
        await pilot.press("a")
        await pilot.pause()
        assert "Not approved: segment 1 was saved by amal" in notices(app)
        # The new text is shown now, at its version: a second press decides on what was seen.
        shown = review_screen(app).shown
        assert shown is not None and shown.row.version == 2
        assert "A newer text." in shown_text(app)

    after = segment(seeded_database, first.id)
    assert (after.status, after.version, after.target) == ("translated", 2, "A newer text.")
    assert reviews_of(seeded_database, first.id) == []


async def test_diff_base_switch_and_history(
    make_app: AppFactory, seeded_database: Database
) -> None:
    first, _, _ = set_up_desk(seeded_database)
    save_as(seeded_database, "amal", first.id, "Kazakhstan signed a trade deal.", 1, "translated")
    app = make_app(user="badr", **NO_GATES)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f9")
        assert "Diff MT → current" in shown_text(app)
        await pilot.press("tab")
        text = shown_text(app)
        assert "Diff previous revision → current" in text
        # previous → current: the first post-edit, with the words the second one changed
        assert "announced" in FINAL[0] and "announced" in text and "signed" in text
        await pilot.press("h")
        await pilot.pause()
        history = app.screen
        assert isinstance(history, HistoryScreen)
        assert [(e.kind, e.version) for e in history.entries] == [
            ("revision", 0),
            ("revision", 1),
            ("revision", 2),
        ]
        await pilot.press("escape")
        assert isinstance(app.screen, ReviewScreen)
