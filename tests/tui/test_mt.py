"""Machine translation in the app, with the real test model: background run, cancel, copy, pick."""

from __future__ import annotations

import asyncio
import time

from sqlalchemy import func, select
from textual.widgets import ProgressBar
from textual.worker import WorkerState

from tests.tui.conftest import AppFactory, main_screen, segment_at
from tests.tui.key_runs import press_run
from tests.tui.test_editing import cursor_position
from workbench.mt.packages import InstalledModel
from workbench.services.translation import translate_segments
from workbench.store.database import Database
from workbench.store.models import Segment
from workbench.tui.app import WorkbenchApp


def count_mt(database: Database) -> tuple[int, int]:
    with database.read() as session:
        total, with_mt = session.execute(select(func.count(), func.count(Segment.mt))).one()
    return total, with_mt


MT_DEADLINE_S = 180  # seconds; see mt_worker_done


async def mt_worker_done(app: WorkbenchApp) -> WorkerState:
    worker = app.mt_worker
    assert worker is not None, "no MT worker was started"
    # A deadline, not a count of sleeps: with parallel workers (make test) the model loads and
    # translates several times slower than alone, and the wait ends as soon as the work does.
    deadline = time.monotonic() + MT_DEADLINE_S
    while not worker.is_finished and time.monotonic() < deadline:
        await asyncio.sleep(0.01)
    await asyncio.sleep(0.05)
    return worker.state


async def test_fresh_database_is_translated_in_the_background(
    make_few_seeds_app: AppFactory, few_seeds_database: Database, argos_model: InstalledModel
) -> None:
    # Two seed articles (39 segments, FEW_SEEDS) rather than all five: the open document first,
    # then the other, still over a second of decoding after the bar shows, while the keys are
    # typed; more documents would only lengthen the same run.
    seeded_database = few_seeds_database
    app = make_few_seeds_app(translate=True)
    async with app.run_test(size=(120, 36)) as pilot:
        bar = main_screen(app).query_one("#mt-progress", ProgressBar)
        # The bar shows once the model is loaded and the work counted.
        deadline = time.monotonic() + MT_DEADLINE_S
        while not (bar.display or (app.mt_worker and app.mt_worker.is_finished)):
            if time.monotonic() > deadline:
                break
            await asyncio.sleep(0.01)
        assert bar.display, "the progress bar never showed"
        await press_run(pilot, *"typing meanwhile")  # the screen is usable while MT runs
        assert await mt_worker_done(app) is WorkerState.SUCCESS
        await pilot.pause()
        assert not main_screen(app).query_one("#mt-progress", ProgressBar).display
        total, with_mt = count_mt(seeded_database)
        assert with_mt == total == 39
        current = main_screen(app).current
        assert current is not None and current.row.mt  # the open segment got its MT
        assert main_screen(app).editor.text == "typing meanwhile"
        row = main_screen(app).segment_list.render_line(1).text
        assert segment_at(seeded_database, 1, 2).mt[:20] in row  # type: ignore[index]


async def test_background_translation_can_be_stopped(
    make_app: AppFactory, seeded_database: Database, argos_model: InstalledModel
) -> None:
    # Small batches: the stop is asked between batches, and the batch being decoded (and the
    # one decoded ahead) still finish in the worker thread, which the test's event loop waits
    # for at teardown. With the default 32 that was the whole first document (12-50 s).
    app = make_app(translate=True, mt_batch_size=2)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f8")
        assert await mt_worker_done(app) is WorkerState.CANCELLED
    total, with_mt = count_mt(seeded_database)
    assert with_mt < total


async def test_copy_mt_then_confirm_stores_the_mt_as_target(
    make_app: AppFactory, seeded_database: Database, argos_model: InstalledModel
) -> None:
    settings_app = make_app()
    # The open segment's MT is all the test reads: the first segment's (not its document's).
    translate_segments(seeded_database, settings_app.settings, document_id=1, limit=1)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+t")
        mt = segment_at(seeded_database, 1, 1).mt
        assert mt and main_screen(app).editor.text == mt
        await pilot.press("ctrl+z")  # copying MT can be undone
        assert main_screen(app).editor.text == ""
        await pilot.press("ctrl+t", "enter")
        assert cursor_position(app) == 2
    first = segment_at(seeded_database, 1, 1)
    assert (first.target, first.status) == (mt, "translated")


async def test_alternatives_are_offered_and_picked_by_key(
    make_app: AppFactory, seeded_database: Database, argos_model: InstalledModel
) -> None:
    settings_app = make_app()
    # The open segment's MT is all the test reads: the first segment's (not its document's).
    translate_segments(seeded_database, settings_app.settings, document_id=1, limit=1)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        # The engine loads in a worker thread, then alternatives come.
        deadline = time.monotonic() + MT_DEADLINE_S
        while not main_screen(app).detail.alternatives and time.monotonic() < deadline:
            await asyncio.sleep(0.02)
        alternatives = main_screen(app).detail.alternatives
        assert alternatives, "no alternatives were shown"
        shown = "\n".join(main_screen(app).detail.texts.text_lines)
        assert f"alt+1 {alternatives[0][:30]}" in shown
        assert segment_at(seeded_database, 1, 1).mt not in alternatives
        assert len(alternatives) == 3  # mt_num_hypotheses
        await pilot.press("alt+3")
        assert main_screen(app).editor.text == alternatives[2]
        await pilot.press("alt+1")
        assert main_screen(app).editor.text == alternatives[0]
        await pilot.press("enter")
    assert segment_at(seeded_database, 1, 1).target == alternatives[0]
