"""The statistics screen under Pilot: its figures are those of `load_stats`, every heading says
which way is better, and the chart switches metric."""

from __future__ import annotations

import io

from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import Static

from tests.tui.conftest import AppFactory
from tests.tui.review_desk import set_up_desk
from workbench.review.metrics import heading
from workbench.review.records import load_stats
from workbench.services.documents import rename_document
from workbench.services.review import reject_segment
from workbench.store.database import Database
from workbench.tui.app import WorkbenchApp
from workbench.tui.stats.screen import StatsScreen
from workbench.tui.stats.view import figure


def drawn(app: WorkbenchApp, widget_id: str) -> str:
    static = app.screen.query_one(widget_id, Static)
    console = Console(width=static.size.width, record=True, file=io.StringIO())
    console.print(static.content)
    return console.export_text()


async def test_statistics_show_the_figures_of_load_stats(
    make_app: AppFactory, seeded_database: Database
) -> None:
    _, second, _ = set_up_desk(seeded_database)
    reject_segment(seeded_database, "badr", second.id, "Redo", expect_version=1)
    with seeded_database.read() as session:
        expected = load_stats(session, "editor")
    amal = next(group for group in expected.groups if group.label == "amal")
    assert amal.segments == 2 and amal.hter is not None and amal.hter > 0

    app = make_app(user="lead")
    async with app.run_test(size=(150, 50)) as pilot:
        await pilot.press("f10")
        assert isinstance(app.screen, StatsScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        editors = drawn(app, "#stats-editors")
        amal_line = next(line for line in editors.splitlines() if line.strip().startswith("amal"))
        for metric in ("hter", "chrf", "bleu"):
            assert figure(metric, getattr(amal, metric)) in amal_line
        assert "HTER ↓" in editors and "chrF ↑" in editors and "s/word ↓" in editors
        chadi_line = next(line for line in editors.splitlines() if "chadi" in line)
        assert "100%" in chadi_line  # chadi's one reviewed text was rejected
        chart = drawn(app, "#stats-chart")
        assert heading("hter") in chart
        assert figure("hter", amal.hter) in chart
        await pilot.press("c")
        assert heading("chrf") in drawn(app, "#stats-chart")
        assert "1: " in drawn(app, "#stats-documents")
        await pilot.press("escape")
        assert not isinstance(app.screen, StatsScreen)


async def _open_statistics(app: WorkbenchApp, pilot: Pilot[None]) -> StatsScreen:
    await pilot.press("f10")
    assert isinstance(app.screen, StatsScreen)
    await app.workers.wait_for_complete()
    await pilot.pause()
    return app.screen


async def test_statistics_shown_again_are_recomputed_only_when_their_records_changed(
    make_app: AppFactory, seeded_database: Database
) -> None:
    """Opened again unchanged, the screen keeps the figures it computed (a few aggregates say
    so); a review, a new text or a new title since makes it compute and show them afresh."""
    _, second, _ = set_up_desk(seeded_database)
    app = make_app(user="lead")
    async with app.run_test(size=(150, 50)) as pilot:
        screen = await _open_statistics(app, pilot)
        first = screen.by_editor
        assert first is not None
        chadi = next(line for line in drawn(app, "#stats-editors").splitlines() if "chadi" in line)
        assert "100%" not in chadi  # nothing of chadi's reviewed yet
        await pilot.press("escape")
        assert await _open_statistics(app, pilot) is screen and screen.by_editor is first

        await pilot.press("escape")
        reject_segment(seeded_database, "badr", second.id, "Redo", expect_version=1)
        await _open_statistics(app, pilot)
        assert screen.by_editor is not first
        chadi = next(line for line in drawn(app, "#stats-editors").splitlines() if "chadi" in line)
        assert "100%" in chadi  # chadi's one reviewed text was rejected

        await pilot.press("escape")
        rename_document(seeded_database, "lead", 1, "Renamed while away")
        await _open_statistics(app, pilot)
        assert "1: Renamed while away" in drawn(app, "#stats-documents")
