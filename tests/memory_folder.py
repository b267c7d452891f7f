"""Where tests put what creates many files: in memory (tmpfs) when there is room.

Creating a file on this machine's ext4 disk (a virtual disk) costs 75-500 us, against about
10 us on tmpfs, most of it the kernel searching for a free inode among those deleted moments
ago. Tests that create files by the thousand (the 100,000 tiny files, the PostgreSQL server's
databases: some 360 files per `CREATE DATABASE`, one per test) create them under /dev/shm when
it is writable and has room to spare, else where they would have anyway.
"""

from __future__ import annotations

import os
from pathlib import Path

MEMORY_FOLDER = Path("/dev/shm")


def memory_has_room(free_bytes: int, files: int) -> bool:
    """Whether MEMORY_FOLDER can take `files` more files, with `free_bytes` left to spare."""
    try:
        info = os.statvfs(MEMORY_FOLDER)
    except OSError:
        return False
    return (
        info.f_bavail * info.f_frsize >= free_bytes
        and info.f_favail >= 2 * files
        and os.access(MEMORY_FOLDER, os.W_OK)
    )
