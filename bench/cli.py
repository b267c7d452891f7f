"""CLI start-up benchmark: `workbench` commands against bare imports in the same virtualenv.

Each command is a fresh process, as a script calling the CLI per segment runs it. The rounds are
interleaved (every command once per round, in a shuffled order) so that the machine's load falls
on all of them alike; the figure for each is the median wall time over the rounds. The median CPU
time (user + system of the process) is printed beside it: on a shared machine it moves less with
the load than the wall time, which the floors are judged on.

Floors (issue 19, item 3): `workbench --version` and every `--help` measured here at most 2x
`python -c "import click"`; `workbench segments --json` on the seed articles at most 1.6x
`python -c "import sqlalchemy"`.

    .venv/bin/python bench/cli.py [--rounds N]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
CLICK_FLOOR = 2.0
SQLALCHEMY_FLOOR = 1.6


def workbench_executable() -> list[str]:
    """The console script users run, else `python -m workbench`."""
    script = Path(sys.executable).with_name("workbench")
    return [str(script)] if script.exists() else [sys.executable, "-m", "workbench"]


def commands(db: str) -> dict[str, list[str]]:
    workbench = workbench_executable()
    return {
        "import click": [sys.executable, "-c", "import click"],
        "import sqlalchemy": [sys.executable, "-c", "import sqlalchemy"],
        "--version": [*workbench, "--version"],
        "--help": [*workbench, "--help"],
        "segments --help": [*workbench, "segments", "--help"],
        "export --help": [*workbench, "export", "--help"],
        "claims add --help": [*workbench, "claims", "add", "--help"],
        "tui --help": [*workbench, "tui", "--help"],
        "segments --json": [*workbench, "--db", db, "segments", "--json"],
    }


# What each command is held against, and how far.
FLOORS = {
    name: ("import sqlalchemy", SQLALCHEMY_FLOOR)
    if name == "segments --json"
    else ("import click", CLICK_FLOOR)
    for name in commands("")
    if not name.startswith("import ")
}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_once(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run."""
    cpu, start = _children_cpu(), time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start, _children_cpu() - cpu


Medians = dict[str, tuple[float, float]]


def measure(table: dict[str, list[str]], env: dict[str, str], rounds: int) -> Medians:
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in table}
    order = list(table)
    for _ in range(rounds):
        random.shuffle(order)
        for name in order:
            runs[name].append(run_once(table[name], env))
    return {
        name: (statistics.median(r[0] for r in values), statistics.median(r[1] for r in values))
        for name, values in runs.items()
    }


def report(medians: Medians) -> bool:
    print(f"{'command':<20} {'wall ms':>8} {'ratio':>6} {'cpu ms':>8} {'ratio':>6} {'floor':>6}")
    for name in ("import click", "import sqlalchemy"):
        wall, cpu = medians[name]
        print(f"{name:<20} {1000 * wall:>8.1f} {'':>6} {1000 * cpu:>8.1f}")
    passed = True
    for name, (baseline, floor) in FLOORS.items():
        (wall, cpu), (base_wall, base_cpu) = medians[name], medians[baseline]
        ratio = wall / base_wall
        passed &= ratio <= floor
        mark = "ok" if ratio <= floor else "OVER"
        print(
            f"{name:<20} {1000 * wall:>8.1f} {ratio:>5.2f}x {1000 * cpu:>8.1f} "
            f"{cpu / base_cpu:>5.2f}x {floor:>5.1f}x  vs {baseline} ({mark})"
        )
    return passed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15, help="runs of each command (median)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "WORKBENCH_CONFIG": str(Path(folder) / "no-config.toml")}
        db = str(Path(folder) / "seeds.sqlite")
        imported = [*workbench_executable(), "--db", db, "import", str(SEEDS)]
        subprocess.run(imported, env=env, check=True, stdout=subprocess.DEVNULL)
        table = commands(db)
        for command in table.values():  # warm the file cache and the bytecode of every path
            run_once(command, env)
        medians = measure(table, env, args.rounds)
    print(f"{sys.executable}, {args.rounds} interleaved rounds")
    passed = report(medians)
    print("all floors met" if passed else "a floor was missed")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
