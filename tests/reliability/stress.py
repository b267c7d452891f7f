"""Concurrent editors on one database: workers that race read-then-write edits, and the audit.

Each worker process opens the database itself and, edit after edit, reads a segment's version and
saves a unique text naming that version (`save_target(..., expect_version=...)`, the contract of
`workbench edit --expect-version`). The audit then proves from the database alone that no save was
lost and that every refused save was reported to its writer. Used by
tests/reliability/test_concurrency.py (short) and bench/concurrency.py (8 x 200, timed).
"""

from __future__ import annotations

import multiprocessing
import random
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from workbench.errors import StaleVersionError
from workbench.services.editing import save_target
from workbench.services.users import ensure_user
from workbench.store.database import Database, open_database
from workbench.store.models import Revision, Segment


@dataclass(frozen=True, slots=True)
class Attempt:
    worker: int
    segment_id: int
    text: str  # unique per attempt, so the history shows exactly which attempts landed
    expected: int  # the version the worker read
    saved_version: int | None  # set when the save went through
    refused_at: int | None  # the current version StaleVersionError reported, when refused


@dataclass
class Audit:
    attempts: int = 0
    saved: int = 0
    refused: int = 0
    lost_updates: int = 0  # saves reported done whose text is not in the history at their version
    unreported: int = 0  # history entries nobody was told were saved, or refusals not stale
    problems: list[str] = field(default_factory=list)

    def fail(self, message: str) -> None:
        if len(self.problems) < 20:
            self.problems.append(message)


_shared: dict[str, Any] = {}  # "start_line": a multiprocessing.Barrier shared with the workers


def _join_start_line(barrier: Any) -> None:
    _shared["start_line"] = barrier


def _worker_context() -> Any:
    """Workers forked from a fork server that has imported this module: no engine or connection
    crosses a fork (the server never opens one), and a worker does not spend the second a fresh
    interpreter ("spawn") takes to import SQLAlchemy and the workbench. The server is started
    once per process that runs workers (one per pytest-xdist worker) and serves every test."""
    context = multiprocessing.get_context("forkserver")
    # The same list as tests/reliability/forked.py's: the first to start the server preloads both.
    context.set_forkserver_preload(["tests.reliability.forked", __name__])
    return context


def _read_version(database: Database, segment_id: int) -> int:
    with database.read() as session:
        version = session.scalar(select(Segment.version).where(Segment.id == segment_id))
    assert version is not None, f"segment {segment_id} vanished"
    return version


@dataclass(frozen=True, slots=True)
class WorkerRun:
    attempts: list[Attempt]
    began: float  # wall-clock seconds, comparable between processes
    ended: float


def edit_worker(url: str, worker: int, segment_ids: list[int], edits: int) -> WorkerRun:
    """Race `edits` read-then-write saves against the other workers; report every outcome."""
    database = open_database(url)
    rng = random.Random(worker)
    name = f"editor{worker}"
    with database.write() as session:
        ensure_user(session, name)
    if "start_line" in _shared:
        _shared["start_line"].wait()
    began = time.time()
    attempts: list[Attempt] = []
    try:
        for number in range(edits):
            segment_id = rng.choice(segment_ids)
            expected = _read_version(database, segment_id)
            text = f"worker {worker} edit {number} over v{expected} ✓ تعديل"
            try:
                with database.write() as session:
                    author = ensure_user(session, name)
                    saved = save_target(session, segment_id, text, author, expect_version=expected)
            except StaleVersionError as error:
                attempts.append(Attempt(worker, segment_id, text, expected, None, error.current))
            else:
                attempts.append(Attempt(worker, segment_id, text, expected, saved.version, None))
        ended = time.time()
    finally:
        database.dispose()
    return WorkerRun(attempts, began, ended)


def run_workers(url: str, workers: int, edits: int, segment_ids: list[int]) -> list[Attempt]:
    """`workers` processes, released together, each making `edits` saves; all their attempts."""
    attempts, _ = timed_run(url, workers, edits, segment_ids)
    return attempts


def timed_run(
    url: str, workers: int, edits: int, segment_ids: list[int]
) -> tuple[list[Attempt], float]:
    """All attempts, and the seconds from the common start to the last worker's last save
    (process start-up is not counted)."""
    context = _worker_context()
    barrier = context.Barrier(workers)
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_join_start_line, initargs=(barrier,)
    ) as pool:
        futures = [
            pool.submit(edit_worker, url, worker, segment_ids, edits) for worker in range(workers)
        ]
        runs = [future.result() for future in futures]
    attempts = [attempt for run in runs for attempt in run.attempts]
    return attempts, max(run.ended for run in runs) - min(run.began for run in runs)


def audit(database: Database, attempts: list[Attempt]) -> Audit:
    """Check the history against what every writer was told."""
    result = Audit(attempts=len(attempts))
    for segment_id in sorted({attempt.segment_id for attempt in attempts}):
        mine = [attempt for attempt in attempts if attempt.segment_id == segment_id]
        _audit_segment(database, segment_id, mine, result)
    return result


def _audit_segment(
    database: Database, segment_id: int, attempts: list[Attempt], result: Audit
) -> None:
    with database.read() as session:
        history = session.execute(
            select(Revision.version, Revision.text)
            .where(Revision.segment_id == segment_id)
            .order_by(Revision.id)
        ).all()
        current = session.execute(
            select(Segment.version, Segment.target).where(Segment.id == segment_id)
        ).one()
    versions = [version for version, _ in history]
    base = versions[0] - 1 if versions else current.version
    if versions != list(range(base + 1, base + 1 + len(versions))):
        result.fail(f"segment {segment_id}: versions not strictly sequential: {versions}")
    text_at = dict(history)
    saved = [attempt for attempt in attempts if attempt.saved_version is not None]
    refused = [attempt for attempt in attempts if attempt.saved_version is None]
    result.saved += len(saved)
    result.refused += len(refused)
    for attempt in saved:
        if text_at.get(attempt.saved_version or -1) != attempt.text:
            result.lost_updates += 1
            result.fail(f"lost: {attempt}")
    if history and (current.version, current.target) != history[-1]:
        result.lost_updates += 1
        result.fail(f"segment {segment_id}: final state {tuple(current)} is not {history[-1]}")
    told_saved = {attempt.text for attempt in saved}
    for version, text in history:
        if text not in told_saved:
            result.unreported += 1
            result.fail(f"segment {segment_id} v{version} {text!r}: saved, writer told refused")
    for attempt in refused:
        if attempt.refused_at is None or attempt.refused_at <= attempt.expected:
            result.unreported += 1
            result.fail(f"refused without a newer version to show for it: {attempt}")
