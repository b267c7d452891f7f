"""PostgreSQL costs of the test set-up and of opening a database, each against its baseline,
measured in the same run: CPU of the server (its processes, from /proc: Linux only) and of
this process.

- CREATE DATABASE from the seeded template and DROP DATABASE, the server's folder on disk (the
  temp folder) against in memory (/dev/shm), as every PostgreSQL test does once;
- the same through a new admin connection for each statement against one kept connection;
- opening the database as a command does (open_database, one read, dispose) as before (with
  SQLAlchemy's native hstore lookup, the version table found by its inspector) against now.

    PYTHONPATH=. .venv/bin/python bench/pg_server.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

os.environ["WORKBENCH_CONFIG"] = "/nonexistent/workbench.toml"  # no one's own settings

import psycopg
from sqlalchemy import create_engine, inspect, text

from tests.conftest import build_seeded_by_cli
from tests.pg_fixtures import SUPERUSER, PostgresServer, find_bin_dir, server_account
from workbench.store import migrate
from workbench.store.database import Database, open_database, parse_url

TICKS = os.sysconf("SC_CLK_TCK")
Cpu = tuple[float, float]  # seconds of the server, of this process


def _process_cpu(pid: int) -> tuple[int, float, float]:
    """parent pid, own CPU and reaped children's CPU of the process, in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    own = (int(fields[11]) + int(fields[12])) / TICKS
    return int(fields[1]), own, (int(fields[13]) + int(fields[14])) / TICKS


def server_cpu(server: PostgresServer) -> float:
    """The postmaster, its exited children (backends) and its live ones (checkpointer, ...)."""
    postmaster = int((server.data_dir / "postmaster.pid").read_text().split()[0])
    _, own, reaped = _process_cpu(postmaster)
    live = 0.0
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent, cpu, _ = _process_cpu(int(entry.name))
            except (OSError, IndexError):
                continue  # gone meanwhile
            live += cpu if parent == postmaster else 0.0
    return own + reaped + live


def own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def measure(server: PostgresServer, action: Callable[[int], None], runs: int) -> Cpu:
    time.sleep(0.2)  # let exited backends be reaped into the postmaster's figures
    server_before, own_before = server_cpu(server), own_cpu()
    for number in range(runs):
        action(number)
    time.sleep(0.2)
    return (server_cpu(server) - server_before) / runs, (own_cpu() - own_before) / runs


@contextmanager
def running_server(parent: str | None) -> Iterator[PostgresServer]:
    folder = Path(tempfile.mkdtemp(prefix="workbench-pg-bench-", dir=parent))
    server = PostgresServer(find_bin_dir(), folder, server_account())
    server.start()
    try:
        yield server
    finally:
        server.stop()


def copy_and_drop(execute: Callable[[str], object]) -> Callable[[int], None]:
    """A test's CREATE DATABASE (a copy of the seeded template) and DROP DATABASE."""

    def action(number: int) -> None:
        execute(f'CREATE DATABASE "c{number}" TEMPLATE template_seeded STRATEGY = FILE_COPY')
        execute(f'DROP DATABASE "c{number}" WITH (FORCE)')

    return action


def on_a_new_connection(server: PostgresServer) -> Callable[[str], object]:
    """Each statement on an admin connection of its own, as the tests did before."""

    def execute(statement: str) -> None:
        with psycopg.connect(
            host=str(server.folder), user=SUPERUSER, dbname="postgres", autocommit=True
        ) as connection:
            connection.execute(statement)

    return execute


def opening(url: str, before: bool) -> Callable[[int], None]:
    """What a command does with the database: open it (its schema checked), read, dispose of
    it; through the workbench's own `open_database`, or as it did before: an engine with
    SQLAlchemy's default native hstore lookup, the version table found by its inspector."""

    def action(_number: int) -> None:
        database = open_as_before(url) if before else open_database(url)
        with database.read() as session:
            session.execute(text("SELECT 1"))
        database.dispose()

    return action


def open_as_before(url: str) -> Database:
    engine = create_engine(parse_url(url), pool_pre_ping=True)
    with engine.connect() as connection:
        assert inspect(connection).has_table(migrate.VERSION_TABLE)
        stored = connection.execute(text(f"SELECT version_num FROM {migrate.VERSION_TABLE}"))
        assert [row[0] for row in stored] == [migrate.HEAD_REVISION]
    return Database.from_engine(engine)


def ratio(label: str, baseline: Cpu, now: Cpu) -> str:
    return (
        f"{label:44} server {baseline[0] * 1000:6.1f} -> {now[0] * 1000:6.1f} ms "
        f"({baseline[0] / max(now[0], 1e-9):4.2f}x), here {baseline[1] * 1000:5.1f} -> "
        f"{now[1] * 1000:5.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="operations per figure (mean)")
    runs = parser.parse_args().runs
    totals: dict[str, list[Cpu]] = {}
    with running_server(None) as on_disk, running_server("/dev/shm") as in_memory:
        for server in (on_disk, in_memory):
            build_seeded_by_cli(server.create_database("template_seeded"))
        url = in_memory.url("template_seeded")
        cases: dict[str, tuple[PostgresServer, Callable[[int], None]]] = {
            "copy+drop, server on disk": (on_disk, copy_and_drop(on_disk.admin().execute)),
            "copy+drop, server in memory": (in_memory, copy_and_drop(in_memory.admin().execute)),
            "copy+drop, a new admin connection each": (
                in_memory,
                copy_and_drop(on_a_new_connection(in_memory)),
            ),
            "open a database as before": (in_memory, opening(url, before=True)),
            "open a database": (in_memory, opening(url, before=False)),
        }
        for _round in range(2):  # interleaved, so that the machine's load falls on each alike
            for label, (server, action) in cases.items():
                totals.setdefault(label, []).append(measure(server, action, runs))
    mean = {label: _mean(figures) for label, figures in totals.items()}
    print(ratio("server folder: disk -> memory", mean["copy+drop, server on disk"],
                mean["copy+drop, server in memory"]))  # fmt: skip
    print(ratio("admin: new connection each -> one kept",
                mean["copy+drop, a new admin connection each"],
                mean["copy+drop, server in memory"]))  # fmt: skip
    print(ratio("opening: hstore, inspector -> neither", mean["open a database as before"],
                mean["open a database"]))  # fmt: skip


def _mean(figures: list[Cpu]) -> Cpu:
    return (
        sum(server for server, _ in figures) / len(figures),
        sum(here for _, here in figures) / len(figures),
    )


if __name__ == "__main__":
    main()
