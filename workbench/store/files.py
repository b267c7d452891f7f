"""The files a database lives in, which no export, backup or other output may replace."""

from __future__ import annotations

from pathlib import Path

from workbench.files.outputs import sqlite_files
from workbench.store.database import Database


def database_files(database: Database) -> tuple[Path, ...]:
    """The SQLite file and its companions; nothing for a server database or an in-memory one."""
    url = database.engine.url
    name = url.database
    if url.get_backend_name() != "sqlite" or not name or name == ":memory:":
        return ()
    return sqlite_files(Path(name))
