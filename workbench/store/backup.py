"""Backing up the database while people keep working in it.

SQLite: the online backup API copies a consistent snapshot (in WAL mode it holds only a read
transaction, so editors are not blocked) into a temporary file beside OUT; the copy is checked,
synced to disk and only then renamed to OUT, so a crash or a full disk never leaves a truncated
backup under the final name. PostgreSQL: pg_dump does this properly; we say how to run it.
"""

from __future__ import annotations

import os
import shlex
import sqlite3
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import URL

from workbench.errors import InputError, WorkbenchError
from workbench.files.outputs import sqlite_files, writable_target
from workbench.store.database import Database


@dataclass(frozen=True, slots=True)
class BackupResult:
    path: Path
    size: int


def pg_dump_command(url: URL, out: Path) -> str:
    """The pg_dump command line that backs up the database at `url` into `out`."""
    return f"pg_dump --format=custom --file {shlex.quote(str(out))} {_libpq_url(url)}"


def _libpq_url(url: URL) -> str:
    # libpq understands the URL without SQLAlchemy's "+psycopg"; the password stays out of the
    # command line (and the shell history): pg_dump asks for it or reads PGPASSWORD / ~/.pgpass.
    plain = URL.create(
        "postgresql",
        username=url.username,
        host=url.host,
        port=url.port,
        database=url.database,
        query=url.query,
    )
    return shlex.quote(plain.render_as_string())


def refuse_unless_sqlite(url: URL, out: Path) -> None:
    """Only SQLite files are copied here: for a server, say what to run (without connecting)."""
    if url.get_backend_name() == "sqlite":
        return
    raise WorkbenchError(
        f"`workbench backup` copies SQLite files; this database is {url.get_backend_name()}. "
        f"Back it up with pg_dump instead:\n  {pg_dump_command(url, out)}\n"
        f"and restore it with: pg_restore --dbname {_libpq_url(url)} {shlex.quote(str(out))}"
    )


def backup(database: Database, out: Path, *, overwrite: bool = False) -> BackupResult:
    refuse_unless_sqlite(database.engine.url, out)
    source = Path(database.engine.url.database or "")
    target = _check_target(source, out, overwrite)
    return _sqlite_backup(database, source, target)


def _check_target(source: Path, out: Path, overwrite: bool) -> Path:
    """The file to write (a symlink's target): never the database, a folder, a FIFO, a device."""
    target = writable_target(out, sqlite_files(source))
    if target.exists() and not overwrite:
        raise InputError(f"{out} already exists; pass --force to replace it")
    return target


def _sqlite_backup(database: Database, source: Path, out: Path) -> BackupResult:
    try:
        handle, name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".partial", dir=out.parent)
    except OSError as error:
        raise WorkbenchError(
            f"cannot write the backup in {out.parent} ({error.strerror}); choose another folder"
        ) from error
    os.close(handle)
    partial = Path(name)
    try:
        _copy_into(database, partial)
        _verify(partial)
        # Readable by whoever may read the database, no more (mkstemp made it 0600).
        partial.chmod(stat.S_IMODE(source.stat().st_mode))
        _sync(partial)
        partial.replace(out)  # atomic: OUT is the old file or the whole new backup, never half
        _sync(out.parent)
    except (OSError, sqlite3.Error) as error:
        partial.unlink(missing_ok=True)
        raise WorkbenchError(
            f"the backup to {out} failed ({error}); nothing was written under that name and the "
            "database is untouched. If the disk is full, free some space and run it again"
        ) from error
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return BackupResult(out, out.stat().st_size)


def _copy_into(database: Database, partial: Path) -> None:
    raw = database.engine.raw_connection()
    try:
        source = raw.driver_connection
        assert isinstance(source, sqlite3.Connection)
        target = sqlite3.connect(partial)
        try:
            source.backup(target)  # all pages in one step: one consistent snapshot
            # A backup should be one self-contained file: no -wal beside it to lose.
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
    finally:
        raw.close()


def _verify(partial: Path) -> None:
    connection = sqlite3.connect(f"{partial.resolve().as_uri()}?mode=ro", uri=True)
    try:
        result = connection.execute("PRAGMA quick_check").fetchone()
    finally:
        connection.close()
    if result is None or result[0] != "ok":
        raise sqlite3.DatabaseError(f"the copy failed its check: {result}")


def _sync(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
