"""The recovery journal: unsaved target text kept in a small local file while it is typed.

Each running app writes its open segment's unsaved text every few seconds to
`<user state folder>/recovery/<database key>/<pid>.json` (atomically: the old entry or the new
one, never half) and removes it once the text is saved. A kill -9, a power cut or a save refused
at a hang-up (someone else saved meanwhile) leaves the file behind; the next start on the same
database finds it and offers it.

Which files are left behind: each app holds an exclusive lock (flock) on `<pid>.lock` while it
runs; the kernel drops it when the process dies however it dies. A journal whose lock can be taken
belongs to no running app. No Textual here.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from platformdirs import user_state_dir
from sqlalchemy import URL

from workbench.export.atomic import atomic_text

JOURNAL_SECONDS = 3.0  # how much typing a kill -9 can lose at most


@dataclass(frozen=True)
class JournalEntry:
    segment_id: int
    document_id: int
    position: int
    base_version: int  # the version the text was typed on: a restore saves against it
    text: str
    user: str
    source_digest: str = ""  # of the segment's Arabic: the same id in another database differs
    written_at: str = ""  # ISO time, UTC


@dataclass(frozen=True)
class LeftBehind:
    """A journal entry of an app that is no longer running."""

    entry: JournalEntry
    path: Path

    def discard(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        with contextlib.suppress(FileNotFoundError):
            self.path.with_suffix(".lock").unlink()


def source_digest(source: str) -> str:
    return hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def database_key(url: URL) -> str:
    """The same database, however it was named: a SQLite file by its absolute path, a server
    database by its URL without the password."""
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        name = f"sqlite:{Path(url.database).resolve()}"
    else:
        name = url.render_as_string(hide_password=True)
    return hashlib.sha256(name.encode()).hexdigest()[:24]


def journal_folder(url: URL) -> Path:
    return Path(user_state_dir("workbench")) / "recovery" / database_key(url)


class RecoveryJournal:
    """This process's journal for one database."""

    def __init__(self, folder: Path, name: str | None = None) -> None:
        self.folder = folder
        self.path = folder / f"{name or os.getpid()}.json"
        self._lock: IO[bytes] | None = None
        self._written: JournalEntry | None = None

    def _hold_lock(self) -> None:
        if self._lock is None:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            self._lock = self.path.with_suffix(".lock").open("wb")
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def write(self, entry: JournalEntry) -> None:
        """Keep `entry` (unchanged entries are not written again)."""
        if self._written is not None and _same(self._written, entry):
            return
        self._hold_lock()
        stamped = JournalEntry(**{**asdict(entry), "written_at": datetime.now(UTC).isoformat()})
        with atomic_text(self.path) as handle:
            json.dump(asdict(stamped), handle, ensure_ascii=False)
        self._written = stamped

    def clear(self) -> None:
        """The text was saved (or discarded): nothing to recover."""
        if self._written is None:
            return
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        self._written = None

    def close(self) -> None:
        """At a normal exit: the lock goes; a journal still written stays for the next start."""
        if self._lock is not None:
            if self._written is None:
                with contextlib.suppress(FileNotFoundError):
                    self.path.with_suffix(".lock").unlink()
            self._lock.close()
            self._lock = None

    def left_behind(self) -> list[LeftBehind]:
        """Entries of apps no longer running on this database, oldest first."""
        found = [item for path in self._others() if (item := _read_if_free(path)) is not None]
        return sorted(found, key=lambda item: item.entry.written_at)

    def _others(self) -> Iterator[Path]:
        if self.folder.is_dir():
            yield from (p for p in self.folder.glob("*.json") if p != self.path)


def _same(a: JournalEntry, b: JournalEntry) -> bool:
    return asdict(a) | {"written_at": ""} == asdict(b) | {"written_at": ""}


def _read_if_free(path: Path) -> LeftBehind | None:
    """The entry at `path` if no running app holds its lock; None if one does or it is unreadable
    (a damaged file is left where it is, for someone to look at)."""
    lock = path.with_suffix(".lock")
    try:
        with lock.open("ab") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return None
            fcntl.flock(handle, fcntl.LOCK_UN)
        data = json.loads(path.read_text(encoding="utf-8"))
        return LeftBehind(JournalEntry(**data), path)
    except (OSError, ValueError, TypeError, KeyError):
        return None
