"""Start-up with the garbage collector paused (workbench/cli/collector.py) against left on.

Each command is a fresh process, run both ways in the same rounds (interleaved, shuffled, so the
machine's load falls on both alike): `python -m workbench ...`, whose entry pauses the collector
until the command has what it needs loaded, and the baseline that enters the same CLI without
the pause (`from workbench.cli import main; main()`). The figure is the median CPU time (user +
system) of each; the ratio is paused / left on. "screen" opens the app headless on the same
database (its imports, then Textual's Pilot until the first pause), with and without the pause
around the imports, as `workbench` on a terminal does.

    .venv/bin/python bench/startup_gc.py [--rounds N]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
LEFT_ON = "from workbench.cli import main; main()"
SCREEN = """
import asyncio, sys
if sys.argv[1] == "paused":
    from workbench.cli.collector import pause_collector, resume_collector
    pause_collector()
from workbench.config import load_settings
from workbench.store.database import open_database
from workbench.tui.app import WorkbenchApp
if sys.argv[1] == "paused":
    resume_collector()

async def main() -> None:
    settings = load_settings(db_url=sys.argv[2], user="bench")
    app = WorkbenchApp(settings, open_database(settings.db_url), environ={"TERM": "xterm"})
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()

asyncio.run(main())
"""


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def commands(db: str) -> dict[str, tuple[list[str], list[str]]]:
    """Name: (paused, left on)."""
    python = sys.executable
    table: dict[str, tuple[list[str], list[str]]] = {}
    for name, args in {
        "documents list": ["documents", "list"],
        "edit": ["edit", "1", "--text", "A report says"],
        "segments --json": ["segments", "--json"],
        "models list": ["models", "list"],
    }.items():
        full = ["--db", db, "--user", "bench", *args]
        table[name] = ([python, "-m", "workbench", *full], [python, "-c", LEFT_ON, *full])
    table["screen"] = (
        [python, "-c", SCREEN, "paused", f"sqlite:///{db}"],
        [python, "-c", SCREEN, "on", f"sqlite:///{db}"],
    )
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=9, help="runs of each (median)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="startup-gc-") as folder:
        env = {
            **os.environ,
            "WORKBENCH_CONFIG": str(Path(folder) / "no-config.toml"),
            "ARGOS_PACKAGES_DIR": str(Path(folder) / "no-models"),
            "XDG_STATE_HOME": str(Path(folder) / "state"),
        }
        seeded = str(Path(folder) / "seeded.sqlite")
        db = str(Path(folder) / "run.sqlite")
        subprocess.run(
            [sys.executable, "-m", "workbench", "--db", seeded, "import", str(SEEDS)],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        table = commands(db)
        runs: dict[tuple[str, int], list[float]] = {
            (name, way): [] for name in table for way in (0, 1)
        }
        order = list(runs)
        for _ in range(args.rounds):
            random.shuffle(order)
            for name, way in order:
                shutil.copyfile(seeded, db)  # every run on the same database (edit writes)
                cpu = _cpu()
                subprocess.run(table[name][way], env=env, check=True, stdout=subprocess.DEVNULL)
                runs[(name, way)].append(_cpu() - cpu)
    print(f"{'command':<18} {'paused ms':>10} {'left on ms':>11} {'ratio':>6}")
    for name in table:
        paused, left_on = (statistics.median(runs[(name, way)]) for way in (0, 1))
        print(f"{name:<18} {1000 * paused:>10.1f} {1000 * left_on:>11.1f} {paused / left_on:>6.2f}")
    print("CPU (user + system) of each process, median over the rounds")


if __name__ == "__main__":
    main()
