"""The recovery journal on real files: written atomically, scoped to the database, and offered
only when the app that wrote it no longer runs (its lock is free)."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy.engine import make_url

from workbench.tui.recovery.journal import (
    JournalEntry,
    RecoveryJournal,
    database_key,
    journal_folder,
)

ENTRY = JournalEntry(7, 1, 3, 2, "Words typed", "tess")


def test_write_keeps_one_complete_file_and_clear_removes_it(tmp_path: Path) -> None:
    journal = RecoveryJournal(tmp_path, "a")
    journal.write(ENTRY)
    journal.write(JournalEntry(7, 1, 3, 2, "Words typed on", "tess"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "a.lock"]  # no temp files
    assert json.loads((tmp_path / "a.json").read_text())["text"] == "Words typed on"
    journal.clear()
    journal.close()
    assert list(tmp_path.iterdir()) == []


def test_only_entries_of_apps_no_longer_running_are_offered(tmp_path: Path) -> None:
    running = RecoveryJournal(tmp_path, "running")
    running.write(ENTRY)
    stopped = RecoveryJournal(tmp_path, "stopped")
    stopped.write(JournalEntry(8, 1, 4, 0, "Left behind", "tess"))
    stopped.close()  # what the kernel does to its lock when the process dies
    starting = RecoveryJournal(tmp_path, "new")
    (left,) = starting.left_behind()
    assert (left.entry.segment_id, left.entry.text) == (8, "Left behind")
    assert left.entry.written_at  # stamped when written
    left.discard()
    assert starting.left_behind() == []
    assert (tmp_path / "running.json").exists()  # still held by the running app
    running.close()


def test_a_damaged_entry_is_left_alone(tmp_path: Path) -> None:
    (tmp_path / "old.json").write_text('{"segment_id": 1, "te')
    assert RecoveryJournal(tmp_path, "new").left_behind() == []
    assert (tmp_path / "old.json").exists()


def test_journals_are_scoped_to_the_database(tmp_path: Path) -> None:
    db = tmp_path / "work.sqlite"
    db.touch()
    link = tmp_path / "link.sqlite"
    link.symlink_to(db)
    same = {database_key(make_url(f"sqlite:///{p}")) for p in (db, link, tmp_path / "." / db.name)}
    assert len(same) == 1
    other = database_key(make_url(f"sqlite:///{tmp_path / 'other.sqlite'}"))
    assert other not in same
    with_password = make_url("postgresql+psycopg://tess:secret@host/news")
    assert database_key(with_password) == database_key(
        make_url("postgresql+psycopg://tess:other@host/news")
    )
    assert journal_folder(with_password).parent.name == "recovery"
