"""Progress bars for long CLI work, drawn on stderr so stdout stays clean for scripts."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TaskProgressColumn,
    TextColumn,
    TimeRemainingColumn,
)

RATE_INTERVAL_S = 0.25


class Advance:
    """Moves one bar on: `advance(n)`; `advance.restart(description, total)` starts the next
    phase of the same job on the same bar (e.g. checking files, then storing them)."""

    def __init__(self, progress: Progress, task: TaskID) -> None:
        self._progress = progress
        self._task = task
        self._rate_due = 0.0

    def __call__(self, count: int) -> None:
        if self._progress.disable:
            return  # no bar is drawn: nothing reads its count (a call per file of an import)
        self._progress.advance(self._task, count)
        # rich sums up to 1,000 samples per speed reading: read it a few times a second, not on
        # every file of a 100,000-file import.
        now = time.monotonic()
        if now < self._rate_due:
            return
        self._rate_due = now + RATE_INTERVAL_S
        speed = self._progress.tasks[0].speed
        if speed:
            self._progress.update(self._task, rate=f"{speed:,.0f}/s")

    def restart(self, description: str, total: int | None) -> None:
        self._progress.reset(self._task, total=total, description=description, rate="")


@contextmanager
def progress_bar(description: str, total: int | None, unit: str = "items") -> Iterator[Advance]:
    """Yield `advance(n)`; the bar is shown only when stderr is a terminal."""
    console = Console(stderr=True)
    columns = (
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn(unit),
        TaskProgressColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console, disable=not console.is_terminal) as progress:
        yield Advance(progress, progress.add_task(description, total=total, rate=""))
