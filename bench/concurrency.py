"""Concurrency benchmark: 8 processes x 200 conflicting edits on the same 3 segments.

For each backend (a SQLite file; a throwaway PostgreSQL server when its binaries are installed)
prints the writes per second, the conflicts (saves refused as stale and reported to their writer)
and the lost updates (must be 0), and, measured in the same run as the baseline, the same number of
read-then-write saves made by one process alone.

    .venv/bin/python bench/concurrency.py [--workers 8] [--edits 200]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))  # the stress harness lives with the tests that share it

from tests.pg_fixtures import PostgresUnavailable, start_server  # noqa: E402
from tests.reliability.stress import audit, timed_run  # noqa: E402
from workbench.ingest.sources import collect_sources, read_source  # noqa: E402
from workbench.services.importing import import_document  # noqa: E402
from workbench.store.database import open_database  # noqa: E402

SEGMENTS = [3, 4, 5]


def seed(url: str) -> None:
    database = open_database(url)
    for path in collect_sources([REPO_ROOT / "seeds"]):
        import_document(database, read_source(path), "bench")
    database.dispose()


def measure(name: str, make_url: list[str], workers: int, edits: int) -> bool:
    """Run the baseline and the race on fresh databases; print the figures; True if nothing lost."""
    total = workers * edits
    base_url, race_url = make_url
    seed(base_url)
    _, alone = timed_run(base_url, 1, total, SEGMENTS)
    seed(race_url)
    attempts, raced = timed_run(race_url, workers, edits, SEGMENTS)
    database = open_database(race_url)
    result = audit(database, attempts)
    database.dispose()
    print(f"{name}:")
    print(f"  1 process x {total} saves:    {alone:6.2f} s  {total / alone:7.0f} writes/s")
    print(
        f"  {workers} processes x {edits} saves: {raced:6.2f} s  {total / raced:7.0f} attempts/s, "
        f"{result.saved / raced:5.0f} saves/s"
    )
    print(f"  saved {result.saved}, refused as stale (reported) {result.refused}")
    print(f"  lost updates {result.lost_updates}, unreported outcomes {result.unreported}")
    print(f"  attempts/s, {workers} racing / 1 alone: {alone / raced:.2f}x")
    for problem in result.problems:
        print(f"  PROBLEM {problem}")
    return result.lost_updates == 0 and result.unreported == 0 and not result.problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--edits", type=int, default=200)
    args = parser.parse_args()
    ok = True
    with tempfile.TemporaryDirectory() as folder:
        urls = [f"sqlite:///{folder}/base.sqlite", f"sqlite:///{folder}/race.sqlite"]
        ok &= measure("SQLite (WAL, BEGIN IMMEDIATE)", urls, args.workers, args.edits)
    try:
        server = start_server()
    except PostgresUnavailable as reason:
        print(f"PostgreSQL: not measured ({reason})")
        return 0 if ok else 1
    try:
        urls = [server.create_database("base"), server.create_database("race")]
        ok &= measure("PostgreSQL (READ COMMITTED)", urls, args.workers, args.edits)
    finally:
        server.stop()
    print("lost updates: none" if ok else "lost updates or unreported outcomes: FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
