"""The editing flow under Pilot, checked in the database: confirm, draft, leave, revert, undo."""

from __future__ import annotations

from sqlalchemy import text
from textual.pilot import Pilot

from tests.tui.conftest import AppFactory, main_screen, revisions_of, segment_at
from tests.tui.key_runs import press_run
from workbench.store.database import Database
from workbench.tui.app import WorkbenchApp


async def type_text(pilot: Pilot[None], text: str) -> None:
    await press_run(pilot, *text)


def editor_text(app: WorkbenchApp) -> str:
    return main_screen(app).editor.text


def cursor_position(app: WorkbenchApp) -> int:
    current = main_screen(app).current
    assert current is not None
    return current.row.position


async def test_confirm_saves_translated_revision_and_moves_to_next_unconfirmed(
    make_app: AppFactory, seeded_database: Database
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await type_text(pilot, "A report says")
        await pilot.press("enter")
        assert cursor_position(app) == 2
        assert editor_text(app) == ""

    first = segment_at(seeded_database, 1, 1)
    assert (first.target, first.status, first.version) == ("A report says", "translated", 1)
    assert first.updated_by == "alice"
    (revision,) = revisions_of(seeded_database, first.id)
    assert (revision.origin, revision.status, revision.version) == ("human", "translated", 1)
    assert revision.keystrokes == len("A report says")
    assert revision.seconds_spent is not None and revision.seconds_spent >= 0


async def test_confirm_skips_segments_already_confirmed(
    make_app: AppFactory, seeded_database: Database
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+down")
        await type_text(pilot, "Second")
        await pilot.press("enter")  # confirms 2, goes to 3
        assert cursor_position(app) == 3
        await pilot.press("ctrl+up", "ctrl+up")
        assert cursor_position(app) == 1
        await type_text(pilot, "First")
        await pilot.press("enter")  # confirms 1; 2 is translated, so on to 3
        assert cursor_position(app) == 3
    assert segment_at(seeded_database, 1, 2).status == "translated"
    assert segment_at(seeded_database, 1, 1).target == "First"


async def test_confirming_an_empty_target_is_refused(
    make_app: AppFactory, seeded_database: Database
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("enter")
        assert cursor_position(app) == 1
    first = segment_at(seeded_database, 1, 1)
    assert (first.status, first.version) == ("new", 0)


async def test_leaving_a_changed_segment_saves_it_as_draft(
    make_app: AppFactory, seeded_database: Database
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await type_text(pilot, "Draft text")
        await pilot.press("ctrl+down")
        assert cursor_position(app) == 2
        await pilot.press("ctrl+down")  # nothing typed in 2: nothing saved
    first = segment_at(seeded_database, 1, 1)
    assert (first.target, first.status) == ("Draft text", "draft")
    assert segment_at(seeded_database, 1, 2).version == 0
    assert revisions_of(seeded_database, segment_at(seeded_database, 1, 2).id) == []


async def test_save_draft_key_marks_draft_and_stays(
    make_app: AppFactory, seeded_database: Database
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await type_text(pilot, "Half done")
        await pilot.press("ctrl+s")
        assert cursor_position(app) == 1
    first = segment_at(seeded_database, 1, 1)
    assert (first.target, first.status, first.version) == ("Half done", "draft", 1)


async def test_revert_puts_back_the_saved_text_and_nothing_is_saved(
    make_app: AppFactory, seeded_database: Database
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await type_text(pilot, "Kept")
        await pilot.press("ctrl+s")
        await type_text(pilot, " and more")
        assert editor_text(app) == "Kept and more"
        await pilot.press("ctrl+r")
        assert editor_text(app) == "Kept"
        await pilot.press("ctrl+z")  # the revert itself can be undone
        assert editor_text(app) == "Kept and more"
        await pilot.press("ctrl+r", "ctrl+down")
    first = segment_at(seeded_database, 1, 1)
    assert (first.target, first.version) == ("Kept", 1)


async def test_undo_takes_back_typing(make_app: AppFactory, seeded_database: Database) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await type_text(pilot, "Typo")
        await pilot.press("ctrl+z")
        assert editor_text(app) == ""
        await pilot.press("ctrl+down")
    assert segment_at(seeded_database, 1, 1).version == 0


async def test_quitting_saves_the_open_segment(
    make_app: AppFactory, seeded_database: Database
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await type_text(pilot, "Before lunch")
        await pilot.press("ctrl+q")
    first = segment_at(seeded_database, 1, 1)
    assert (first.target, first.status) == ("Before lunch", "draft")


async def test_arabic_typed_in_the_target_is_stored_in_logical_order(
    make_app: AppFactory, seeded_database: Database
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await type_text(pilot, "RT قالت ٢٧")
        await pilot.press("ctrl+s")
    assert segment_at(seeded_database, 1, 1).target == "RT قالت ٢٧"


async def test_a_failed_write_keeps_the_text_and_the_segment_open(
    make_app: AppFactory, seeded_database: Database
) -> None:
    refuse = text(
        "CREATE TRIGGER refuse_writes BEFORE UPDATE ON segments "
        "BEGIN SELECT RAISE(ABORT, 'disk full'); END"
    )
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await type_text(pilot, "Precious")
        with seeded_database.write() as session:
            session.execute(refuse)
        await pilot.press("ctrl+down")  # leaving tries to save; the database refuses
        assert cursor_position(app) == 1
        assert editor_text(app) == "Precious"
        with seeded_database.write() as session:
            session.execute(text("DROP TRIGGER refuse_writes"))
        await pilot.press("ctrl+down")
        assert cursor_position(app) == 2
    assert segment_at(seeded_database, 1, 1).target == "Precious"
