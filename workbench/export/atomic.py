"""Writing an export file so that a crash never leaves a truncated one behind.

The data goes to a hidden temporary file in the same folder (so the rename cannot cross file
systems), is flushed and fsynced, and then `os.replace`d onto the final name in one step: readers
see the old file or the complete new one, never half of it. An existing file of that name is
replaced, as users expect of an export they run again; its permissions are kept. Temporary files
left by killed exports to the same name are removed first (temporary.py says which). Where OUT may
be (never the database, a folder, a FIFO, a device or a socket; a symlink is written through) is
checked first by `workbench.files.outputs`.
"""

from __future__ import annotations

import contextlib
import io
import os
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from workbench.errors import InputError, WorkbenchError
from workbench.export.temporary import remove_leftovers, temporary_name
from workbench.files.outputs import writable_target

BUFFER_BYTES = 1 << 20
# How much is written before the system is asked to start putting it on disk (below).
WRITEBACK_BYTES = 8 << 20


class _WritebackFile(io.FileIO):
    """A file that asks the system to start writing its data to disk every WRITEBACK_BYTES
    (POSIX_FADV_DONTNEED starts the writeback of what is written and does not wait for it).

    The final fsync then waits for the last few megabytes instead of the whole file: writing a
    100,000-segment TMX (65 MB), it waited about a tenth of a second, some 6% of the export,
    which the disk now spends while the rest of the file is being made. Advice only: where
    the system has no such call, or refuses it, the fsync does all the work as before."""

    _written = _advised = 0

    def write(self, data: Any, /) -> int:
        count = super().write(data)
        self._written += count
        if self._written - self._advised >= WRITEBACK_BYTES and _ADVISE is not None:
            with contextlib.suppress(OSError):
                _ADVISE(self.fileno(), self._advised, self._written - self._advised, _DONTNEED)
            self._advised = self._written
        return count


_ADVISE = getattr(os, "posix_fadvise", None)
_DONTNEED = getattr(os, "POSIX_FADV_DONTNEED", 0)


def _open_temporary(path: Path) -> tuple[Path, int]:
    # O_EXCL with a random part in the name: never reuse a file someone else created; mode 0o666
    # lets the user's umask decide the permissions, as for any file they create.
    while True:
        temporary = temporary_name(path)
        try:
            return temporary, os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        except OSError as error:
            raise InputError(f"{path}: cannot write here ({error.strerror})") from error


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); other systems have no folder handles to sync."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


@contextmanager
def atomic_output(path: Path, protected: Iterable[Path] = ()) -> Iterator[BinaryIO]:
    """A buffered binary file that becomes `path` only if the block finishes without error.

    `protected` are the files that must never be replaced: the open database's."""
    path = writable_target(path, protected)
    remove_leftovers(path)
    temporary, descriptor = _open_temporary(path)
    try:
        with io.BufferedWriter(_WritebackFile(descriptor, "wb"), BUFFER_BYTES) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            temporary.chmod(stat.S_IMODE(path.stat().st_mode))
        temporary.replace(path)
    except OSError as error:
        # A full disk (ENOSPC), a file-size limit (EFBIG), an I/O error: say so, not a traceback.
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        kept = "the previous file is unchanged" if path.exists() else "no file was left behind"
        raise WorkbenchError(
            f"writing {path} failed ({error.strerror or error}): nothing was written under that "
            f"name and {kept}. If the disk is full, free some space and export again"
        ) from error
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        raise
    _sync_folder(path.parent)


@contextmanager
def atomic_text(
    path: Path, encoding: str = "utf-8", protected: Iterable[Path] = ()
) -> Iterator[TextIO]:
    """`atomic_output` for text. newline="" because csv writes its own CRLF (RFC 4180)."""
    with atomic_output(path, protected) as raw:
        text = io.TextIOWrapper(raw, encoding=encoding, newline="")
        try:
            yield text
        finally:
            text.flush()
            text.detach()  # atomic_output still owns, syncs and closes the file
