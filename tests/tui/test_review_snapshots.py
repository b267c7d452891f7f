"""Screenshots of the review desk and the statistics screen (see test_snapshots.py for how to
update them after a deliberate change)."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from tests.tui.conftest import AppFactory
from tests.tui.review_desk import NO_GATES, set_up_desk
from tests.tui.test_snapshots import SIZE, SnapCompare, steady
from workbench.services.review import approve_segment
from workbench.store.database import Database


def test_review_screen(
    snap_compare: SnapCompare, make_app: AppFactory, seeded_database: Database
) -> None:
    set_up_desk(seeded_database)

    async def review_shown(pilot: Pilot[Any]) -> None:
        await steady(pilot)
        await pilot.press("f9", "down")
        await pilot.pause()

    app = make_app(user="badr", **NO_GATES)
    assert snap_compare(app, terminal_size=SIZE, run_before=review_shown)


def test_statistics_screen(
    snap_compare: SnapCompare, make_app: AppFactory, seeded_database: Database
) -> None:
    first, _, _ = set_up_desk(seeded_database)
    gates_off = make_app(**NO_GATES).settings
    approve_segment(seeded_database, "badr", first.id, settings=gates_off, expect_version=1)

    async def statistics_shown(pilot: Pilot[Any]) -> None:
        await steady(pilot)
        await pilot.press("f10")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(make_app(user="lead"), terminal_size=SIZE, run_before=statistics_shown)
