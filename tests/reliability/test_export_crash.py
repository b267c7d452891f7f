"""Exports killed with SIGKILL half-way, or stopped by a full disk, never leave a truncated file
under the final name: the previous export stays whole (or there is none), the database is fine,
and running the export again gives the complete file."""

from __future__ import annotations

import csv
import hashlib
import os
import signal
import tempfile
import time
from pathlib import Path

import pytest
from lxml import etree
from sqlalchemy import text

from tests.conftest import Cli
from tests.reliability.forked import start_command
from tests.templates import restore_template
from workbench.export.temporary import temporary_name
from workbench.store.database import open_database

SEGMENTS = 15_000
SENTENCE = "قال المتحدث إن الوفد رقم {} وصل إلى المدينة صباح اليوم."
KINDS = ("tmx", "csv")


def translated_desk(url: str, folder: Path) -> None:
    """SEGMENTS translated segments, each with its revision (as `edit` would leave them)."""
    article = folder / "article.txt"
    article.write_text("\n".join(SENTENCE.format(n) for n in range(SEGMENTS)), encoding="utf-8")
    assert Cli(url)("import", str(article)).exit_code == 0
    database = open_database(url)
    try:
        with database.write() as session:
            session.execute(
                text(
                    "UPDATE segments SET status = 'translated', version = 1, target = "
                    "'The spokesman said delegation ' || id || ' arrived this morning.'"
                )
            )
            session.execute(
                text(
                    "INSERT INTO revisions (segment_id, text, origin, status, version, created_at)"
                    " SELECT id, target, 'human', 'translated', 1, CURRENT_TIMESTAMP"
                    " FROM segments"
                )
            )
    finally:
        database.dispose()


def build_translated_desk(url: str) -> None:
    """The template of `desk_url`: built once per run."""
    with tempfile.TemporaryDirectory() as folder:
        translated_desk(url, Path(folder))


@pytest.fixture
def desk_url(any_db_url: str, request: pytest.FixtureRequest) -> str:
    """`any_db_url` holding `translated_desk`, a copy of its template: importing 15,000 segments
    once instead of in each test saves 10-30 s a test."""
    restore_template(request, "export-crash-desk", build_translated_desk, any_db_url)
    return any_db_url


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def complete_units(path: Path, kind: str) -> int:
    """The segments in a whole export file; fails on a truncated one."""
    if kind == "tmx":
        tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
        return len(tree.findall(".//tu"))
    with path.open(encoding="utf-8", newline="") as handle:
        return sum(1 for _ in csv.reader(handle)) - 1  # the header


def leftovers(out: Path) -> list[Path]:
    return sorted(out.parent.glob(f".{out.name}.*.tmp"))


def export_command(url: str, kind: str, out: Path) -> list[str]:
    return ["--db", url, "--user", "alice", "export", kind, str(out)]


def kill_while_writing(out: Path, command: list[str]) -> None:
    """Start the export, wait until its temporary file holds a few MB, and SIGKILL it."""
    process = start_command(command)
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline:
            partial = [
                p for p in out.parent.glob(f".{out.name}.*.tmp") if p.stat().st_size > 1_000_000
            ]
            if partial:
                os.kill(process.pid, signal.SIGKILL)
                break
            if not process.running():
                code = process.finish(30)[0]
                pytest.fail(f"the export ended ({code}) before it could be killed")
            time.sleep(0.005)
        else:
            pytest.fail("the export wrote nothing for 120 s")
    finally:
        code, _, _ = process.finish(30)
    assert code == -signal.SIGKILL


@pytest.mark.slow
def test_kill_9_during_export_keeps_the_previous_file(desk_url: str, tmp_path: Path) -> None:
    for kind in KINDS:
        previous = tmp_path / f"desk.{kind}"
        first = Cli(desk_url)("export", kind, str(previous), "--doc", "1")  # in-process
        assert first.exit_code == 0, first.stderr
        before = digest(previous)
        fresh = tmp_path / f"never.{kind}"

        for out in (previous, fresh):
            kill_while_writing(out, export_command(desk_url, kind, out))

        assert digest(previous) == before  # untouched by the killed export
        assert complete_units(previous, kind) == SEGMENTS
        assert not fresh.exists()  # no half-written file under the final name
        (killed,) = leftovers(fresh)  # SIGKILL gave it no chance to clean up
        (killed_previous,) = leftovers(previous)
        live = temporary_name(fresh)  # as if this test's process were exporting to it now
        live.write_bytes(b"being written")
        code, _, stderr = start_command(export_command(desk_url, kind, fresh)).finish(300)
        assert code == 0, stderr
        assert complete_units(fresh, kind) == SEGMENTS
        # The next export to the same name removed the dead export's file, kept the live one's,
        # and left another name's leftover to the next export of that name.
        assert not killed.exists()
        assert leftovers(fresh) == [live] and live.read_bytes() == b"being written"
        assert leftovers(previous) == [killed_previous]
        live.unlink()
    assert Cli(desk_url)("check").exit_code == 0


# A "disk" that takes no file beyond 1 MiB: writes past it fail with EFBIG (Python ignores
# SIGXFSZ). The database's own files need less than that for an export.
SMALL_DISK = 1 << 20


@pytest.mark.slow
def test_full_disk_during_export_is_reported_and_leaves_nothing(
    desk_url: str, tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    for kind in KINDS:
        out = folder / f"desk.{kind}"
        command = start_command(export_command(desk_url, kind, out), file_size_limit=SMALL_DISK)
        code, _, stderr = command.finish(300)
        assert code == 1, stderr
        assert f"error: writing {out} failed (File too large)" in stderr
        assert "nothing was written under that name" in stderr
        assert "Traceback" not in stderr
        assert list(folder.iterdir()) == []
    assert Cli(desk_url)("check").exit_code == 0
