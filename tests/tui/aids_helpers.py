"""Waiting for what the main screen computes beside the open segment (TM in a worker, QA after a
pause), and reading what the detail pane shows."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot

from tests.tui.conftest import main_screen
from workbench.tui.app import WorkbenchApp


async def wait_for(
    pilot: Pilot[None], condition: Callable[[], object], seconds: float = 5.0
) -> None:
    """Let the app run until `condition()` holds (the TM worker and the QA timer are async)."""
    for _ in range(int(seconds / 0.02)):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError(f"gave up waiting after {seconds} s")


def tm_rows(app: WorkbenchApp) -> list[str]:
    tm = main_screen(app).detail.tm
    return str(tm.render()).splitlines() if tm.display else []


def qa_codes(app: WorkbenchApp) -> list[str]:
    qa = main_screen(app).detail.qa
    return [issue.code for issue in qa.issues] if qa.display else []
