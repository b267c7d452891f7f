"""Where a file the workbench writes may go: one check used by every writer.

Every output (exports, glossary export, backup) is written to a temporary file and renamed over
OUT, so OUT must be somewhere a rename cannot destroy anything:

- not the database itself nor its SQLite companions (-wal, -shm, -journal), in any spelling:
  relative, absolute, through symlinks (compared by resolved path) or a hard link (compared by
  device and inode);
- not a folder, a FIFO, a device or a socket: renaming over them would replace the system's
  /dev/null or a pipe someone reads, and writing into them would block or vanish.

A symbolic link is written through: the new file replaces the link's final target (which must
itself pass these checks), and the link stays a link, as `cp` and shell redirection do. A link
that points nowhere is refused, because there is no regular file to write through to.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from workbench.errors import InputError
from workbench.files.kinds import kind_of

SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")


def sqlite_files(database: Path) -> tuple[Path, ...]:
    """The database file and the companions SQLite keeps beside it (present or not)."""
    return (database, *(database.with_name(database.name + end) for end in SQLITE_COMPANIONS))


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _refuse_protected(path: Path, real: Path, protected: Iterable[Path]) -> None:
    identity = _identity(real)
    for index, guarded in enumerate(protected):
        same_name = Path(os.path.realpath(guarded)) == real
        if same_name or (identity is not None and _identity(guarded) == identity):
            what = "the database itself" if index == 0 else f"the database's file {guarded.name}"
            raise InputError(
                f"{path} is {what} ({guarded}); writing there would destroy the database. "
                "Name another file; nothing was written"
            )


def _resolve_link(path: Path) -> Path:
    real = Path(os.path.realpath(path))
    if not real.exists():
        raise InputError(
            f"{path} is a symbolic link to {real}, which does not exist; name a regular file "
            "(or remove the link); nothing was written"
        )
    return real


def writable_target(path: Path, protected: Iterable[Path] = ()) -> Path:
    """The file to replace when writing `path` (the link's target for a symlink); InputError if
    `path` may not be written. `protected`: the database's files, the database first."""
    link = path.is_symlink()
    real = _resolve_link(path) if link else Path(os.path.realpath(path))
    _refuse_protected(path, real, protected)
    try:
        mode = real.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise InputError(f"{path}: cannot be written ({error.strerror})") from error
    if mode is not None and kind_of(mode) == "a folder":
        raise InputError(f"{path} is a folder; name the file to write, e.g. {path}/export.tmx")
    if mode is not None and kind_of(mode) != "a regular file":
        raise InputError(
            f"{path} is {kind_of(mode)}, not a regular file; the workbench writes only regular "
            "files: name one; nothing was written"
        )
    if not real.parent.is_dir():
        raise InputError(f"{path.parent}: no such folder; create it first or write elsewhere")
    return real if link else path  # keep the user's spelling for messages
