"""Someone saved first: nothing is overwritten silently, and the user chooses what to keep."""

from __future__ import annotations

from tests.tui.conftest import AppFactory, main_screen, revisions_of, save_as, segment_at
from tests.tui.key_runs import press_run
from tests.tui.test_editing import cursor_position, editor_text, type_text
from workbench.store.database import Database
from workbench.tui.editor.conflict import ConflictScreen


async def _conflict(pilot: object, database: Database) -> int:
    """Alice types in segment 1; meanwhile Bob saves it; Alice confirms. Returns its id."""
    first = segment_at(database, 1, 1).id
    await type_text(pilot, "Mine")  # type: ignore[arg-type]
    save_as(database, "bob", first, "Theirs", 0)
    await pilot.press("enter")  # type: ignore[attr-defined]
    return first


async def test_stale_save_shows_both_texts_and_writes_nothing(
    make_app: AppFactory, seeded_database: Database
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        first = await _conflict(pilot, seeded_database)
        assert isinstance(app.screen, ConflictScreen)
        shown = str(app.screen.query_one("#conflict-mine").render())
        theirs = str(app.screen.query_one("#conflict-theirs").render())
        assert (shown, theirs) == ("Mine", "Theirs")
        assert segment_at(seeded_database, 1, 1).target == "Theirs"
        assert [r.text for r in revisions_of(seeded_database, first)] == ["Theirs"]
        await pilot.press("t")


async def test_keep_mine_saves_over_the_newer_version_knowingly(
    make_app: AppFactory, seeded_database: Database
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        first = await _conflict(pilot, seeded_database)
        await pilot.press("k")
        assert not isinstance(app.screen, ConflictScreen)
    row = segment_at(seeded_database, 1, 1)
    assert (row.target, row.status, row.version, row.updated_by) == (
        "Mine",
        "translated",
        2,
        "alice",
    )
    assert [r.text for r in revisions_of(seeded_database, first)] == ["Theirs", "Mine"]


async def test_take_theirs_loads_their_text_and_saves_nothing(
    make_app: AppFactory, seeded_database: Database
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        first = await _conflict(pilot, seeded_database)
        await pilot.press("t")
        assert editor_text(app) == "Theirs"
        assert cursor_position(app) == 1
        await pilot.press("ctrl+down")  # unchanged: leaving saves nothing
    assert [r.text for r in revisions_of(seeded_database, first)] == ["Theirs"]


async def test_both_puts_both_texts_in_the_editor_to_merge(
    make_app: AppFactory, seeded_database: Database
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        first = await _conflict(pilot, seeded_database)
        await pilot.press("b")
        assert editor_text(app) == "Mine\nTheirs"
        assert main_screen(app).current.base_version == 1  # type: ignore[union-attr]
        await pilot.press("f7")  # select all, then type the merged text over it
        await type_text(pilot, "Merged")
        await pilot.press("enter")
    row = segment_at(seeded_database, 1, 1)
    assert (row.target, row.version) == ("Merged", 2)
    assert [r.text for r in revisions_of(seeded_database, first)] == ["Theirs", "Merged"]


async def test_leaving_a_stale_segment_stays_on_it(
    make_app: AppFactory, seeded_database: Database
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        first = segment_at(seeded_database, 1, 1).id
        await type_text(pilot, "Mine")
        save_as(seeded_database, "bob", first, "Theirs", 0)
        await pilot.press("ctrl+down")
        assert isinstance(app.screen, ConflictScreen)
        await pilot.press("escape")  # not a choice: the dialog stays until the user picks
        assert isinstance(app.screen, ConflictScreen)
        await pilot.press("k")
        assert cursor_position(app) == 1
    assert segment_at(seeded_database, 1, 1).target == "Mine"


async def test_others_saves_appear_and_an_untouched_open_segment_follows(
    make_app: AppFactory, seeded_database: Database
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        save_as(seeded_database, "bob", segment_at(seeded_database, 1, 1).id, "Theirs", 0)
        save_as(seeded_database, "bob", segment_at(seeded_database, 1, 2).id, "Also bob", 0)
        main_screen(app).refresh_from_database()  # what the screen's timer does every 10 s
        await pilot.pause()
        assert editor_text(app) == "Theirs"
        assert "Also bob" in main_screen(app).segment_list.render_line(1).text
        await press_run(pilot, *" today")
        await pilot.press("enter")  # based on their version: no conflict
        assert not isinstance(app.screen, ConflictScreen)
    assert segment_at(seeded_database, 1, 1).target == "Theirs today"


async def test_a_touched_open_segment_is_not_replaced_under_the_cursor(
    make_app: AppFactory, seeded_database: Database
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await type_text(pilot, "Mine")
        save_as(seeded_database, "bob", segment_at(seeded_database, 1, 1).id, "Theirs", 0)
        main_screen(app).refresh_from_database()
        await pilot.pause()
        assert editor_text(app) == "Mine"
        await pilot.press("enter")
        assert isinstance(app.screen, ConflictScreen)
        await pilot.press("t")
