"""What Enter no longer does twice, checked against the database: the row shown after a save is the
row stored (it comes back from the UPDATE, not from a second read), the next unfinished segment is
found however far it is (reads that start short and grow), and the last segment's memory matches
and checks go the moment another segment opens (their rows kept blank until the new ones come)."""

from __future__ import annotations

import dataclasses

import pytest

from tests.tui.aids_helpers import tm_rows, wait_for
from tests.tui.conftest import AppFactory, main_screen, save_as, segment_at
from tests.tui.test_editing import cursor_position, editor_text
from workbench.services.editing import record_machine_translations
from workbench.store.database import Database
from workbench.store.queries import SegmentRow, as_utc
from workbench.tui.editor import navigation


def _comparable(row: SegmentRow) -> SegmentRow:
    """SQLite hands back stored times without their zone."""
    moment = as_utc(row.updated_at) if row.updated_at is not None else None
    return dataclasses.replace(row, updated_at=moment)


@pytest.mark.parametrize(("key", "status"), [("ctrl+s", "draft"), ("enter", "translated")])
async def test_the_row_shown_after_a_save_is_the_row_stored(
    make_app: AppFactory, seeded_database: Database, key: str, status: str
) -> None:
    first = segment_at(seeded_database, 1, 1)
    with seeded_database.write() as session:  # MT with a score: both must stay on the row
        record_machine_translations(
            session, {first.id: "Machine words."}, author=None, mt_package=None,
            mt_version=None, scores={first.id: 0.42},
        )  # fmt: skip
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press(*"Typed words", key)
        screen = main_screen(app)
        assert screen.work.rows is not None
        listed = screen.work.rows.row(0)
        current = screen.current
        assert current is not None
        kept = current.row if current.row.id == first.id else None
    stored = segment_at(seeded_database, 1, 1)
    assert (stored.target, stored.status, stored.mt_score) == ("Typed words", status, 0.42)
    assert _comparable(listed) == _comparable(stored)
    if kept is not None:  # ctrl+s stays on the segment: the editor holds the same row
        assert _comparable(kept) == _comparable(stored)


@pytest.mark.parametrize("first_batch", [1, 2, 3])
async def test_enter_finds_the_next_unfinished_segment_past_several_reads(
    make_app: AppFactory,
    seeded_database: Database,
    monkeypatch: pytest.MonkeyPatch,
    first_batch: int,
) -> None:
    monkeypatch.setattr(navigation, "FIRST_BATCH", first_batch)
    monkeypatch.setattr(navigation, "MAX_BATCH", 4)
    for position in range(2, 12):  # 2..11 confirmed by someone else: Enter on 1 goes to 12
        save_as(seeded_database, "bob", segment_at(seeded_database, 1, position).id, "Done.", 0,
                "translated")  # fmt: skip
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press(*"First", "enter")
        assert cursor_position(app) == 12
    assert segment_at(seeded_database, 1, 1).status == "translated"


async def test_another_segment_opened_drops_the_last_ones_matches_at_once(
    make_app: AppFactory, seeded_database: Database
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press(*"A report says", "enter")  # in the memory; on to the repeat, 2
        await wait_for(pilot, lambda: tm_rows(app))
        tm = main_screen(app).detail.tm
        await pilot.press("ctrl+down")  # to 3: its own matches come a moment later
        assert (tm.matches, tm.shown_text, tm_rows(app)) == ([], None, [])
        await pilot.press("alt+7")  # the repeat's match is not put into segment 3
        assert editor_text(app) == ""
        await pilot.press("ctrl+up")  # back to 2: its match is shown again
        await wait_for(pilot, lambda: tm_rows(app))
        assert "A report says" in tm_rows(app)[0]
