"""Typed work survives the terminal: machine-speed bursts, bracketed paste, hang-ups, kill -9.

The real app in tmux on a real SQLite file, read back from the database afterwards. Bursts are
sent as one `send-keys -l TEXT` immediately followed by Enter in the same tmux command, which is
what a paste without bracketed paste or a text expander does.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tui.conftest import segment_at
from tests.tui.test_tmux import Tmux, quit_app, start_app, tmux  # noqa: F401 (a fixture)
from workbench.store.database import open_database

pytestmark = [pytest.mark.slow]

SENTENCES = (
    "Flash flooding is possible with rapidly deteriorating conditions in the valleys tonight.",
    "The ministry said that twenty-seven people were rescued from the roofs of their houses.",
    "Schools in the eastern districts will stay closed until the roads are cleared again.",
    "Residents were urged to avoid the coastal road, which was cut in three places by mud.",
    "The army sent helicopters and boats to the villages that the water had isolated.",
    "Forecasters expect the rain to ease by Thursday, although more storms may follow.",
)


def burst(text: str) -> list[str]:
    """The tmux arguments that type `text` at once and press Enter right after it."""
    return ["send-keys", "-t", "app", "-l", text, ";", "send-keys", "-t", "app", "Enter"]


def targets(db_path: Path, count: int) -> list[str | None]:
    database = open_database(f"sqlite:///{db_path}")
    try:
        return [segment_at(database, 1, position).target for position in range(1, count + 1)]
    finally:
        database.dispose()


def test_bursts_and_enter_land_whole_in_their_own_segments(tmux: Tmux, tmp_path: Path) -> None:  # noqa: F811
    db_path = tmp_path / "burst.sqlite"
    (tmp_path / "argos").mkdir()
    start_app(tmux, db_path, tmp_path / "argos")
    tmux.wait_for("Segment 1 of 17")
    args: list[str] = []
    for sentence in SENTENCES:
        args += [*burst(sentence), ";"]
    tmux(*args[:-1])  # six bursts in one go: nothing waits for the screen in between
    tmux.wait_for(f"Segment {len(SENTENCES) + 1} of 17")
    quit_app(tmux)
    assert targets(db_path, len(SENTENCES) + 1) == [*SENTENCES, None]


def test_bracketed_paste_then_enter(tmux: Tmux, tmp_path: Path) -> None:  # noqa: F811
    db_path = tmp_path / "paste.sqlite"
    (tmp_path / "argos").mkdir()
    start_app(tmux, db_path, tmp_path / "argos")
    tmux.wait_for("Segment 1 of 17")
    for sentence in SENTENCES[:3]:
        tmux("set-buffer", "-b", "wb", sentence)
        # -p: bracketed, as the app asked the terminal for; Enter follows in the same command.
        tmux("paste-buffer", "-p", "-b", "wb", "-t", "app", ";", "send-keys", "-t", "app", "Enter")
    tmux.wait_for("Segment 4 of 17")
    quit_app(tmux)
    assert targets(db_path, 4) == [*SENTENCES[:3], None]
