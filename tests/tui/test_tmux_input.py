"""Typed work survives the terminal: machine-speed bursts, bracketed paste, hang-ups, kill -9.

The real app in tmux on a real SQLite file, read back from the database afterwards. Bursts are
sent as one `send-keys -l TEXT` immediately followed by Enter in the same tmux command, which is
what a paste without bracketed paste or a text expander does.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import time
from contextlib import closing
from pathlib import Path

import pytest

from tests.tui.conftest import revisions_of, save_as, segment_at
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


def test_bursts_then_save_or_move_act_on_the_whole_text(tmux: Tmux, tmp_path: Path) -> None:  # noqa: F811
    """ctrl+s and ctrl+down read the target too: each acts after the text typed before it."""
    db_path = tmp_path / "moves.sqlite"
    (tmp_path / "argos").mkdir()
    start_app(tmux, db_path, tmp_path / "argos")
    tmux.wait_for("Segment 1 of 17")
    first, second, third = SENTENCES[:3]
    keys = ["send-keys", "-t", "app"]
    tmux(
        *[*keys, "-l", first[:40], ";", *keys, "C-s", ";", *keys, "-l", first[40:], ";"],
        *[*keys, "C-Down", ";", *keys, "-l", second, ";", *keys, "C-Down", ";"],
        *[*keys, "-l", third, ";", *keys, "Enter"],
    )
    tmux.wait_for("Segment 4 of 17")
    quit_app(tmux)
    assert targets(db_path, 4) == [first, second, third, None]
    database = open_database(f"sqlite:///{db_path}")
    try:
        statuses = [segment_at(database, 1, position).status for position in (1, 2, 3)]
        assert statuses == ["draft", "draft", "translated"]
    finally:
        database.dispose()


def test_arrows_home_end_and_backspace_act_where_typed_in_a_burst(
    tmux: Tmux,  # noqa: F811
    tmp_path: Path,
) -> None:
    """Keys the editor does not take as text (Home, End, arrows, Backspace) bubbled up to the app
    before acting, so the characters typed after them in one burst were inserted first: this
    burst gave "abcXYZW" or "abcXZW" (it depended on the timing) for "XabWcY"."""
    db_path = tmp_path / "edits.sqlite"
    (tmp_path / "argos").mkdir()
    start_app(tmux, db_path, tmp_path / "argos")
    tmux.wait_for("Segment 1 of 17")
    keys = ["send-keys", "-t", "app"]
    steps: list[list[str]] = [
        ["-l", "abc"], ["Home"], ["-l", "X"], ["End"], ["-l", "Y"], ["Left", "Left"],
        ["-l", "Z"], ["BSpace"], ["-l", "W"], ["Enter"],
        ["-l", "the report"], ["Home"], ["BSpace"], ["Delete"], ["-l", "T"], ["C-Right"],
        ["-l", " new"], ["End"], ["-l", "."], ["Enter"],
    ]  # fmt: skip
    tmux(*[arg for step in steps for arg in [*keys, *step, ";"]][:-1])  # one burst, no waits
    tmux.wait_for("Segment 3 of 17")
    quit_app(tmux)
    assert targets(db_path, 3) == ["XabWcY", "The new report.", None]


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


TYPED = "Half a sentence typed over SSH when the link"


def journal_files(tmp_path: Path) -> list[Path]:
    """The recovery journals left in the state folder (XDG_STATE_HOME, tests/conftest.py)."""
    return sorted((tmp_path / "state" / "workbench" / "recovery").glob("*/*.json"))


def app_pid(tmux: Tmux) -> int:  # noqa: F811
    return int(tmux("display-message", "-p", "-t", "app", "#{pane_pid}").strip())


def wait_until_gone(pid: int, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    raise AssertionError(f"the app (pid {pid}) is still running")


def type_into_segment_1(tmux: Tmux, db_path: Path, tmp_path: Path) -> int:  # noqa: F811
    (tmp_path / "argos").mkdir(exist_ok=True)
    start_app(tmux, db_path, tmp_path / "argos")
    tmux.wait_for("Segment 1 of 17")
    tmux("send-keys", "-t", "app", "-l", TYPED)
    tmux.wait_for(TYPED)
    return app_pid(tmux)


@pytest.mark.parametrize("how", ["kill-session", "SIGTERM"])
def test_terminal_closed_or_app_stopped_while_typing_saves_a_draft(
    tmux: Tmux,  # noqa: F811
    tmp_path: Path,
    how: str,
) -> None:
    db_path = tmp_path / "hangup.sqlite"
    pid = type_into_segment_1(tmux, db_path, tmp_path)
    if how == "kill-session":
        tmux("kill-session", "-t", "app")  # SIGHUP, as a dropped SSH link
    else:
        os.kill(pid, signal.SIGTERM)  # a shutdown, `kill`, a session manager
    wait_until_gone(pid)
    database = open_database(f"sqlite:///{db_path}")
    try:
        first = segment_at(database, 1, 1)
        assert (first.target, first.status, first.updated_by) == (TYPED, "draft", "tess")
    finally:
        database.dispose()
    assert journal_files(tmp_path) == []  # saved: nothing left to offer


def test_terminal_closed_during_the_quit_ends_the_app(
    tmux: Tmux,  # noqa: F811
    tmp_path: Path,
    argos_model_dir: Path,
) -> None:
    """Ctrl+Q, and the window closed while the app waits for the background translation's
    batch: the hang-up's SIGCONT used to start the stopped driver's input again, which then read
    the dead terminal at full CPU and kept the process from ever ending."""
    db_path = tmp_path / "quit.sqlite"
    # One worker, batches of 20: the quit waits a second or so for the batches in hand.
    (tmp_path / "none.toml").write_text("mt_threads = 1\nmt_batch_size = 20\n", "utf-8")
    start_app(tmux, db_path, argos_model_dir, lines=24, columns=80)
    tmux.wait_for("f8 stops")  # translating in the background
    pid = app_pid(tmux)
    tmux.key("C-q")
    deadline = time.monotonic() + 20
    while "f8 stops" in tmux.screen():  # until the app has left the terminal, still running
        assert time.monotonic() < deadline, "ctrl+q did not stop the screen"
        time.sleep(0.05)
    assert tmux.alive(), "the app ended before the hang-up: the quit did not wait for the batch"
    tmux("kill-session", "-t", "app")
    wait_until_gone(pid, seconds=20)


def test_kill_9_while_typing_offers_the_text_at_next_start(tmux: Tmux, tmp_path: Path) -> None:  # noqa: F811
    db_path = tmp_path / "kill9.sqlite"
    pid = type_into_segment_1(tmux, db_path, tmp_path)
    deadline = time.monotonic() + 10  # the journal is written every JOURNAL_SECONDS
    while not journal_files(tmp_path) and time.monotonic() < deadline:
        time.sleep(0.2)
    os.kill(pid, signal.SIGKILL)
    wait_until_gone(pid)
    tmux("kill-server", check=False)
    assert targets(db_path, 1) == [None]

    start_app(tmux, db_path, tmp_path / "argos")
    tmux.wait_for("Unsaved text found: segment 1 of document 1")
    tmux.key("r")
    tmux.wait_for(f"▊ {TYPED}")
    tmux.key("Enter")
    tmux.wait_for("Segment 2 of 17")
    quit_app(tmux)
    assert targets(db_path, 2) == [TYPED, None]
    assert journal_files(tmp_path) == []


def test_hang_up_after_someone_saved_keeps_the_text_for_next_start(
    tmux: Tmux,  # noqa: F811
    tmp_path: Path,
) -> None:
    db_path = tmp_path / "stale.sqlite"
    pid = type_into_segment_1(tmux, db_path, tmp_path)
    database = open_database(f"sqlite:///{db_path}")
    try:
        save_as(database, "bob", segment_at(database, 1, 1).id, "Bob's version.", 0)
        tmux("kill-session", "-t", "app")
        wait_until_gone(pid)
        assert segment_at(database, 1, 1).target == "Bob's version."  # not overwritten
        assert len(journal_files(tmp_path)) == 1

        start_app(tmux, db_path, tmp_path / "argos")
        tmux.wait_for("The segment was saved by bob since")
        tmux.key("r")
        tmux.wait_for(f"▊ {TYPED}")
        tmux.key("Enter")  # confirming meets bob's save: both texts shown, the user chooses
        tmux.wait_for("was saved by bob")
        tmux.key("k")  # keep mine: saved knowingly over bob's version
        tmux.wait_for("Segment 1 of 17 · translated · v2 · saved by tess")
        quit_app(tmux)
        first = segment_at(database, 1, 1)
        assert first.target == TYPED
        assert [r.text for r in revisions_of(database, first.id)] == ["Bob's version.", TYPED]
    finally:
        database.dispose()
    assert journal_files(tmp_path) == []


def test_database_replaced_under_the_screen_is_said_and_nothing_saved(
    tmux: Tmux,  # noqa: F811
    tmp_path: Path,
) -> None:
    """A restored backup copied over the file while someone types: the screen says so, and the
    Enter that follows saves nothing into either file."""
    db_path = tmp_path / "replaced.sqlite"
    (tmp_path / "argos").mkdir()
    start_app(tmux, db_path, tmp_path / "argos")
    tmux.wait_for("Segment 1 of 17")
    backup = tmp_path / "backup.sqlite"
    with closing(sqlite3.connect(db_path)) as source, closing(sqlite3.connect(backup)) as copy:
        source.backup(copy)
    tmux(*burst(SENTENCES[0])[:5])  # typed, not confirmed yet
    tmux.wait_for(SENTENCES[0][:40])
    backup.replace(db_path)
    tmux.key("Enter")
    screen = tmux.wait_for("Not saved")
    # The notice wraps where its words fall (the path is longer under pytest-xdist), beside other
    # text of the screen: its words are looked for, not its line.
    assert "replaced" in screen and "moved away" not in screen and "Segment 1 of 17" in screen
    tmux.key("C-q")
    deadline = time.monotonic() + 30
    while tmux.alive() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert targets(db_path, 1) == [None]
