"""Engine and session set-up, and schema checks on open.

The one session factory of the workbench. SQLite gets WAL, a busy timeout and foreign keys;
write transactions on SQLite start with BEGIN IMMEDIATE so that two writers queue on the busy
timeout instead of one failing half-way with "database is locked".
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import URL, Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError

from workbench.errors import InputError, WorkbenchError
from workbench.store import migrate

if TYPE_CHECKING:
    # Imported where sessions are made: read-only commands on Core (`open_reader`) never load
    # the ORM, which costs more start-up than the rest of SQLAlchemy.
    from sqlalchemy.orm import Session, sessionmaker

SQLITE_BUSY_TIMEOUT_MS = 30_000


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # We issue BEGIN ourselves (below); pysqlite's own implicit BEGIN would be DEFERRED.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")


SUPPORTED_URLS = (
    "a SQLite file path (db/workbench.sqlite) or sqlite:///PATH URL, "
    "or a PostgreSQL URL (postgresql://USER@HOST:PORT/NAME)"
)
# The database drivers this package installs; anything else would fail on a missing module.
# Read from the URL's text: asking SQLAlchemy would load (and fail on) an unknown dialect.
_DRIVERS = {"sqlite": ("", "pysqlite"), "postgresql": ("psycopg",)}


def parse_url(url: str) -> URL:
    """The URL, if the workbench can use it; InputError saying what is supported otherwise."""
    try:
        parsed = make_url(url)
    except ArgumentError as error:
        raise InputError(
            f"database URL {url!r} is not valid: {error}; use {SUPPORTED_URLS}"
        ) from error
    backend, _, driver = parsed.drivername.partition("+")
    if backend == "postgresql" and not driver:
        driver = "psycopg"  # the driver installed with us
        parsed = parsed.set(drivername="postgresql+psycopg")
    if driver not in _DRIVERS.get(backend, ()):
        shown = parsed.render_as_string(hide_password=True)
        raise InputError(f"database URL {shown!r} is not supported; use {SUPPORTED_URLS}")
    if backend == "sqlite" and parsed.database and Path(parsed.database).is_dir():
        raise InputError(
            f"the database path {parsed.database} is a folder; pass a file path inside it, "
            f"e.g. {Path(parsed.database) / 'workbench.sqlite'}"
        )
    return parsed


def create_engine_for(url: str) -> Engine:
    parsed = parse_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            _make_folder(Path(parsed.database))
            migrate.refuse_foreign_sqlite(Path(parsed.database))
        engine = create_engine(parsed)
        _configure_sqlite(engine)
        return engine
    # No native hstore: the schema has no hstore column, and SQLAlchemy's psycopg dialect would
    # otherwise look the type up (a savepoint and a pg_type query) on the first connection of
    # every engine, that is of every command: about a tenth of a command's opening, on the
    # server and here (bench/pg_server.py).
    return create_engine(parsed, pool_pre_ping=True, use_native_hstore=False)


def _make_folder(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = error.strerror
        blocker = next((p for p in path.parents if p.exists() and not p.is_dir()), None)
        if blocker is not None:
            reason = f"{blocker} is a file, not a folder"
        raise WorkbenchError(
            f"cannot create the folder {path.parent} for the database {path.name} ({reason}); "
            "pass --db with a path in a folder you can write to"
        ) from error


def is_storage_failure(error: DatabaseError) -> bool:
    """An error of the storage itself (file, disk, server), not a constraint or a bad query.

    sqlite3 reports a damaged file ("malformed", "not a database") as a bare DatabaseError.
    """
    return isinstance(error, OperationalError) or type(error) is DatabaseError


def explain(url: URL, error: DatabaseError) -> str:
    """What went wrong with the database at `url`, said so that the user can act on it."""
    shown = url.render_as_string(hide_password=True)
    reason = str(error.orig)
    if url.get_backend_name() == "sqlite" and url.database:
        path = Path(url.database)
        if "malformed" in reason or "not a database" in reason:
            return (
                f"the database {path} is damaged or not a workbench database ({reason}); "
                "nothing was written. Restore it from a backup (`workbench backup` makes them); "
                f"`sqlite3 {path} .recover` may save what is left"
            )
        if "readonly" in reason or "read-only" in reason:
            return (
                f"the database {path} is read-only for this user ({reason}); nothing was "
                "written. Ask its owner for write access to the file and its folder, or work "
                "on a copy"
            )
        if "unable to open database file" in reason:
            return (
                f"cannot open the database {path}: its folder {path.parent} is missing or not "
                "writable for this user; nothing was written. Pass --db with a writable path"
            )
        if "disk is full" in reason or "disk I/O error" in reason:
            return (
                f"the disk holding {path} is full or failing ({reason}); the transaction was "
                "rolled back and nothing of it was written. Free some space and run it again"
            )
    return f"the database {shown} failed: {reason}"


@dataclass
class Database:
    engine: Engine
    _reader: sessionmaker[Session]
    _writer: sessionmaker[Session]
    write_guard: Callable[[], None] | None = field(default=None, repr=False)

    @classmethod
    def from_engine(cls, engine: Engine) -> Database:
        from sqlalchemy.orm import sessionmaker

        write_engine = engine
        if engine.dialect.name == "sqlite":
            write_engine = engine.execution_options(sqlite_begin="IMMEDIATE")
        return cls(
            engine=engine,
            _reader=sessionmaker(engine, expire_on_commit=False),
            _writer=sessionmaker(write_engine, expire_on_commit=False),
        )

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; nothing it does is committed."""
        try:
            with self._reader() as session:
                yield session
        except DatabaseError as error:
            if not is_storage_failure(error):
                raise
            raise WorkbenchError(explain(self.engine.url, error)) from error

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back if it raises.

        `write_guard`, when set, runs as the transaction begins and again just before it commits:
        raising there rolls it back (the screen checks that its SQLite file is still the one it
        opened, so that nothing is reported saved into a file deleted or replaced under it).
        """
        try:
            with self._writer() as session, session.begin():
                if self.write_guard is not None:
                    self.write_guard()
                yield session
                if self.write_guard is not None:
                    self.write_guard()
        except DatabaseError as error:
            # A read-only file, a full disk, a damaged file, a lost server: the transaction is
            # rolled back. Constraint errors and the like stay as they are for the caller.
            if not is_storage_failure(error):
                raise
            raise WorkbenchError(
                explain(self.engine.url, error) + " (this transaction was rolled back)"
            ) from error

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(url: str, *, upgrade: bool = True) -> Database:
    """Open the database at `url`, creating or upgrading its schema to this version's."""
    engine = create_engine_for(url)
    try:
        if upgrade:
            migrate.upgrade_to_head(engine)
        else:
            migrate.check_current(engine)
    except DatabaseError as error:
        engine.dispose()
        if not is_storage_failure(error):
            raise
        raise WorkbenchError(explain(engine.url, error)) from error
    except Exception:
        engine.dispose()
        raise
    return Database.from_engine(engine)


def open_reader(url: str) -> Engine | None:
    """An engine for a read-only command on SQLAlchemy Core, or None when the full
    `open_database` must run instead.

    Only a SQLite database already at this version's schema qualifies: it needs no upgrade, and
    SQLite has no logins, so whoever acts there is `--user` as given (services/users.py). A
    PostgreSQL database goes through the login check of `open_database`; a new, older or
    unreadable file through its upgrade and its error messages.
    """
    parsed = parse_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    path = Path(parsed.database)
    if parsed.database == ":memory:" or not path.is_file():
        return None
    engine = create_engine_for(url)
    try:
        if migrate.is_at_head(engine):
            return engine
    except DatabaseError:
        pass  # open_database says what is wrong, in the user's words
    engine.dispose()
    return None


@contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    """A connection for reading, its storage failures explained as `Database.read` does."""
    try:
        with engine.connect() as connection:
            yield connection
    except DatabaseError as error:
        if not is_storage_failure(error):
            raise
        raise WorkbenchError(explain(engine.url, error)) from error
