"""The process entry pauses the garbage collector while a command starts (cli/collector.py).

Checked in real `workbench` processes: where each kind of command resumes it (its database
opened, the Core reader opened, a models command entered), that it then freezes what start-up
left alive, that the time limit resumes it when no command does, and that click's test runner
(a process that did not pause it) is left as it was.
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT, Cli

# The process's collector as the command leaves it. The time limit is set out of reach, so that
# only the command's own resume point can have turned the collector back on.
ENTRY = """
import atexit, gc, json, sys
from workbench.cli import collector

REPORT = sys.argv[1]

def report() -> None:
    with open(REPORT, "w", encoding="utf-8") as out:
        json.dump({"enabled": gc.isenabled(), "frozen": gc.get_freeze_count()}, out)

atexit.register(report)
collector.PAUSE_LIMIT_S = 600.0
sys.argv = ["workbench", *sys.argv[2:]]
from workbench.__main__ import run
run()
"""

# What a process that imported only the CLI's core has alive: a resume point that froze no more
# than this would have come before the command's own libraries were loaded.
CORE = "import gc, workbench.cli; gc.freeze(); print(gc.get_freeze_count())"


def _python(tmp_path: Path, code: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    """`python -c code arguments` in the test's environment, its output captured."""
    return subprocess.run(
        [sys.executable, "-c", code, *arguments],
        capture_output=True,
        text=True,
        env=_environment(tmp_path),
        check=False,
        timeout=120,
    )


def _environment(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(REPO_ROOT),
        "WORKBENCH_CONFIG": str(tmp_path / "no-config.toml"),
        "ARGOS_PACKAGES_DIR": str(tmp_path / "no-models"),
    }


@pytest.mark.parametrize(
    "command",
    [["documents", "list"], ["segments", "--json"], ["models", "list"]],
    ids=["database", "core-reader", "models"],
)
def test_each_command_resumes_the_collector_once_started(
    tmp_path: Path, seeded_cli: Cli, command: list[str]
) -> None:
    report = tmp_path / "collector.json"
    arguments = [str(report), "--db", seeded_cli.db_url, "--user", "alice", *command]
    result = _python(tmp_path, ENTRY, *arguments)
    assert result.returncode == 0, result.stderr
    state = json.loads(report.read_text(encoding="utf-8"))
    core = _python(tmp_path, CORE)
    assert core.returncode == 0, core.stderr
    assert state["enabled"] is True
    assert state["frozen"] > int(core.stdout)


TIMED = """
import gc, json, time
from workbench.cli import collector

collector.PAUSE_LIMIT_S = 0.1
collector.pause_collector()
paused = not gc.isenabled()
deadline = time.monotonic() + 30
while not gc.isenabled() and time.monotonic() < deadline:
    time.sleep(0.02)
print(json.dumps({"paused": paused, "enabled": gc.isenabled(), "frozen": gc.get_freeze_count()}))
"""


def test_the_time_limit_resumes_a_collector_no_command_resumed(tmp_path: Path) -> None:
    result = _python(tmp_path, TIMED)
    assert result.returncode == 0, result.stderr
    state = json.loads(result.stdout.strip().splitlines()[-1])
    assert state["paused"] is True and state["enabled"] is True and state["frozen"] > 0


def test_a_process_that_did_not_pause_is_left_as_it_was(seeded_cli: Cli) -> None:
    frozen = gc.get_freeze_count()
    result = seeded_cli("documents", "list")
    assert result.exit_code == 0, result.output
    # Nothing newly frozen (a resume would freeze all that is alive); frozen objects that the
    # command freed meanwhile may leave the count a little lower.
    assert gc.isenabled() and gc.get_freeze_count() <= frozen
