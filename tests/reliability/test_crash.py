"""`kill -9` in the middle of an import: whole documents or none, and a re-run adds the rest.

The import runs as its own process; a second connection watches the database and kills it for
real (SIGKILL) once a few batches are committed, checking on every look that no document is
visible without all its segments.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from tests.conftest import Cli, build_migrated
from tests.reliability.forked import Command, start_command
from tests.templates import restore_template
from workbench.cli.output import plural
from workbench.ingest.segment import segment_document
from workbench.store.database import Database, open_database
from workbench.store.maintenance import run_checks
from workbench.store.models import Document, Segment

FILES = 600
SENTENCES = 40  # per file: about 125 files per committed batch


def make_corpus(folder: Path) -> dict[str, int]:
    """FILES distinct articles; file name -> number of sentences."""
    folder.mkdir()
    expected: dict[str, int] = {}
    for number in range(FILES):
        text = "\n".join(
            f"الخبر {number} الفقرة {line}: قال المتحدث إن الوفد وصل صباح اليوم. ثم غادر."
            for line in range(SENTENCES // 2)
        )
        path = folder / f"{number:05d}.txt"
        path.write_text(text, encoding="utf-8")
        expected[path.name] = len(segment_document(text))
    assert set(expected.values()) == {SENTENCES}
    return expected


def documents_and_partial(database: Database) -> tuple[int, int]:
    """(documents visible, documents visible with fewer segments than they should have)."""
    stored = func.count(Segment.id)
    with database.read() as session:
        total = session.scalar(select(func.count()).select_from(Document)) or 0
        partial = session.execute(
            select(Document.id)
            .outerjoin(Segment, Segment.document_id == Document.id)
            .group_by(Document.id, Document.segment_count)
            .having(stored != Document.segment_count)
        ).all()
    return total, len(partial)


def kill_after_commits(process: Command, database: Database, wanted: int) -> int:
    """Watch until `wanted` documents are visible, then SIGKILL; the count seen at the kill."""
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        visible, partial = documents_and_partial(database)
        assert partial == 0, "a document was visible without all its segments"
        if visible >= wanted:
            os.kill(process.pid, signal.SIGKILL)
            process.finish(30)
            return visible
        if not process.running():
            code = process.finish(30)[0]
            pytest.fail(f"the import ended (exit {code}) before it could be killed")
        time.sleep(0.01)
    pytest.fail("the import committed nothing within 240 s")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    """The articles, written and segmented once for both backends (the imports only read them)."""
    folder = tmp_path_factory.mktemp("crash") / "corpus"
    return folder, make_corpus(folder)


@pytest.mark.slow
def test_kill_9_during_import_then_resume(
    any_db_url: str, corpus: tuple[Path, dict[str, int]], request: pytest.FixtureRequest
) -> None:
    folder, expected = corpus
    # The schema exists before the watcher looks: a copy of what the first open makes.
    restore_template(request, "migrated", build_migrated, any_db_url)
    database = open_database(any_db_url)
    try:
        # A process of its own, forked from the fork server (tests/reliability/forked.py).
        process = start_command(["--db", any_db_url, "--user", "alice", "import", str(folder)])
        kill_after_commits(process, database, wanted=200)
        assert process.finish(30)[0] == -signal.SIGKILL

        present, partial = documents_and_partial(database)
        assert partial == 0
        assert 200 <= present < FILES, "killed before the end, after a few commits"
        with database.read() as session:
            assert [f.message for f in run_checks(session) if f.severity == "error"] == []
            counts = dict(
                session.execute(
                    select(Document.source_name, func.count(Segment.id))
                    .join(Segment, Segment.document_id == Document.id)
                    .group_by(Document.source_name)
                ).all()
            )
        assert all(counts[name] == expected[name] for name in counts)
    finally:
        database.dispose()

    url = make_url(any_db_url)
    if url.get_backend_name() == "sqlite":
        with sqlite3.connect(url.database or "") as connection:
            assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]

    # The killed import was a process of its own; what comes after runs in-process (the same
    # commands on the same database, without a new interpreter's start-up each).
    cli = Cli(any_db_url)
    rerun = cli("import", str(folder))
    assert rerun.exit_code == 0, rerun.stderr
    added = FILES - present
    assert rerun.stdout.endswith(
        f"{plural(added, 'document')} and {plural(added * SENTENCES, 'segment')} added; "
        f"{present} already present\n"
    )
    assert cli("check").exit_code == 0
    listing = cli("segments", "--json")
    assert listing.stdout.count("\n") == sum(expected.values())
