"""The SQLite file under a running TUI: still the one that was opened?

A connection open on a SQLite file keeps writing into that file even after it was deleted, moved
or replaced (a restored backup, `rm`, a sync tool): the saves would succeed into a file no one
will ever read again. The file's device and inode are recorded when the app starts and compared
before each save, inside the save's transaction (a change raises there, which rolls it back), and
at each refresh. No Textual here; PostgreSQL (no file) is never "gone".
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workbench.errors import WorkbenchError
from workbench.store.database import Database


class DatabaseFileChangedError(WorkbenchError):
    """The database file is no longer the one the app opened; nothing more is saved into it."""


@dataclass(frozen=True)
class DatabaseFile:
    path: Path | None  # None: not a file (PostgreSQL, an in-memory database)
    identity: tuple[int, int] | None

    @classmethod
    def of(cls, database: Database) -> DatabaseFile:
        url = database.engine.url
        name = url.database
        if url.get_backend_name() != "sqlite" or not name or name == ":memory:":
            return cls(None, None)
        path = Path(name).absolute()
        return cls(path, _identity(path))

    def problem(self) -> str | None:
        """What happened to the file since it was opened, in words; None if it is still there."""
        if self.path is None:
            return None
        now = _identity(self.path)
        if now == self.identity:
            return None
        happened = "deleted or moved away" if now is None else "replaced by another file"
        return (
            f"The database file {self.path} was {happened} while the workbench was open. "
            "Nothing more is saved. Quit (ctrl+q: your text stays in the recovery journal), put "
            "the database back at this path and start again: the text is offered there."
        )

    def check(self) -> None:
        """Raise DatabaseFileChangedError if the file is not the one opened."""
        problem = self.problem()
        if problem is not None:
            raise DatabaseFileChangedError(problem)


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_dev, stat.st_ino)
