"""The statistics screen (F10) keeps every column legible: at 80 columns (most terminals and SSH
sessions) a compact table, each row on one line with its names whole and its headings uncut,
spelled out by the legend; from 120 columns the full table as before. Pilot at three sizes, and
the real app in an 80x24 tmux terminal."""

from __future__ import annotations

import dataclasses
import io
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from rich.console import Console

from tests.tui.conftest import AppFactory
from tests.tui.review_desk import NO_GATES, set_up_desk
from tests.tui.test_tmux import Tmux, quit_app, start_app
from workbench.config import load_settings
from workbench.review.records import load_stats
from workbench.review.stats import GroupStats, StatsReport
from workbench.services.review import approve_segment, reject_segment
from workbench.services.seeding import seed_if_empty
from workbench.store.database import Database, open_database
from workbench.tui.app import WorkbenchApp
from workbench.tui.stats.screen import StatsScreen
from workbench.tui.stats.view import compact_table

COMPACT = ("segs", "HTER↓", "chrF↑", "BLEU↑", "s/w↓", "keys↓", "appr↑", "rej↓", "revs")
FULL = ("segs", "HTER ↓", "chrF ↑", "BLEU ↑", "s/word ↓", "keystrokes ↓", "approved ↑")
FULL += ("rejected ↓", "reviews")
SPELLED_OUT = ("s/w (s/word) ↓", "keys (keystrokes) ↓", "appr (approved) ↑", "rej (rejected) ↓")


def reviewed_desk(database: Database, url: str) -> None:
    """amal's first text approved, chadi's rejected (tests/tui/review_desk.py)."""
    first, second, _ = set_up_desk(database)
    gates_off = load_settings(db_url=url, user="lead", **NO_GATES)
    approve_segment(database, "badr", first.id, settings=gates_off, expect_version=1)
    reject_segment(database, "badr", second.id, "Redo", expect_version=1)


def cells(group: GroupStats, compact: bool) -> list[str]:
    """What a row shows after the name, written here independently of the screen's code."""

    def number(value: float | None, digits: int) -> str:
        return "-" if value is None else f"{value:.{digits}f}"

    def rate(value: float | None) -> str:
        return "-" if value is None else f"{100 * value:.0f}%"

    timing = number(group.seconds_per_word, 2)
    if compact:
        timing += "*" if group.outliers_cut else ""
    else:
        timing += f" ({group.timed_segments} timed)"
    keystrokes = "-" if group.keystrokes is None else str(group.keystrokes)
    figures = [number(group.hter, 1), number(group.chrf, 1), number(group.bleu, 1), timing]
    rates = [rate(group.approval_rate), rate(group.rejection_rate)]
    return [str(group.segments), *figures, keystrokes, *rates, str(group.reviews)]


def tokens(line: str) -> str:
    """The words of a line, without the table's rules or the scroll bar's ends."""
    return " ".join(line.replace("│", " ").rstrip("▁▂▃▄▅▆▇ ").split())


def row_of(lines: list[str], name: str) -> str:
    return next(tokens(line) for line in lines if tokens(line).startswith(name + " "))


def heading_line(lines: list[str], title: str) -> str:
    return lines[next(i for i, line in enumerate(lines) if line.strip() == title) + 1]


def screen_text(app: WorkbenchApp) -> list[str]:
    """The picture on the terminal, line by line (the screen's compositor, as Textual draws)."""
    strips = app.screen._compositor.render_strips()
    return ["".join(segment.text for segment in strip).rstrip() for strip in strips]


@pytest.mark.parametrize(
    ("size", "compact"), [((80, 24), True), ((100, 30), True), ((120, 40), False)]
)
async def test_every_column_and_name_on_one_line(
    make_app: AppFactory,
    seeded_database: Database,
    db_url: str,
    size: tuple[int, int],
    compact: bool,
) -> None:
    reviewed_desk(seeded_database, db_url)
    with seeded_database.read() as session:
        by_editor = load_stats(session, "editor")
    app = make_app(user="lead")
    async with app.run_test(size=size) as pilot:
        await pilot.press("f10")
        assert isinstance(app.screen, StatsScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        lines = screen_text(app)
        headings = heading_line(lines, "By editor")
        assert "…" not in headings
        for heading in ("editor", *(COMPACT if compact else FULL)):
            assert heading in headings, (heading, headings)
        for group in by_editor.groups:  # each editor's name whole, with all its figures
            assert row_of(lines, group.label) == " ".join([group.label, *cells(group, compact)])
        assert row_of(lines, "all") == " ".join(["all", *cells(by_editor.overall, compact)])
        if compact:
            await pilot.press("end")  # the legend, under the tables
            await pilot.pause()
            legend = "\n".join(screen_text(app))
            assert all(name in legend for name in SPELLED_OUT), legend
            assert "revs: reviews" in legend


def test_the_compact_table_fits_large_counts_and_long_names_in_76_cells(
    seeded_database: Database, db_url: str
) -> None:
    """Counts of a large desk and a 12-character login name, in what 80 columns leave."""
    reviewed_desk(seeded_database, db_url)
    with seeded_database.read() as session:
        report = load_stats(session, "editor")
    busy = dataclasses.replace(
        report.groups[0],
        label="amina.khalil",
        segments=48_500,
        keystrokes=1_234_567,
        reviews=12_345,
        outliers_cut=3,
        seconds_per_word=12.345,
    )
    large = StatsReport(
        by="editor", overall=dataclasses.replace(busy, segments=50_000), groups=[busy]
    )
    console = Console(width=76, file=io.StringIO(), record=True)
    console.print(compact_table(large, "By editor"))
    lines = console.export_text().splitlines()
    assert max(map(len, lines)) <= 76
    assert tokens(lines[1]).split() == ["editor", *COMPACT]
    row = row_of(lines, "amina.khalil").split()
    assert row[1] == "48500" and row[5] == "12.35*" and row[6] == "1.2M" and row[9] == "12345"
    assert row_of(lines, "all").split()[1] == "50000"


@pytest.fixture
def tmux() -> Iterator[Tmux]:
    server = Tmux(f"workbench-stats-{os.getpid()}")
    yield server
    server("kill-server", check=False)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_statistics_at_80x24_in_tmux(tmux: Tmux, tmp_path: Path) -> None:
    db_path = tmp_path / "stats.sqlite"
    url = f"sqlite:///{db_path}"
    database = open_database(url)
    try:
        seed_if_empty(database, "importer")
        reviewed_desk(database, url)
        with database.read() as session:
            amal = next(g for g in load_stats(session, "editor").groups if g.label == "amal")
    finally:
        database.dispose()
    (tmp_path / "argos").mkdir()
    start_app(tmux, db_path, tmp_path / "argos", lines=24, columns=80, args=("tui",))
    tmux.wait_for("Segment 1 of ")
    tmux.key("F10")
    lines = tmux.wait_for("amal ").splitlines()
    assert len(lines) <= 24 and max(map(len, lines)) <= 80
    assert tokens(heading_line(lines, "By editor")).split() == ["editor", *COMPACT]
    assert row_of(lines, "amal") == " ".join(["amal", *cells(amal, compact=True)])
    assert row_of(lines, "chadi").startswith("chadi 0 - - -")
    tmux.key("End")
    legend = tmux.wait_for("revs: reviews")
    assert all(name in legend for name in SPELLED_OUT), legend
    tmux.key("Escape")
    tmux.wait_for("Segment 1 of ")
    quit_app(tmux)
