"""Claim form benchmark: CPU of building the claim form, and of a Tab between its fields.

What a fact-checker pays the first time she tags a claim in a session (the form is built then,
and shown again afterwards), and at every Tab through its thirteen fields; every Pilot test that
tags a claim builds it too. The workbench app is started headless at 80x24 on a copy of a seeded
SQLite database (no MT model), the form opened over the main screen for a seed segment, and Tab
pressed 20 times; each figure is the process's CPU time (time.process_time) from the call or key
until the app is idle, median over the rounds (a new app each round). The baseline, measured in
the same run the same way: a bare Textual app whose modal screen holds the same fields (six
compact Selects, six compact Inputs, a TextArea, three Buttons) in rows of a scrolling column.
Run main's code and a branch's back to back (PYTHONPATH) to compare them; the ratios move less
with the load than the milliseconds.

    .venv/bin/python bench/tui_claim_form.py [--rounds N]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.app import App, ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.pilot import Pilot
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, TextArea

sys.path.insert(0, str(Path(__file__).resolve().parent))

# The seeded app, built as the start-up bench builds it.
from tui_start import isolated_factory

from workbench.store.database import Database

SIZE = (80, 24)
TABS = 20
CHOICES = [(f"choice {number}", str(number)) for number in range(6)]


class BareForm(ModalScreen[None]):
    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Label("A claim")
            for number in range(13):
                with Horizontal(classes="row"):
                    yield Label(f"Field {number}")
                    if number in (0, 1, 5, 9, 10, 11):
                        yield Select(CHOICES, compact=True)
                    elif number == 8:
                        yield TextArea(compact=True)
                    else:
                        yield Input(compact=True)
            with Horizontal(classes="row"):
                yield Button("Choose", compact=True)
                yield Button("Save")
                yield Button("Cancel")


class BareApp(App[None]):
    CSS = """
    BareForm VerticalScroll { width: 80; height: auto; max-height: 90%; }
    .row { height: auto; margin-bottom: 1; }
    .row Select, .row Input, .row TextArea { width: 1fr; }
    .row TextArea { height: 3; }
    """


async def _cpu(action: Callable[[], Awaitable[object]]) -> float:
    start = time.process_time()
    await action()
    return time.process_time() - start


async def _round(app: App[None], open_form: Callable[[Pilot[None]], object]) -> tuple[float, float]:
    """CPU of opening the form until idle, and the median CPU of a Tab in it."""
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()

        async def opening() -> None:
            open_form(pilot)
            await pilot.pause()

        opened = await _cpu(opening)
        tabs = [await _cpu(lambda: pilot.press("tab")) for _ in range(TABS)]
    return opened, statistics.median(tabs)


def _open_workbench_form(pilot: Pilot[None]) -> None:
    from workbench.tui.app import WorkbenchApp

    app = pilot.app
    assert isinstance(app, WorkbenchApp) and app.main_screen is not None
    current = app.main_screen.current
    assert current is not None
    row = current.row
    app.main_screen.open_claim_form(row.id, row.position, "ar", row.source, (0, 3), other=None)


async def _rounds(
    make: Callable[[int], App[None]], open_form: Callable[[Pilot[None]], object], rounds: int
) -> tuple[float, float]:
    await _round(make(-1), open_form)  # the first also imports and warms the caches
    results = [await _round(make(number), open_form) for number in range(rounds)]
    return statistics.median(r[0] for r in results), statistics.median(r[1] for r in results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tui-claim-form-") as folder:
        opened: list[Database] = []
        make = isolated_factory(Path(folder), opened)
        bare = asyncio.run(
            _rounds(
                lambda _: BareApp(), lambda pilot: pilot.app.push_screen(BareForm()), args.rounds
            )
        )
        ours = asyncio.run(_rounds(make, _open_workbench_form, args.rounds))
        for database in opened:
            database.dispose()
    for name, index in (("open", 0), ("tab", 1)):
        print(
            f"{name:5} workbench ms {ours[index] * 1000:6.1f}   bare ms {bare[index] * 1000:6.1f}"
            f"   ratio {ours[index] / bare[index]:5.2f}"
        )
    print(f"CPU (time.process_time) until idle, at {SIZE[0]}x{SIZE[1]}; medians of {args.rounds}")


if __name__ == "__main__":
    main()
