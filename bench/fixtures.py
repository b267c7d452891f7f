"""Test set-up benchmark: each kind of starting database built as a test used to build it, against
copied from its template (tests/templates.py), on SQLite and on PostgreSQL.

    PYTHONPATH=. .venv/bin/python bench/fixtures.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ["WORKBENCH_CONFIG"] = "/nonexistent/workbench.toml"  # no one's own settings

from tests.conftest import build_migrated, build_seeded_by_cli
from tests.integration.exchange.conftest import build_desk
from tests.pg_fixtures import PostgresServer, start_server
from tests.templates import Builder, Templates
from tests.tui.conftest import build_seeded_database

KINDS: dict[str, Builder] = {
    "migrated": build_migrated,
    "seeded-cli": build_seeded_by_cli,
    "seeded-app": build_seeded_database,
    "exchange-desk": build_desk,
}


def mean_seconds(action: Callable[[int], None], runs: int) -> float:
    began = time.perf_counter()
    for number in range(runs):
        action(number)
    return (time.perf_counter() - began) / runs


def compare(name: str, build: Builder, folder: Path, server: PostgresServer, runs: int) -> str:
    templates = Templates(folder)
    key = name.replace("-", "_")
    built = mean_seconds(lambda n: build(f"sqlite:///{folder}/{name}-{n}.sqlite"), runs)
    templates.sqlite(name, build, folder / f"{name}-first.sqlite")  # the one build per session
    copied = mean_seconds(lambda n: templates.sqlite(name, build, folder / f"c{n}.sqlite"), runs)
    pg_built = mean_seconds(lambda n: build(server.create_database(f"b_{key}_{n}")), runs)
    templates.postgres(name, build, server, server_database(server, f"first_{key}"))

    def pg_copy(number: int) -> None:  # postgres_url makes the empty database first
        templates.postgres(name, build, server, server_database(server, f"c_{key}_{number}"))

    pg_copied = mean_seconds(pg_copy, runs)
    return (
        f"{name:14} SQLite: built {built:6.3f} s, copied {copied:6.3f} s; "
        f"PostgreSQL: built {pg_built:6.3f} s, copied {pg_copied:6.3f} s"
    )


def server_database(server: PostgresServer, name: str) -> str:
    server.create_database(name)
    return name


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (mean)")
    runs = parser.parse_args().runs
    server = start_server()
    try:
        with tempfile.TemporaryDirectory() as name:
            for kind, build in KINDS.items():
                folder = Path(name) / kind
                folder.mkdir()
                print(compare(kind, build, folder, server, runs), flush=True)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
