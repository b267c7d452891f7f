"""Helpers for the reliability tests: the CLI as a separate process, or as an unprivileged user.

Root ignores file permissions, and CI runs as root: to test a read-only database for real, the
CLI runs in a forked child that has given up root for `nobody` first.
"""

from __future__ import annotations

import multiprocessing
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tests.conftest import REPO_ROOT
from tests.memory_folder import MEMORY_FOLDER, memory_has_room
from workbench.cli import main
from workbench.store.migrate import MIGRATIONS_DIR


@dataclass(frozen=True)
class Outcome:
    exit_code: int
    stdout: str
    stderr: str


def workbench_process(db_url: str, *args: str, user: str = "alice") -> list[str]:
    """The command line that runs `workbench` as its own process."""
    return [sys.executable, "-m", "workbench", "--db", db_url, "--user", user, *args]


def run_workbench(db_url: str, *args: str, user: str = "alice") -> Outcome:
    result = subprocess.run(
        workbench_process(db_url, *args, user=user),
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        check=False,
        timeout=300,
    )
    return Outcome(result.returncode, result.stdout, result.stderr)


UNAVAILABLE = -1


def _as_nobody(arguments: list[str], connection: Any) -> None:
    if os.geteuid() == 0:
        nobody = pwd.getpwnam("nobody")
        os.setgroups([])
        os.setgid(nobody.pw_gid)
        os.setuid(nobody.pw_uid)
    # The child has the code loaded already, but opening a database reads the migration scripts.
    if not os.access(MIGRATIONS_DIR / "versions", os.R_OK | os.X_OK):
        reason = f"{MIGRATIONS_DIR} is not readable by nobody (a checkout under /root?)"
        connection.send(Outcome(UNAVAILABLE, "", reason))
        return
    os.environ["WORKBENCH_CONFIG"] = "/nonexistent/workbench.toml"
    result = CliRunner().invoke(main, arguments)
    connection.send(Outcome(result.exit_code, result.stdout, result.stderr))


def run_unprivileged(*arguments: str) -> Outcome:
    """Run the CLI in-process in a forked child without root's right to ignore permissions."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_as_nobody, args=(list(arguments), sender))
    child.start()
    try:
        if not receiver.poll(120):
            raise AssertionError("the unprivileged workbench did not answer in 120 s")
        outcome: Outcome = receiver.recv()
    finally:
        child.join(10)
    if outcome.exit_code == UNAVAILABLE:
        pytest.skip(f"cannot test file permissions here: {outcome.stderr}")
    return outcome


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder `nobody` can enter (pytest's tmp_path, under a 0700 folder, is not one)."""
    folder = Path(tempfile.mkdtemp(prefix="workbench-shared-"))
    folder.chmod(0o755)
    yield folder
    for path in [folder, *folder.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    shutil.rmtree(folder)


# The 100,000 tiny files are created in memory where there is room (tests/memory_folder.py).
MEMORY_FREE_BYTES = 2 * 1024**3  # 100,000 files of one page each take about 400 MB


def _memory_has_room(files: int) -> bool:
    return memory_has_room(MEMORY_FREE_BYTES, files)


@pytest.fixture
def many_files_folder(tmp_path: Path) -> Iterator[Path]:
    """An empty folder for a test that creates a great many small files: in memory (tmpfs) when
    there is room, else under tmp_path; removed afterwards either way (memory is not disk).

    The product reads it through the same calls (os.walk, open, fstat, read) on either."""
    if not _memory_has_room(200_000):
        yield tmp_path / "many"
        return
    folder = Path(tempfile.mkdtemp(prefix="workbench-many-", dir=MEMORY_FOLDER))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
