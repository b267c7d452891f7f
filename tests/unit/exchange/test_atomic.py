"""Exports are written to a temporary file and renamed: a failure leaves the old file alone."""

from __future__ import annotations

import itertools
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from workbench.errors import InputError
from workbench.export import atomic
from workbench.export.atomic import atomic_output
from workbench.export.temporary import STALE_AFTER, remove_leftovers, temporary_name


def test_failure_keeps_the_previous_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    out = tmp_path / "export.tmx"
    out.write_bytes(b"previous")
    with pytest.raises(RuntimeError), atomic_output(out) as handle:
        handle.write(b"half of a new file")
        raise RuntimeError("crash half-way")
    assert out.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["export.tmx"]


def test_success_replaces_and_keeps_permissions(tmp_path: Path) -> None:
    out = tmp_path / "export.csv"
    out.write_bytes(b"old")
    out.chmod(0o600)
    with atomic_output(out) as handle:
        handle.write(b"new")
    assert out.read_bytes() == b"new"
    assert out.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["export.csv"]


def test_new_file_while_writing_is_hidden(tmp_path: Path) -> None:
    out = tmp_path / "new.tmx"
    with atomic_output(out) as handle:
        handle.write(b"x")
        assert not out.exists()
        (temporary,) = tmp_path.iterdir()
        assert temporary.name.startswith(".new.tmx.") and temporary.name.endswith(".tmp")
    assert out.read_bytes() == b"x"


def test_folder_as_destination_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a folder"), atomic_output(tmp_path):
        pass


def dead_pid() -> int:
    """The PID of a process that has ended (and been reaped)."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_leftovers_of_dead_exports_are_removed_and_nothing_else(tmp_path: Path) -> None:
    out = tmp_path / "desk.tmx"
    live = temporary_name(out)  # this process: alive
    dead = live.with_name(
        re.sub(r"\.\d+\.([0-9a-f]{8})\.tmp$", rf".{dead_pid()}.\1.tmp", live.name)
    )
    host = live.name.split(".")[3]
    elsewhere_young = tmp_path / ".desk.tmx.otherhost.12345.0123abcd.tmp"
    elsewhere_old = tmp_path / ".desk.tmx.otherhost.12346.0123abce.tmp"
    unnamed_old = tmp_path / ".desk.tmx.89abcdef.tmp"  # named before host and PID were added
    others = [
        tmp_path / f".desk.tmx2.{host}.{dead_pid()}.0123abcd.tmp",  # another export's
        tmp_path / ".desk.tmx.notes.tmp",
        tmp_path / f".desk.tmx.{host}.{dead_pid()}.0123abcd.tmp.bak",
        tmp_path / "desk.tmx.0123abcd.tmp",
    ]
    for path in [live, dead, elsewhere_young, elsewhere_old, unnamed_old, *others]:
        path.write_bytes(b"x")
    long_ago = time.time() - STALE_AFTER - 60
    for path in (elsewhere_old, unnamed_old, others[1]):
        os.utime(path, (long_ago, long_ago))
    linked = tmp_path / f".desk.tmx.{host}.{dead_pid()}.fedcba98.tmp"
    linked.symlink_to(tmp_path / "desk.tmx.0123abcd.tmp")  # never a link, whatever it names
    folder = tmp_path / f".desk.tmx.{host}.{dead_pid()}.fedcba97.tmp"
    folder.mkdir()

    assert sorted(remove_leftovers(out)) == sorted([dead, elsewhere_old, unnamed_old])
    kept = {live, elsewhere_young, linked, folder, *others}
    assert set(tmp_path.iterdir()) == kept


def test_an_export_cleans_up_before_it_writes(tmp_path: Path) -> None:
    out = tmp_path / "desk.csv"
    leftover = (
        tmp_path / f".desk.csv.{temporary_name(out).name.split('.')[3]}.{dead_pid()}.0123abcd.tmp"
    )
    leftover.write_bytes(b"half")
    with atomic_output(out) as handle:
        handle.write(b"whole")
    assert [p.name for p in tmp_path.iterdir()] == ["desk.csv"]


def test_writeback_is_asked_for_each_stretch_and_the_file_is_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past every WRITEBACK_BYTES written, the system is asked to start writing that stretch to
    disk (the real posix_fadvise, recorded on its way): the stretches follow each other from
    the start, and the file holds exactly what was written, in pieces of every size."""
    real = atomic._ADVISE
    if real is None:
        pytest.skip("this system has no posix_fadvise")
    asked: list[tuple[int, int]] = []

    def recorded(descriptor: int, offset: int, length: int, advice: int) -> None:
        asked.append((offset, length))
        real(descriptor, offset, length, advice)

    monkeypatch.setattr(atomic, "WRITEBACK_BYTES", 4096)
    monkeypatch.setattr(atomic, "BUFFER_BYTES", 1000)  # the file sees every size of write
    monkeypatch.setattr(atomic, "_ADVISE", recorded)
    data, offset = os.urandom(300_000), 0
    out = tmp_path / "big.tmx"
    with atomic_output(out) as handle:
        for size in itertools.cycle([1, 5000, 777, 9000]):
            handle.write(data[offset : offset + size])
            offset += size
            if offset >= len(data):
                break
    assert out.read_bytes() == data
    assert asked[0][0] == 0
    for (offset, length), (following, _) in itertools.pairwise(asked):
        assert 4096 <= length < 4096 + 9000 and offset + length == following
    assert len(data) - 4096 - 9000 < asked[-1][0] + asked[-1][1] <= len(data)
