"""The real app in a real terminal (tmux): type a correction, confirm it, read it back from the DB.

One key per send-keys, as a person types; COLUMNS and LINES unset (pytest's readline import sets
them and Textual would believe them instead of the terminal).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT
from tests.tui.conftest import revisions_of, segment_at
from workbench.store.database import open_database

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

TEXT = "Polling stations closed."


class Tmux:
    def __init__(self, socket: str) -> None:
        self.socket = socket

    def __call__(self, *args: str, check: bool = True) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=False
        )
        if check and result.returncode != 0:
            raise AssertionError(f"tmux {' '.join(args)}: {result.stderr}")
        return result.stdout

    def alive(self) -> bool:
        return (
            subprocess.run(
                ["tmux", "-L", self.socket, "has-session", "-t", "app"],
                capture_output=True,
                check=False,
            ).returncode
            == 0
        )

    def screen(self) -> str:
        return self("capture-pane", "-p", "-t", "app")

    def wait_for(self, text: str, seconds: float = 60) -> str:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never appeared; the screen shows:\n{self.screen()}")

    def key(self, key: str) -> None:
        self("send-keys", "-t", "app", key)
        time.sleep(0.05)


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    server = Tmux(f"workbench-test-{os.getpid()}")
    yield server
    server("kill-server", check=False)


def test_type_confirm_and_read_back(tmux: Tmux, tmp_path: Path) -> None:
    db_path = tmp_path / "tmux.sqlite"
    (tmp_path / "argos").mkdir()
    command = [
        "env",
        "-u",
        "COLUMNS",
        "-u",
        "LINES",
        f"PYTHONPATH={REPO_ROOT}",
        f"WORKBENCH_CONFIG={tmp_path / 'none.toml'}",
        f"ARGOS_PACKAGES_DIR={tmp_path / 'argos'}",
        "TERM=xterm-256color",
        sys.executable,
        "-m",
        "workbench",
        "--db",
        str(db_path),
        "--user",
        "tess",
    ]
    tmux("new-session", "-d", "-s", "app", "-x", "120", "-y", "36", " ".join(command))
    first_screen = tmux.wait_for("Segment 1 of 17")
    # Inside tmux, bidi auto converts Arabic: the first word arrives shaped, in visual order.
    assert "ﻝﻮﻘﻳ" in first_screen and "يقول" not in first_screen

    for char in TEXT:
        tmux.key("Space" if char == " " else char)
    tmux.wait_for(TEXT)
    tmux.key("Enter")
    tmux.wait_for("Segment 2 of 17")
    # Segment 2 repeats segment 1: its English is offered from the memory; Alt+7 (ESC 7 from
    # the terminal) puts it into the target, and confirming saves it as the memory's work.
    tmux.wait_for(f"alt+7 100%  {TEXT}")
    tmux.key("M-7")
    tmux.key("Enter")
    tmux.wait_for("Segment 3 of 17")
    tmux.key("C-q")
    deadline = time.monotonic() + 30
    while tmux.alive() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not tmux.alive(), "ctrl+q did not close the app"

    database = open_database(f"sqlite:///{db_path}")
    try:
        first = segment_at(database, 1, 1)
        assert (first.target, first.status, first.updated_by) == (TEXT, "translated", "tess")
        (revision,) = revisions_of(database, first.id)
        assert revision.keystrokes == len(TEXT)
        assert revision.seconds_spent is not None and revision.seconds_spent > 0
        repeat = segment_at(database, 1, 2)
        assert (repeat.target, repeat.status) == (TEXT, "translated")
        assert [r.origin for r in revisions_of(database, repeat.id)] == ["tm"]
    finally:
        database.dispose()
