"""Where and whether a model archive may be unpacked: its size, the free space, the destination.

A zip archive says in its directory how large each file becomes; Python's zipfile never writes
more than that. So the declared sizes are checked before a byte is unpacked: an archive that
expands far beyond its own size is a zip bomb (an Argos package is a CTranslate2 model, which
hardly compresses: the real and the test package unpack to about 1.1 times their size), and one
that needs more than the free space of the packages folder would fill the disk.
"""

from __future__ import annotations

import shutil
import stat
import zipfile
from pathlib import Path

from workbench.errors import InputError
from workbench.files.kinds import kind_of

MEGABYTE = 1024 * 1024
# Unpacked size / archive size above which an archive is refused: far above any real package.
MAX_EXPANSION = 20
# Space left free after unpacking, so that the machine (and the database) can still write.
SPARE_BYTES = 256 * MEGABYTE


def unpacked_size(archive: zipfile.ZipFile) -> int:
    return sum(info.file_size for info in archive.infolist())


def refuse_bomb(path: Path, archive: zipfile.ZipFile) -> None:
    size = max(path.stat().st_size, 1)
    total = unpacked_size(archive)
    if total > MAX_EXPANSION * size:
        raise InputError(
            f"{path}: the archive's {size:,} bytes would unpack to {total:,} bytes "
            f"({total // size:,} times its size; a model package is about 1): a zip bomb or not "
            "a model. Nothing was installed"
        )


def refuse_if_no_room(path: Path, archive: zipfile.ZipFile, root: Path) -> None:
    needed = unpacked_size(archive)
    free = shutil.disk_usage(root).free
    if needed + SPARE_BYTES > free:
        raise InputError(
            f"{path}: unpacking needs {needed / MEGABYTE:,.0f} MB (and "
            f"{SPARE_BYTES // MEGABYTE} MB to spare) but {root} has {free / MEGABYTE:,.0f} MB "
            "free; free some space or set "
            "ARGOS_PACKAGES_DIR to a folder on another disk. Nothing was installed"
        )


def package_destination(root: Path, top: str) -> Path:
    """`root/top` once `root` is a folder (created if missing) and `top` is a folder or absent:
    the install renames the old package away, so it must be a package folder, never a file,
    a link or a device someone else relies on."""
    if root.exists() and not root.is_dir():
        raise InputError(
            f"{root} (the packages folder, ARGOS_PACKAGES_DIR) is {kind_of(root.stat().st_mode)}"
            ", not a folder; point ARGOS_PACKAGES_DIR at a folder. Nothing was installed"
        )
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputError(
            f"{root} (the packages folder, ARGOS_PACKAGES_DIR) cannot be created "
            f"({error.strerror}); point ARGOS_PACKAGES_DIR at a folder. Nothing was installed"
        ) from error
    destination = root / top
    try:
        mode = destination.lstat().st_mode
    except FileNotFoundError:
        return destination
    if stat.S_ISLNK(mode) or not stat.S_ISDIR(mode):
        what = "a symbolic link" if stat.S_ISLNK(mode) else kind_of(mode)
        raise InputError(
            f"{destination} is {what}, not a package folder; the install would replace it. "
            "Move it away and install again. Nothing was installed"
        )
    return destination
