"""`workbench` commands in processes of their own, forked from a fork server that has the CLI
loaded: each is a real process (its own pid and database connections, killable with SIGKILL),
without the second of CPU a new interpreter takes to start and import SQLAlchemy and the CLI.

A command runs as click's test runner runs it (`Cli` in tests/conftest.py): stdout and stderr
captured (neither is a terminal, as with a pipe), the exit code returned. The fork server never
opens a database, so no engine or connection crosses a fork; it is started once per process
(one per pytest-xdist worker), with the environment of that moment, so each command gets the
variables a command's outcome depends on from the test that starts it.
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
import resource
import traceback
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from click.testing import CliRunner
from sqlalchemy.orm import configure_mappers

from workbench.cli import main as workbench_main

# What the commands run here load besides the CLI's core (the command modules load lazily):
# imported once, in the fork server, instead of in every command's process.
_PRELOADED = (
    "psycopg",
    "sqlalchemy.dialects.postgresql.psycopg",
    "sqlalchemy.dialects.sqlite.pysqlite",
    "workbench.cli.export",
    "workbench.cli.importing",
    "workbench.cli.segments",
    "workbench.export.csv",
    "workbench.export.tmx",
    "workbench.services.editing",
    "workbench.store.database",
    "workbench.store.migrate",
)
for _module in _PRELOADED:
    importlib.import_module(_module)
# The ORM sets up its mappers (columns, relationships) at a process's first query: done here, once,
# so that every command forked from the server inherits them set up (a fifth of a short
# command's CPU). Nothing is connected: no engine or connection crosses a fork.
configure_mappers()
Outcome = tuple[int, str, str]  # exit code, stdout, stderr
_ENVIRONMENT = (
    "WORKBENCH_CONFIG",
    "XDG_STATE_HOME",
    "WORKBENCH_DB",
    "WORKBENCH_USER",
    "WORKBENCH_BIDI",
)
_shared: dict[str, Any] = {}  # "start_line": a multiprocessing.Barrier shared with the racers


def _context() -> Any:
    context = multiprocessing.get_context("forkserver")
    # The same list as the stress harness's: the first to start the server preloads both.
    context.set_forkserver_preload([__name__, "tests.reliability.stress"])
    return context


def _environment() -> dict[str, str | None]:
    return {name: os.environ.get(name) for name in _ENVIRONMENT}


def _invoke(args: list[str], env: dict[str, str | None]) -> Outcome:
    result = CliRunner().invoke(workbench_main, args, env=env)
    stderr = result.stderr
    if result.exc_info is not None and not isinstance(result.exception, SystemExit):
        stderr += "".join(traceback.format_exception(*result.exc_info))  # as Python prints it
    return result.exit_code, result.stdout, stderr


def _join_start_line(barrier: Any) -> None:
    _shared["start_line"] = barrier


def _raced(args: list[str], env: dict[str, str | None]) -> Outcome:
    _shared["start_line"].wait()
    return _invoke(args, env)


def run_commands_together(commands: list[list[str]]) -> list[Outcome]:
    """Each command line (`workbench`'s arguments) in a process of its own, all released at
    once, as `workbench` processes started together race."""
    context = _context()
    barrier = context.Barrier(len(commands))
    with ProcessPoolExecutor(
        len(commands), mp_context=context, initializer=_join_start_line, initargs=(barrier,)
    ) as pool:
        futures = [pool.submit(_raced, command, _environment()) for command in commands]
        return [future.result() for future in futures]


@dataclass
class Command:
    """A command started by `start_command`."""

    process: Any  # multiprocessing's Process
    results: Connection
    outcome: Outcome | None = None  # once finished

    @property
    def pid(self) -> int:
        pid: int = self.process.pid
        return pid

    def running(self) -> bool:
        return bool(self.process.is_alive())

    def finish(self, timeout: float) -> Outcome:
        """Its outcome; for a process killed by a signal, minus the signal's number (as
        `subprocess` reports it) and no output."""
        if self.outcome is not None:
            return self.outcome
        outcome: Outcome | None = None
        if self.results.poll(timeout):
            try:
                outcome = self.results.recv()
            except EOFError:  # killed before it could report
                outcome = None
        self.process.join(timeout)
        self.results.close()
        self.outcome = outcome if outcome is not None else (self.process.exitcode, "", "")
        return self.outcome


def start_command(args: list[str], file_size_limit: int | None = None) -> Command:
    """`workbench args` started in a process of its own. `file_size_limit`: no file it writes
    may grow past these bytes (RLIMIT_FSIZE: a full disk; Python ignores SIGXFSZ, so the write
    fails with EFBIG)."""
    context = _context()
    reader, writer = context.Pipe(duplex=False)
    process = context.Process(target=_command, args=(args, _environment(), writer, file_size_limit))
    process.start()
    writer.close()  # the child's copy stays open: its end (or death) ends what we read
    return Command(process, reader)


def _command(
    args: list[str], env: dict[str, str | None], writer: Connection, limit: int | None
) -> None:
    if limit is not None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    writer.send(_invoke(args, env))
    writer.close()
