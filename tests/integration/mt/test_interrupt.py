"""A `workbench translate` process stopped mid-run (Ctrl-C, or killed) loses at most one batch,
and the next run translates exactly the segments still missing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.conftest import REPO_ROOT, Cli
from workbench.mt.packages import InstalledModel
from workbench.store.database import Database
from workbench.store.models import Origin, Revision

BATCH = 2


def mt_revision_counts(database: Database) -> dict[int, int]:
    with database.read() as session:
        rows = session.execute(
            select(Revision.segment_id, func.count())
            .where(Revision.origin == Origin.MT.value)
            .group_by(Revision.segment_id)
        )
        return {row[0]: row[1] for row in rows}


# `python -m workbench` with Ctrl-C's signal at its default, as a terminal starts a command. A
# process inherits an ignored SIGINT and Python then leaves it ignored; in full parallel runs the
# translation sometimes ran to its end (exit 0) after the test's Ctrl-C, as if it had inherited
# one from the test worker (set below Python, where `signal.getsignal` does not see it).
AS_FROM_A_TERMINAL = (
    "import runpy, signal, sys; "
    "signal.signal(signal.SIGINT, signal.default_int_handler); "
    "sys.argv[0] = 'workbench'; "
    "runpy.run_module('workbench', run_name='__main__', alter_sys=True)"
)


def start_translate(db_url: str, tmp_path: Path) -> subprocess.Popen[str]:
    config = tmp_path / "workbench.toml"
    config.write_text(f"mt_batch_size = {BATCH}\nmt_threads = 1\n", encoding="utf-8")
    pythonpath = os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "WORKBENCH_CONFIG": str(config), "PYTHONPATH": pythonpath}
    command = [sys.executable, "-c", AS_FROM_A_TERMINAL, "--db", db_url, "--user", "alice"]
    return subprocess.Popen(
        [*command, "translate"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def wait_for_batches(process: subprocess.Popen[str], database: Database, segments: int) -> None:
    """Until `segments` have MT, the process running in short steps (SIGCONT, 20 ms, SIGSTOP) and
    the database read between them, so that it cannot run past that point however long this test
    is held up on a loaded machine. It is left stopped: the caller sends its signal, then SIGCONT.
    (Stepping makes the Ctrl-C land anywhere in the loop; it showed the process crashing on its
    way out, now and then, while a batch was still being decoded, until mt/engine.py waited for
    its decoders at exit: test_exit.py.)"""
    deadline = time.monotonic() + 120
    process.send_signal(signal.SIGSTOP)
    while len(mt_revision_counts(database)) < segments:
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "no batch was committed in time"
        process.send_signal(signal.SIGCONT)
        time.sleep(0.02)
        process.send_signal(signal.SIGSTOP)


def ignored_and_blocked_signals() -> str:
    """The kernel's view (signal.getsignal shows only what Python set)."""
    status = Path("/proc/self/status")
    if not status.exists():
        return "signals: unknown"
    lines = status.read_text(encoding="utf-8").splitlines()
    return " ".join(line for line in lines if line.startswith(("SigIgn", "SigBlk")))


@pytest.mark.slow
@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGKILL], ids=["ctrl-c", "kill"])
def test_stopped_process_resumes_each_segment_once(
    stop: signal.Signals,
    unrepeated_seeds_cli: Cli,
    database: Database,
    tmp_path: Path,
    argos_model: InstalledModel,
) -> None:
    # One seed article, 34 segments: 17 batches of 2, stopped once 2 are stored, so some 15
    # batches (over a second of decoding) are still to come when the signal is sent; what the
    # stop and the resume do does not depend on how many more there are. No sentence of it is
    # repeated, so every batch stores exactly BATCH segments.
    segments = len(unrepeated_seeds_cli.json_lines("segments", "--json"))
    process = start_translate(unrepeated_seeds_cli.db_url, tmp_path)
    wait_for_batches(process, database, 2 * BATCH)
    process.send_signal(stop)
    process.send_signal(signal.SIGCONT)  # a stopped process acts on its signals once it goes on
    stdout, stderr = process.communicate(timeout=60)

    stopped_at = mt_revision_counts(database)
    assert 2 * BATCH <= len(stopped_at) < segments, (
        f"the run was not stopped mid-way: exit {process.returncode}; {stderr[-2000:]}; "
        f"{stdout[-500:]}; this worker's {ignored_and_blocked_signals()}"
    )
    assert len(stopped_at) % BATCH == 0, "a batch was half written"
    if stop == signal.SIGINT:
        assert process.returncode == 130, stderr
        assert "interrupted:" in stderr and "run the same command again" in stderr
    else:
        assert process.returncode == -signal.SIGKILL

    resumed = unrepeated_seeds_cli("translate")
    assert resumed.exit_code == 0, resumed.output
    assert f"{segments - len(stopped_at)} segments translated" in resumed.stdout
    counts = mt_revision_counts(database)
    assert len(counts) == segments and set(counts.values()) == {1}
