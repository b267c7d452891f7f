"""The real app in an 80x24 tmux terminal: the longest seed sentence's Arabic, its MT and the
English being typed are on the screen together; ctrl+pagedown scrolls to the rest."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.tui.test_small_terminal import MT, longest_segments, prepare
from tests.tui.test_tmux import Tmux, quit_app, start_app
from workbench.services.seeding import seed_if_empty
from workbench.store.database import open_database


def arabic_letters(text: str) -> int:
    return sum(1 for char in text if char.isalpha() and not char.isascii())


pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


@pytest.fixture
def tmux() -> Iterator[Tmux]:
    server = Tmux(f"workbench-small-{os.getpid()}")
    yield server
    server("kill-server", check=False)


def test_arabic_mt_and_target_together_at_80x24(tmux: Tmux, tmp_path: Path) -> None:
    db_path = tmp_path / "small.sqlite"
    database = open_database(f"sqlite:///{db_path}")
    try:
        seed_if_empty(database, "importer")
        segment_id, document_id, position, source = longest_segments(database, 1)[0]
        prepare(database, segment_id, source)
    finally:
        database.dispose()
    (tmp_path / "argos").mkdir()
    start_app(
        tmux,
        db_path,
        tmp_path / "argos",
        lines=24,
        columns=80,
        args=("tui", "--doc", str(document_id)),
    )
    tmux.wait_for("Segment 1 of ")
    tmux.key("C-l")
    tmux.wait_for("Go to segment")
    for digit in str(position):
        tmux.key(digit)
    tmux.key("Enter")
    tmux.wait_for(f"Segment {position} of ")
    for char in "Done":
        tmux.key(char)
    screen = tmux.wait_for("candidates.Done")
    lines = screen.splitlines()
    assert len(lines) <= 24
    # The MT's first and last words, and the English typed, all on the one screen.
    assert "The President of the Republic" in screen
    assert MT.split()[-1] in screen
    assert "It  said 99 candidates.Done" in screen
    # The whole Arabic (shaped for display inside tmux) between the heading and the MT label:
    # as many letters as the source has (lam-alef pairs join into one glyph, hence the margin).
    heading = next(i for i, line in enumerate(lines) if f"Segment {position} of " in line)
    mt_label = next(i for i, line in enumerate(lines) if "MT · " in line)
    shown_letters = sum(arabic_letters(line) for line in lines[heading + 1 : mt_label])
    assert 0.9 * arabic_letters(source) <= shown_letters <= arabic_letters(source)
    quit_app(tmux)
