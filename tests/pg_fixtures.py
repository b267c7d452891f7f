"""A throwaway PostgreSQL server for the tests, and fixtures that run a test on both backends.

The server is started once per test run (one for all the pytest-xdist workers of a run) from
the PostgreSQL binaries (Debian's `postgresql` package puts them in
/usr/lib/postgresql/<version>/bin), in a temporary data folder, listening only on a unix socket
in that folder, and stopped at the end. Every test gets its own database.

`initdb` refuses to run as root, so under root (as in CI) the server runs as the `postgres` user
(created by Debian's package) or, failing that, `nobody`.

Where no server can be had the PostgreSQL variants skip with the reason; with CI=true they fail.
"""

from __future__ import annotations

import itertools
import os
import pwd
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
import pytest

from tests import memory_folder
from tests.conftest import Cli
from workbench.store.database import Database

SERVER_USERS = ("postgres", "nobody")
DEBIAN_INSTALLS = Path("/usr/lib/postgresql")  # <version>/bin under it
SUPERUSER = "postgres"


class PostgresUnavailable(Exception):
    """No PostgreSQL server can be started here; the message says why."""


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def find_bin_dir() -> Path:
    """The folder holding initdb, pg_ctl and postgres: on PATH, else the newest Debian install."""
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).resolve().parent

    def major(path: Path) -> int:
        found = re.search(r"/(\d+)/bin$", str(path))
        return int(found.group(1)) if found else 0

    installed = sorted(DEBIAN_INSTALLS.glob("*/bin"), key=major, reverse=True)
    for folder in installed:
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    raise PostgresUnavailable(
        "no initdb on PATH or in /usr/lib/postgresql/*/bin; install the PostgreSQL server "
        "(Debian: apt-get install postgresql)"
    )


def server_account() -> pwd.struct_passwd | None:
    """The unprivileged account to run the server as when we are root; None when we are not."""
    if os.geteuid() != 0:
        return None
    for name in SERVER_USERS:
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise PostgresUnavailable(
        f"running as root and none of the users {', '.join(SERVER_USERS)} exists to run the "
        "server (initdb refuses root)"
    )


@dataclass
class PostgresServer:
    bin_dir: Path
    folder: Path  # holds the data folder, the log and the unix socket
    account: pwd.struct_passwd | None
    _admin: psycopg.Connection[Any] | None = field(default=None, init=False, repr=False)

    @property
    def data_dir(self) -> Path:
        return self.folder / "data"

    @property
    def log_file(self) -> Path:
        return self.folder / "server.log"

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{SUPERUSER}@/{database}?host={self.folder}"

    def _run(self, *args: str) -> None:
        extra: dict[str, Any] = {}
        if self.account is not None:
            extra = {
                "user": self.account.pw_uid,
                "group": self.account.pw_gid,
                "extra_groups": [],
            }
        env = {**os.environ, "LC_ALL": "C.UTF-8", "HOME": str(self.folder)}
        result = subprocess.run(
            [str(self.bin_dir / args[0]), *args[1:]],
            capture_output=True,
            text=True,
            env=env,
            cwd=self.folder,  # the server's user may not be allowed into ours (e.g. /root/...)
            check=False,
            timeout=120,
            **extra,
        )
        if result.returncode != 0:
            log = self.log_file.read_text() if self.log_file.exists() else ""
            raise PostgresUnavailable(
                f"{args[0]} failed ({result.returncode}): {result.stderr.strip()}\n{log[-2000:]}"
            )

    def start(self) -> None:
        if self.account is not None:
            os.chown(self.folder, self.account.pw_uid, self.account.pw_gid)
        self._run(
            "initdb",
            "--pgdata",
            str(self.data_dir),
            "--username",
            SUPERUSER,
            "--auth",
            "trust",
            "--encoding",
            "UTF8",
            "--locale",
            "C.UTF-8",
            "--no-sync",
        )
        # Only a unix socket in our own folder: no port to collide with another test run.
        # Durability settings are off because the tests kill clients, never this server; the
        # background work a long-lived server needs (autovacuum, statistics, WAL for replicas)
        # is off too: every database lives for one test. Dynamic shared memory as files in the
        # data folder (mmap), not POSIX segments in /dev/shm: the immediate stop below leaves
        # those behind, ten or so per run, on the machine for good.
        options = (
            f"-c listen_addresses='' -c unix_socket_directories='{self.folder}' "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
            "-c autovacuum=off -c track_counts=off -c wal_level=minimal -c max_wal_senders=0 "
            "-c max_connections=200 -c dynamic_shared_memory_type=mmap"
        )
        self._run(
            "pg_ctl", "--pgdata", str(self.data_dir), "--log", str(self.log_file), "--wait",
            "--options", options, "start",
        )  # fmt: skip

    def stop(self) -> None:
        self.close_admin()
        try:
            self._run("pg_ctl", "--pgdata", str(self.data_dir), "--mode", "immediate", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def admin(self) -> psycopg.Connection[Any]:
        """This process's connection to the `postgres` database, for CREATE and DROP DATABASE:
        opened on first use and kept for the session (each test needs two or three of these, and
        every new connection is a server process started: some 5 ms of the server's CPU, and 1-3
        ms of ours). In autocommit mode: a failed statement leaves it usable."""
        if self._admin is None or self._admin.closed or self._admin.broken:
            self._admin = psycopg.connect(
                host=str(self.folder), user=SUPERUSER, dbname="postgres", autocommit=True
            )
        return self._admin

    def close_admin(self) -> None:
        if self._admin is not None:
            self._admin.close()
            self._admin = None

    def create_database(self, name: str) -> str:
        connection = self.admin()
        connection.execute(create_database_sql(connection, name, "template0"))
        return self.url(name)

    def drop_database(self, name: str) -> None:
        self.admin().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def create_database_sql(connection: psycopg.Connection[Any], name: str, template: str) -> str:
    """CREATE DATABASE `name` as a copy of `template`, its files copied (FILE_COPY) where the
    server has the choice (PostgreSQL 15+): the default since 15, WAL_LOG, writes every block of
    the copy through the WAL, which took twice as long (drop and create 52-60 ms against 24-29 ms
    here) for the small databases the tests copy, some 400 per run."""
    strategy = " STRATEGY = FILE_COPY" if connection.info.server_version >= 150000 else ""
    return f'CREATE DATABASE "{name}" TEMPLATE "{template}"{strategy}'


# The server's folder goes in memory (tests/memory_folder.py) where there is room: every test's
# CREATE DATABASE writes some 360 files and its DROP deletes them, and on this machine's ext4 (a
# virtual disk) the kernel's search for a free inode among those just deleted was two thirds of
# the server's CPU (perf, the PostgreSQL cases of test_hostile_text.py). The data is thrown away
# at the end of the run either way (fsync is off). The PostgreSQL tests under -n 2 peaked at
# 340 MB there: initdb's 40 MB, the WAL, the templates and each worker's live databases.
SERVER_FREE_BYTES = 2 * 1024**3
SERVER_FILES = 100_000


def server_parent() -> Path | None:
    """Where the server's folder is made: in memory when there is room, else the temp folder."""
    if memory_folder.memory_has_room(SERVER_FREE_BYTES, SERVER_FILES):
        return memory_folder.MEMORY_FOLDER
    return None


def start_server() -> PostgresServer:
    bin_dir = find_bin_dir()
    account = server_account()
    folder = Path(tempfile.mkdtemp(prefix="workbench-pg-", dir=server_parent()))
    server = PostgresServer(bin_dir, folder, account)
    try:
        server.start()
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return server


def unavailable(reason: str) -> None:
    if in_ci():
        pytest.fail(f"PostgreSQL must run in CI (CI=true) but cannot: {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL not available: {reason}")


# Under pytest-xdist the workers of a run share one server: the controller (which runs no test)
# hands them a folder of its own; the first worker that needs the server starts it under a file
# lock and records where it is, the others find it there, and the controller stops it when the
# run ends. One server instead of one per worker: one initdb, and each template database built
# once per run (tests/templates.py), not once per worker.
_RUN_FOLDER = "workbench_postgres_run"
_run_folder_key = pytest.StashKey[Path]()


def pytest_configure(config: pytest.Config) -> None:
    if not hasattr(config, "workerinput") and getattr(config.option, "numprocesses", None):
        config.stash[_run_folder_key] = Path(tempfile.mkdtemp(prefix="workbench-pg-run-"))


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: Any) -> None:  # xdist's hook, on the controller, per worker
    folder = node.config.stash.get(_run_folder_key, None)
    if folder is not None:
        node.workerinput[_RUN_FOLDER] = str(folder)


def pytest_unconfigure(config: pytest.Config) -> None:
    folder = config.stash.get(_run_folder_key, None)
    if folder is None:
        return
    try:
        record = folder / "server"
        if record.exists() and not record.read_text().startswith("unavailable"):
            PostgresServer(find_bin_dir(), Path(record.read_text()), server_account()).stop()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def shared_server(run_folder: Path) -> PostgresServer:
    """The run's server, started by the first worker to ask (a failure is recorded too, so that
    every worker reports the same reason without trying again)."""
    from filelock import FileLock

    record = run_folder / "server"
    with FileLock(run_folder / "server.lock"):
        if record.exists():
            where = record.read_text()
            if where.startswith("unavailable"):
                raise PostgresUnavailable(where.removeprefix("unavailable: "))
            return PostgresServer(find_bin_dir(), Path(where), server_account())
        try:
            server = start_server()
        except (PostgresUnavailable, OSError, subprocess.SubprocessError) as error:
            record.write_text(f"unavailable: {error}")
            raise
        record.write_text(str(server.folder))
        return server


@pytest.fixture(scope="session")
def postgres_server(request: pytest.FixtureRequest) -> Iterator[PostgresServer]:
    run_folder = getattr(request.config, "workerinput", {}).get(_RUN_FOLDER)
    try:
        server = shared_server(Path(run_folder)) if run_folder else start_server()
    except (PostgresUnavailable, OSError, subprocess.SubprocessError) as error:
        unavailable(str(error))
        raise  # not reached: unavailable() always raises
    yield server
    server.close_admin()
    if not run_folder:
        server.stop()  # a shared one is stopped by the controller, after every worker


_database_numbers = itertools.count(1)


# Fixtures that replace the test's database by a template copy (tests/templates.py drops it
# and creates it from the template) before anything else uses it.
REPLACED_BY_TEMPLATE = ("database", "any_database", "seeded_cli", "any_seeded_cli")


@pytest.fixture
def postgres_url(postgres_server: PostgresServer, request: pytest.FixtureRequest) -> Iterator[str]:
    """A fresh, empty database on the session's server."""
    name = f"test_{os.getpid()}_{next(_database_numbers)}"
    if any(fixture in request.fixturenames for fixture in REPLACED_BY_TEMPLATE):
        # Only named here: an empty database made first would be dropped unused, and each
        # CREATE DATABASE costs the server some 70 ms of CPU (the copy of template0).
        url = postgres_server.url(name)
    else:
        url = postgres_server.create_database(name)
    yield url
    postgres_server.drop_database(name)


BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def any_db_url(request: pytest.FixtureRequest, db_path: Path) -> str:
    """A fresh database on each backend in turn: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{db_path}"
    url: str = request.getfixturevalue("postgres_url")
    return url


@pytest.fixture
def any_cli(any_db_url: str) -> Cli:
    return Cli(any_db_url)


@pytest.fixture
def any_database(any_db_url: str, request: pytest.FixtureRequest) -> Iterator[Database]:
    """The database at `any_db_url` at this version's schema (a copy of a template)."""
    from tests.templates import open_test_database

    database = open_test_database(request, any_db_url)
    yield database
    database.dispose()


@pytest.fixture
def any_seeded_cli(any_cli: Cli, request: pytest.FixtureRequest) -> Cli:
    """`any_cli` on a database holding the seed articles, as `workbench import seeds/` leaves it."""
    from tests.conftest import build_seeded_by_cli
    from tests.templates import release_open_databases, restore_template

    release_open_databases(request)
    restore_template(request, "seeded-cli", build_seeded_by_cli, any_cli.db_url)
    return any_cli


@pytest.fixture(params=BACKENDS)
def any_db_factory(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[], str]]:
    """Makes fresh databases on each backend in turn, for tests that need several (hypothesis):
    each at this version's schema, a copy of the "migrated" template (what the first open would
    create, without an Alembic run per database: three per hypothesis example, some tests)."""
    from tests.conftest import build_migrated
    from tests.templates import restore_template

    made: list[str] = []
    server: PostgresServer | None = None
    request.getfixturevalue("database_templates")  # set up now, not half-way through the test
    if request.param == "postgresql":
        server = request.getfixturevalue("postgres_server")

    def make() -> str:
        number = next(_database_numbers)
        if server is None:
            url = f"sqlite:///{tmp_path / f'db{number}.sqlite'}"
        else:
            name = f"test_{os.getpid()}_{number}"
            made.append(name)
            url = server.url(name)
        restore_template(request, "migrated", build_migrated, url)
        return url

    yield make
    for name in made:
        assert server is not None
        server.drop_database(name)
