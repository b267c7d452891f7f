"""A process that ends while CTranslate2 still decodes a batch exits cleanly, with its own code.

The C runtime's exit handlers free oneDNN's compiled kernels; a worker thread still decoding
then crashes the process (SIGSEGV) after Python's shutdown, whatever Python did before. A Ctrl-C
of `workbench translate` ended that way now and then (tests/integration/mt/test_interrupt.py, in
full parallel runs). Here the end is certain to come mid-batch: a batch is submitted and the
process exits at once, its engine held past Python's shutdown by a frozen reference cycle, as
the collector's `gc.freeze` (cli/collector.py) can leave one.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import REPO_ROOT, SEEDS_DIR
from workbench.mt.packages import InstalledModel

LEAVE_MID_BATCH = """
import atexit, gc, os, signal, sys, threading, time
from workbench.config import load_settings
from workbench.mt.engine import get_engine

sentences = sys.stdin.read().splitlines()
engine = get_engine(load_settings(db_url="sqlite://", user="alice", mt_threads=1))
pending = engine.submit(sentences)
held = [engine, pending]
held.append(held)
gc.freeze()


def keep_pressing_ctrl_c() -> None:
    time.sleep(0.05)  # the workbench's own exit handler is waiting by now
    while True:
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(0.005)


if sys.argv[1] == "ctrl-c at exit":  # registered last, run first
    atexit.register(lambda: threading.Thread(target=keep_pressing_ctrl_c, daemon=True).start())
sys.exit(130)
"""

# Before the workbench waited for its decoders at exit (and, for the second case, ignored a
# Ctrl-C while it waits), about half of these runs crashed.
RUNS = 3


@pytest.mark.slow
@pytest.mark.parametrize("how", ["exit", "ctrl-c at exit"])
def test_leaving_while_a_batch_decodes_exits_with_its_own_code(
    how: str, argos_model: InstalledModel
) -> None:
    seed = (SEEDS_DIR / "000_ae694c42faacd3da.txt").read_text(encoding="utf-8")
    sentences = [line for line in seed.splitlines() if line.strip()][:3]
    pythonpath = os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "PYTHONPATH": pythonpath, "PYTHONFAULTHANDLER": "1"}
    for run in range(RUNS):
        done = subprocess.run(
            [sys.executable, "-c", LEAVE_MID_BATCH, how],
            input="\n".join(sentences),
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 130, (
            f"run {run + 1}: exit {done.returncode} (-11: SIGSEGV); {done.stderr[-2000:]}"
        )
