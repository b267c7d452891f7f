"""Opening a file the workbench reads: regular files only, never blocking, never unbounded.

`import`, `import-tm`, `glossary import` and `models install` read files they are given. A FIFO
would block the read forever, /dev/zero (or a link to it) would fill memory, a socket cannot be
read at all: each is refused before any byte is read. The file is checked with os.stat, opened
with O_NONBLOCK (so a FIFO swapped in after the check cannot block the open), and checked again
on the open descriptor. Its size is checked against a cap before reading, and the reading itself
stops at the cap, so a file that grows while it is read cannot get past it either.
"""

from __future__ import annotations

import io
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from workbench.config import DEFAULT_MAX_MEMORY_MB, DEFAULT_MAX_TEXT_MB
from workbench.errors import InputError
from workbench.files.kinds import kind_of

MEGABYTE = 1024 * 1024
# Through O_NONBLOCK, opening a FIFO returns at once instead of waiting for a writer (POSIX).
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


@dataclass(frozen=True, slots=True)
class SizeCap:
    """The most a file may hold, and the setting that raises it (named in the message)."""

    megabytes: int
    setting: str

    @property
    def bytes(self) -> int:
        return self.megabytes * MEGABYTE

    def refuse(self, path: Path, size: int | None = None) -> InputError:
        holds = f"holds {size:,} bytes, " if size is not None else "holds "
        return InputError(
            f"{path}: the file {holds}more than the {self.megabytes:,} MB allowed (setting "
            f"{self.setting}); split it, or raise {self.setting} in the config file. "
            "Nothing was imported"
        )


def _refuse_kind(path: Path, mode: int) -> None:
    if not stat.S_ISREG(mode):
        raise InputError(
            f"{path} is {kind_of(mode)}, not a regular file; only regular files are read. "
            "Nothing was imported"
        )


def check_regular(path: Path) -> os.stat_result:
    """os.stat of `path` (links followed) if it is a regular file; InputError otherwise."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror})") from error
    _refuse_kind(path, info.st_mode)
    return info


def _open_descriptor(path: Path, cap: SizeCap) -> tuple[int, int]:
    """The open descriptor and the file's size, once it is known to be a regular file within
    `cap`."""
    info = check_regular(path)
    if info.st_size > cap.bytes:
        raise cap.refuse(path, info.st_size)
    try:
        descriptor = os.open(path, os.O_RDONLY | _NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror})") from error
    try:
        info = os.fstat(descriptor)
        _refuse_kind(path, info.st_mode)  # swapped for something else after the check?
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor, info.st_size


def open_regular(path: Path, cap: SizeCap) -> BinaryIO:
    """`path` opened for reading in binary, checked to be a regular file within `cap`."""
    descriptor, _ = _open_descriptor(path, cap)
    return io.BufferedReader(_CappedFile(io.FileIO(descriptor, "rb"), path, cap))


def read_regular(path: Path, cap: SizeCap) -> bytes:
    """The whole content of a regular file of at most `cap`."""
    # os.read on the descriptor: no file object to make and close per file (an import reads
    # every file of a folder of 100,000 through here).
    descriptor, size = _open_descriptor(path, cap)
    try:
        data = os.read(descriptor, size + 1)  # one byte more than stat said: did it grow?
        while len(data) <= cap.bytes and (more := os.read(descriptor, cap.bytes + 1 - len(data))):
            data += more
    finally:
        os.close(descriptor)
    if len(data) > cap.bytes:
        raise cap.refuse(path)
    return data


class _CappedFile(io.RawIOBase):
    """A file that raises the cap's InputError as soon as more than the cap has been read."""

    def __init__(self, raw: io.FileIO, path: Path, cap: SizeCap) -> None:
        super().__init__()
        self._raw = raw
        self._path = path
        self._cap = cap
        self._count = 0

    @property
    def name(self) -> str:
        """The path, as parsers (lxml) name the file in their messages."""
        return str(self._path)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        # Never pull more than one byte past the cap: memory stays bounded whatever the file.
        room = self._cap.bytes + 1 - self._count
        with memoryview(buffer) as view:
            count = self._raw.readinto(view[: max(room, 0)])
        self._count += count
        if self._count > self._cap.bytes:
            raise self._cap.refuse(self._path)
        return count

    def close(self) -> None:
        self._raw.close()
        super().close()


def text_cap(megabytes: int = DEFAULT_MAX_TEXT_MB) -> SizeCap:
    """The cap on one text file (`import`, `glossary import`)."""
    return SizeCap(megabytes, "max_text_file_mb")


def memory_cap(megabytes: int = DEFAULT_MAX_MEMORY_MB) -> SizeCap:
    """The cap on one translation-memory file (`import-tm`: TMX or CSV)."""
    return SizeCap(megabytes, "max_memory_file_mb")
