"""The installed `workbench` console script, run as a user runs it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SEEDS_DIR

COMMANDS = [[], ["import"], ["segments"], ["edit"], ["tui"]]


def workbench_executable() -> list[str]:
    script = Path(sys.executable).with_name("workbench")
    if script.exists():
        return [str(script)]
    found = shutil.which("workbench")
    return [found] if found else [sys.executable, "-m", "workbench"]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "main")
def test_help_everywhere(command: list[str]) -> None:
    result = subprocess.run(
        [*workbench_executable(), *command, "--help"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "Usage:" in result.stdout


def test_env_variables_choose_database_and_user(tmp_path: Path) -> None:
    env = {**os.environ, "WORKBENCH_DB": str(tmp_path / "env.sqlite"), "WORKBENCH_USER": "zaid"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        command = [*workbench_executable(), *args]
        return subprocess.run(command, env=env, capture_output=True, text=True, check=False)

    imported = run("import", str(SEEDS_DIR))
    assert imported.returncode == 0, imported.stderr
    assert (tmp_path / "env.sqlite").exists()
    edited = run("edit", "1", "--text", "A report says")
    assert edited.returncode == 0, edited.stderr
    listed = run("segments", "--doc", "1", "--json")
    assert '"updated_by": "zaid"' in listed.stdout.splitlines()[0]
