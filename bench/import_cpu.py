"""CPU of `workbench import`, this tree against a baseline commit, in the same run.

Two hostile shapes of input (tests/reliability/test_hostile_input.py imports both): 100,000 tiny
files in ten sub-folders, and one 10 MB line of sentences. Each is imported into a fresh SQLite
file by `python -m workbench`, once with this tree's code and once with the baseline's (a `git
archive` of BASELINE, default main), in turn, ROUNDS times; the child's user+system CPU is read
from wait4, and the least of each side is compared (the machine may be shared: the least is the
run least disturbed).

    .venv/bin/python bench/import_cpu.py [--baseline main] [--files 100000] [--rounds 2]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SENTENCE = "قال المتحدث إن الوفد وصل إلى المدينة صباح اليوم. "
TEN_MB = 10 * 1024 * 1024


def tiny_files(folder: Path, count: int) -> Path:
    """`count` files of two sentences in ten sub-folders, as the 100,000-file test writes them."""
    for shard in range(10):
        (folder / f"{shard}").mkdir(parents=True)
    for number in range(count):
        path = folder / f"{number % 10}" / f"{number:06d}.txt"
        path.write_bytes(f"خبر رقم {number}. جملة ثانية.\n".encode())
    return folder


def long_line(path: Path) -> Path:
    path.write_text(SENTENCE * (TEN_MB // len(SENTENCE.encode())) + "\n", encoding="utf-8")
    return path


def baseline_tree(ref: str, folder: Path) -> Path:
    """The baseline's code, as committed at `ref`."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", ref, "workbench"], capture_output=True, check=True
    )
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
    return folder


def import_cpu(tree: Path, source: Path, folder: Path) -> float:
    """CPU seconds (user + system) of one `workbench import` of `source` into a fresh file."""
    database = folder / "bench.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    environment = {**os.environ, "PYTHONPATH": str(tree)}
    # Run from `folder`: `python -m` puts the working folder first on sys.path, before
    # PYTHONPATH, so a run from a checkout would import that checkout's code on both sides.
    workbench = [sys.executable, "-m", "workbench", "--db", f"sqlite:///{database}"]
    subprocess.run(
        [*workbench, "init"], env=environment, cwd=folder, capture_output=True, check=True
    )
    errors = folder / "stderr.txt"
    with errors.open("wb") as stderr:
        child = subprocess.Popen(
            [*workbench, "--user", "bench", "import", str(source)],
            env=environment,
            cwd=folder,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
        _, status, usage = os.wait4(child.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"import failed with {tree}: {errors.read_text(encoding='utf-8')}")
    return usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default="main", help="commit to compare with")
    parser.add_argument("--files", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        baseline = baseline_tree(args.baseline, Path(tempfile.mkdtemp(dir=folder)))
        inputs = {
            f"{args.files:,} tiny files": tiny_files(folder / "tiny", args.files),
            "a 10 MB line": long_line(folder / "line.txt"),
        }
        trees = {f"baseline {args.baseline}": baseline, "this tree": ROOT}
        for label, source in inputs.items():
            samples: dict[str, list[float]] = {name: [] for name in trees}
            for _ in range(args.rounds):  # in turn: a burst of load falls on both alike
                for name, tree in trees.items():
                    samples[name].append(import_cpu(tree, source, folder))
            ours, theirs = min(samples["this tree"]), min(samples[f"baseline {args.baseline}"])
            print(f"{label}: baseline {theirs:6.2f} s CPU, this tree {ours:6.2f} s CPU: "
                  f"{theirs / ours:4.2f}x (least of {args.rounds})")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
