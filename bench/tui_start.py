"""TUI start-up benchmark: CPU of starting the workbench app on the seeds until it is idle.

What every Pilot test pays before its first key, and the user at each start: the app is built
on a copy of a seeded SQLite database (no MT model, no translation), started headless at 120x36
through `run_test`, and left to settle (one Pilot pause: the screen painted, the segment opened,
its aids looked up); the figure is the process's CPU time (time.process_time) from building the
app to the end of that pause, median over the rounds. The baseline, measured in the same run the
same way: a bare Textual app with a label, a text area and a footer. Run main's code and a
branch's back to back (PYTHONPATH) to compare them; the ratio moves less with the load than
the milliseconds.

    .venv/bin/python bench/tui_start.py [--rounds N]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Footer, Label, TextArea

from workbench.store.database import Database

SIZE = (120, 36)


class BareApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Label("baseline")
        yield TextArea("a text to edit")
        yield Footer()


async def _settle(app: App[None]) -> float:
    start = time.process_time()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
    return time.process_time() - start


def _workbench_factory(folder: Path, opened: list[Database]) -> Callable[[int], App[None]]:
    from workbench.config import load_settings
    from workbench.services.seeding import seed_if_empty
    from workbench.store.database import open_database
    from workbench.tui.app import WorkbenchApp

    template = folder / "template.sqlite"
    database = open_database(f"sqlite:///{template}")
    seed_if_empty(database, "importer")
    database.dispose()

    def make(round_: int) -> App[None]:
        path = folder / f"round-{round_}.sqlite"
        shutil.copyfile(template, path)
        url = f"sqlite:///{path}"
        settings = load_settings(db_url=url, user="bench")
        opened.append(open_database(url))
        environ = {"TERM": "xterm-256color"}
        return WorkbenchApp(settings, opened[-1], environ=environ, translate=False)

    return make


async def _rounds(make: Callable[[int], App[None]], rounds: int) -> float:
    await _settle(make(-1))  # the first start also imports and warms the caches
    return statistics.median([await _settle(make(round_)) for round_ in range(rounds)])


def isolated_factory(folder: Path, opened: list[Database]) -> Callable[[int], App[None]]:
    """`_workbench_factory` in `folder`, with the collector's passes cleared for the rounds."""
    # Never the developer's own config, recovery journal or MT models.
    os.environ["WORKBENCH_CONFIG"] = str(folder / "no-config.toml")
    os.environ["XDG_STATE_HOME"] = str(folder / "state")
    os.environ["ARGOS_PACKAGES_DIR"] = str(folder / "no-models")
    make = _workbench_factory(folder, opened)
    gc.collect()
    gc.freeze()  # as the test suite does: the modules' objects out of the collector's passes
    return make


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tui-start-") as folder:
        opened: list[Database] = []
        make = isolated_factory(Path(folder), opened)
        bare = asyncio.run(_rounds(lambda _: BareApp(), args.rounds))
        workbench = asyncio.run(_rounds(make, args.rounds))
        for database in opened:
            database.dispose()
    print(f"bare app start ms    {bare * 1000:6.1f}")
    print(f"workbench start ms   {workbench * 1000:6.1f}")
    print(f"ratio                {workbench / bare:6.2f}")
    print("CPU (time.process_time) from building the app to idle after one Pilot pause; median")


if __name__ == "__main__":
    main()
