"""Moving around under Pilot: mouse, page keys, go to N, search, status filter, documents."""

from __future__ import annotations

from sqlalchemy import func, select
from textual import events

from tests.tui.conftest import AppFactory, main_screen, save_as, segment_at
from tests.tui.key_runs import press_run
from tests.tui.test_editing import cursor_position, type_text
from workbench.store.database import Database
from workbench.store.models import Segment
from workbench.tui.common.prompt import GoToScreen
from workbench.tui.documents.picker import DocumentPicker
from workbench.tui.editor.segment_list import SegmentList


def shown_positions(app: object) -> list[int]:
    rows = main_screen(app).rows  # type: ignore[arg-type]
    assert rows is not None
    return [rows.position_at(index) for index in range(len(rows))]


async def test_clicking_a_row_opens_it_and_saves_the_one_left(
    make_app: AppFactory, seeded_database: Database
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await type_text(pilot, "Clicked away")
        await pilot.click(SegmentList, offset=(10, 4))
        assert cursor_position(app) == 5
    assert segment_at(seeded_database, 1, 1).target == "Clicked away"


async def test_page_down_moves_a_screenful(make_app: AppFactory) -> None:
    app = make_app(document_id=3)
    async with app.run_test(size=(120, 36)) as pilot:
        page = main_screen(app).segment_list.page_height
        await pilot.press("pagedown")
        assert cursor_position(app) == 1 + page
        await pilot.press("pageup")
        assert cursor_position(app) == 1


async def test_go_to_segment_number(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+l")
        assert isinstance(app.screen, GoToScreen)
        await pilot.press("1", "2", "enter")
        assert cursor_position(app) == 12
        await pilot.press("ctrl+l", "9", "9", "enter")  # out of range: refused, dialog stays
        assert isinstance(app.screen, GoToScreen)
        await pilot.press("escape")
        assert cursor_position(app) == 12


async def test_search_shows_only_matching_segments(
    make_app: AppFactory, seeded_database: Database
) -> None:
    save_as(seeded_database, "bob", segment_at(seeded_database, 1, 4).id, "Blinken arrived", 0)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+f")
        await press_run(pilot, *"blinken")
        await pilot.press("enter")
        assert shown_positions(app) == [4]
        assert cursor_position(app) == 4
        await pilot.press("ctrl+f")
        await press_run(pilot, *"كازاخستان")  # Arabic, in the source
        await pilot.press("enter")
        with seeded_database.read() as session:
            expected = session.scalar(
                select(func.count()).where(
                    Segment.document_id == 1, Segment.source.contains("كازاخستان")
                )
            )
        assert expected and len(shown_positions(app)) == expected
        await pilot.press("ctrl+f", "ctrl+a", "ctrl+k", "enter")  # empty search shows all
        assert len(shown_positions(app)) == 17


async def test_status_filter_cycles_through_statuses_present(
    make_app: AppFactory, seeded_database: Database
) -> None:
    third = segment_at(seeded_database, 1, 3).id
    save_as(seeded_database, "bob", third, "Done", 0, status="translated")
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f4")
        assert main_screen(app).rows.filter.status == "new"  # type: ignore[union-attr]
        assert 3 not in shown_positions(app) and len(shown_positions(app)) == 16
        await pilot.press("f4")  # no draft segment: skipped
        assert main_screen(app).rows.filter.status == "translated"  # type: ignore[union-attr]
        assert shown_positions(app) == [3]
        assert cursor_position(app) == 3
        await pilot.press("f4")  # nothing reviewed, approved or rejected: back to all
        assert main_screen(app).rows.filter.status is None  # type: ignore[union-attr]
        assert len(shown_positions(app)) == 17


async def test_go_to_a_filtered_out_segment_clears_the_filter(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+f")
        await press_run(pilot, *"blinken")  # nothing matches yet
        await pilot.press("enter")
        await pilot.press("ctrl+l", "7", "enter")
        assert cursor_position(app) == 7
        assert len(shown_positions(app)) == 17


async def test_document_picker_switches_document(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f2")
        picker = app.screen.query_one(DocumentPicker)
        assert picker.display and picker.has_focus
        await pilot.press("down", "down", "enter")
        assert main_screen(app).document_id == 3
        assert app.screen is main_screen(app)  # the list is gone
        assert main_screen(app).editor.has_focus
        assert cursor_position(app) == 1


async def test_command_palette_runs_actions(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+p")
        await press_run(pilot, *"Show only new")
        await pilot.press("enter")
        await pilot.pause()
        assert main_screen(app).rows.filter.status == "new"  # type: ignore[union-attr]
        await pilot.press("ctrl+p")
        await press_run(pilot, *"Open document 2")
        await pilot.press("enter")
        await pilot.pause()
        assert main_screen(app).document_id == 2


async def test_mouse_wheel_scrolls_the_list_without_moving_the_cursor(make_app: AppFactory) -> None:
    app = make_app(document_id=3)
    async with app.run_test(size=(120, 24)) as pilot:
        segment_list = main_screen(app).segment_list
        segment_list.post_message(
            events.MouseScrollDown(segment_list, 5, 5, 0, 0, 0, False, False, False)
        )
        await pilot.pause()
        assert segment_list.scroll_offset.y > 0
        assert cursor_position(app) == 1


async def test_escape_closes_the_document_list(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f2", "escape")
        assert app.screen is main_screen(app) and not app.screen.query(DocumentPicker)
        assert main_screen(app).editor.has_focus
        assert main_screen(app).document_id == 1
