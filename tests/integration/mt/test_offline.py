"""Machine translation never reaches for the network; only `models download` tries, and offline
it says how to install from a file instead."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO_ROOT, Cli
from tests.mt_fixtures import SHORT_SEED, TOY_MODEL_FILE
from workbench.config import load_settings
from workbench.mt.engine import get_engine
from workbench.mt.packages import MISSING_MODEL_HELP, InstalledModel


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every way Python opens a connection or resolves a name fails, and is recorded."""
    attempts: list[str] = []

    def refuse(name: str) -> Any:
        def refused(*args: object, **kwargs: object) -> Any:
            attempts.append(f"{name}{args[1:] if name.startswith('socket.') else args}")
            raise OSError(101, "Network is unreachable (blocked by the test)")

        return refused

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse(f"socket.{name}"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    yield attempts


def test_the_guard_catches_a_connection(no_network: list[str]) -> None:
    with pytest.raises(OSError, match="unreachable"):
        socket.create_connection(("example.org", 443), timeout=1)
    with pytest.raises(OSError), socket.socket() as raw:
        raw.connect(("192.0.2.1", 80))
    assert len(no_network) == 2


def test_install_and_translate_without_network(
    cli: Cli, argos_packages_dir: Path, no_network: list[str]
) -> None:
    assert cli("models", "install", str(TOY_MODEL_FILE)).exit_code == 0
    # One seed article (22 segments): a run that reached for the network would do so for the
    # first sentence as for the hundredth.
    assert cli("import", *map(str, SHORT_SEED)).exit_code == 0
    result = cli("translate", "--batch-size", "64")
    assert result.exit_code == 0, result.output
    assert all(row["mt"] for row in cli.json_lines("segments", "--json"))
    assert get_engine(load_settings()).alternatives("أنا أحب القطط.", 3)
    assert cli("models", "list").exit_code == 0
    assert no_network == []


def test_download_offline_explains_the_file_install(cli: Cli, no_network: list[str]) -> None:
    result = cli("models", "download")
    assert result.exit_code == 1
    assert "This machine looks offline" in result.stderr
    assert MISSING_MODEL_HELP in result.stderr
    assert no_network, "download should have tried the network (and been stopped)"
    assert "URLError" not in result.stderr and "Traceback" not in result.stderr


def test_download_offline_with_a_model_says_it_still_works(
    cli: Cli, no_network: list[str], argos_model: InstalledModel
) -> None:
    result = cli("models", "download")
    assert result.exit_code == 1 and "looks offline (no network)" in result.stderr
    assert MISSING_MODEL_HELP not in result.stderr and "no Arabic" not in result.stderr
    assert argos_model.name in result.stderr and "workbench models install PATH" in result.stderr
    assert "URLError" not in result.stderr


def unshare_works() -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True, check=False)
    return probe.returncode == 0


@pytest.mark.slow
@pytest.mark.skipif(not unshare_works(), reason="needs `unshare -n` (root, or user namespaces)")
def test_cli_in_a_namespace_without_network(seeded_cli: Cli, argos_model: InstalledModel) -> None:
    """The same from outside Python's reach: the process has no network interface but `lo`."""
    pythonpath = os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "PYTHONPATH": pythonpath}
    base = ["unshare", "-n", sys.executable, "-m", "workbench", "--db", seeded_cli.db_url]

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*base, *args], env=env, capture_output=True, text=True, check=False, timeout=300
        )

    # A few segments: loading the model and decoding need no network however many there are.
    translated = run("translate", "--limit", "4")
    assert translated.returncode == 0, translated.stderr
    assert "4 segments translated" in translated.stdout
    download = run("models", "download")
    assert download.returncode == 1 and "looks offline" in download.stderr
