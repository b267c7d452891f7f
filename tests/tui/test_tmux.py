"""The real app in a real terminal (tmux): type a correction, confirm it, read it back from the DB.

One key per send-keys, as a person types; COLUMNS and LINES unset (pytest's readline import sets
them and Textual would believe them instead of the terminal).
"""

from __future__ import annotations

import os
import re
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


def start_app(
    tmux: Tmux,
    db_path: Path,
    packages_dir: Path,
    *,
    lines: int = 36,
    columns: int = 120,
    args: tuple[str, ...] = (),
) -> None:
    command = [
        "env",
        "-u",
        "COLUMNS",
        "-u",
        "LINES",
        f"PYTHONPATH={REPO_ROOT}",
        f"WORKBENCH_CONFIG={db_path.parent / 'none.toml'}",
        f"ARGOS_PACKAGES_DIR={packages_dir}",
        "TERM=xterm-256color",
        sys.executable,
        "-m",
        "workbench",
        "--db",
        str(db_path),
        "--user",
        "tess",
        *args,
    ]
    size = ("-x", str(columns), "-y", str(lines))
    tmux("new-session", "-d", "-s", "app", *size, " ".join(command))


def quit_app(tmux: Tmux) -> None:
    tmux.key("C-q")
    deadline = time.monotonic() + 30
    while tmux.alive() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not tmux.alive(), "ctrl+q did not close the app"


def test_type_confirm_and_read_back(tmux: Tmux, tmp_path: Path) -> None:
    db_path = tmp_path / "tmux.sqlite"
    (tmp_path / "argos").mkdir()
    start_app(tmux, db_path, tmp_path / "argos")
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
    quit_app(tmux)

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


def shown_alternative(screen: str, number: int) -> str:
    """The first line of MT alternative `number` as the detail pane shows it."""
    match = re.search(rf"^ *alt\+{number} (.+?) *$", screen, re.MULTILINE)
    assert match, f"alternative {number} is not shown:\n{screen}"
    return match.group(1)


def test_alt_digits_pick_alternatives_and_pound_stays_text(
    tmux: Tmux, tmp_path: Path, argos_model_dir: Path
) -> None:
    """Without kitty's protocol Alt+3 arrives as ESC 3, which Textual alone reads as "£"."""
    db_path = tmp_path / "tmux.sqlite"
    # How many lines the model's English takes depends on the CPU (CTranslate2 picks its kernels
    # by instruction set): a tall terminal shows the three alternatives whatever their length.
    start_app(tmux, db_path, argos_model_dir, lines=60)
    deadline = time.monotonic() + 60
    # Wait for the background MT to finish too: its arrival redraws the open segment.
    while "f8 stops" in (screen := tmux.wait_for("alt+3 ")) and time.monotonic() < deadline:
        time.sleep(0.2)
    third, first = shown_alternative(screen, 3), shown_alternative(screen, 1)
    assert third != first

    tmux.key("M-3")
    tmux.wait_for(f"▊ {third}")
    tmux.key("£")  # a real pound sign typed on the keyboard is text, not alternative 3
    tmux.key("Enter")
    tmux.wait_for("Segment 2 of 17")
    screen = tmux.wait_for("alt+1 ")
    first = shown_alternative(screen, 1)
    tmux.key("M-1")
    tmux.wait_for(f"▊ {first}")
    tmux.key("Enter")
    tmux.wait_for("Segment 3 of 17")
    quit_app(tmux)

    database = open_database(f"sqlite:///{db_path}")
    try:
        picked_third = segment_at(database, 1, 1)
        assert picked_third.target is not None and picked_third.target.startswith(third)
        assert picked_third.target.endswith("£") and picked_third.target != picked_third.mt + "£"
        picked_first = segment_at(database, 1, 2)
        assert picked_first.target is not None and picked_first.target.startswith(first)
        assert picked_first.target != picked_first.mt
    finally:
        database.dispose()
