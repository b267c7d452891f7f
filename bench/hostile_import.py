"""Import benchmark for hostile shapes of input: 100,000 tiny files, a 10 MB single line, 50 MB.

Tiny files: lists, reads and segments them, stores them in batched transactions (what `workbench
import` does), and, as the baseline in the same run, stores the same documents with one
transaction per file (what it did before). A 10 MB line of sentences: read + segment, store, and
a bare sqlite3 executemany of the finished rows as the ceiling. A 10 MB line without a sentence
end must be refused quickly.

    .venv/bin/python bench/hostile_import.py [--files 100000]
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from workbench.config import DEFAULT_MAX_TEXT_MB
from workbench.errors import InputError
from workbench.ingest.sources import IMPORTED_SUFFIXES, _walk_texts, collect_sources, read_source
from workbench.services.importing import import_document, import_documents
from workbench.store.database import open_database

SENTENCE = "قال المتحدث إن الوفد وصل إلى المدينة صباح اليوم. "
TEN_MB = 10 * 1024 * 1024


def tiny_files(folder: Path, count: int) -> None:
    print(f"{count:,} tiny files:")
    began = time.perf_counter()
    for number in range(count):
        path = folder / f"{number % 100:02d}" / f"{number:06d}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(f"خبر رقم {number}. جملة ثانية.\n", encoding="utf-8")
    print(f"  writing the files (setup):        {time.perf_counter() - began:6.2f} s")
    began = time.perf_counter()
    listed, _ = _walk_texts(folder)  # the walk and sort of collect_sources, without its link check
    listing = time.perf_counter() - began
    began = time.perf_counter()
    baseline = sorted(
        Path(root, name)
        for root, _, names in os.walk(folder)
        for name in names
        if name.lower().endswith(IMPORTED_SUFFIXES)
    )  # what it did before: Path objects sorted by Path.__lt__
    walk_and_sort = time.perf_counter() - began
    assert baseline == listed  # the same files in the same order
    ratio = walk_and_sort / listing
    print(f"  list and sort the files:          {listing:6.2f} s  "
          f"vs sorted Path objects {walk_and_sort:.2f} s: {ratio:.1f}x")  # fmt: skip
    listed = collect_sources([folder])
    began = time.perf_counter()
    parsed = [read_source(path) for path in listed]
    reading = time.perf_counter() - began
    print(f"  list + read + segment:            {reading:6.2f} s  {count / reading:8,.0f} files/s")

    batched_db = open_database(f"sqlite:///{folder}/batched.sqlite")
    began = time.perf_counter()
    added = sum(outcome.added for outcome in import_documents(batched_db, parsed, "bench"))
    batched = time.perf_counter() - began
    batched_db.dispose()
    print(f"  store, batched transactions:      {batched:6.2f} s  {added / batched:8,.0f} files/s")

    sample = parsed[: min(count, 10_000)]  # one commit per file is slow: time a sample
    single_db = open_database(f"sqlite:///{folder}/single.sqlite")
    began = time.perf_counter()
    for document in sample:
        import_document(single_db, document, "bench")
    single = time.perf_counter() - began
    single_db.dispose()
    rate = len(sample) / single
    print(f"  store, one transaction per file:  {single:6.2f} s  {rate:8,.0f} files/s "
          f"({len(sample):,} files)")  # fmt: skip
    print(f"  batched / per-file speed:         {added / batched / rate:6.1f}x")


def long_line(folder: Path) -> None:
    print("a 10 MB single line:")
    path = folder / "line.txt"
    path.write_text(SENTENCE * (TEN_MB // len(SENTENCE.encode())) + "\n", encoding="utf-8")
    began = time.perf_counter()
    parsed = read_source(path)
    reading = time.perf_counter() - began
    count = len(parsed.segments)
    database = open_database(f"sqlite:///{folder}/line.sqlite")
    began = time.perf_counter()
    import_document(database, parsed, "bench")
    storing = time.perf_counter() - began
    database.dispose()
    rows = [(1, s.position, s.paragraph, s.source, s.source_hash) for s in parsed.segments]
    raw = sqlite3.connect(folder / "raw.sqlite")
    raw.execute(
        "CREATE TABLE segments (id INTEGER PRIMARY KEY, document_id INT, position INT, "
        "paragraph INT, source TEXT, source_hash TEXT, UNIQUE (document_id, position))"
    )
    began = time.perf_counter()
    with raw:
        raw.executemany("INSERT INTO segments VALUES (NULL,?,?,?,?,?)", rows)
    ceiling = time.perf_counter() - began
    raw.close()
    print(f"  read + segment:                   {reading:6.2f} s  ({count:,} sentences)")
    print(f"  store:                            {storing:6.2f} s  {count / storing:8,.0f} rows/s")
    print(f"  bare sqlite3 insert (ceiling):    {ceiling:6.2f} s  {count / ceiling:8,.0f} rows/s")
    print(f"  store / bare insert:              {storing / ceiling:6.1f}x")

    endless = folder / "endless.txt"
    endless.write_text("كلمة " * (TEN_MB // len("كلمة ".encode())), encoding="utf-8")
    began = time.perf_counter()
    try:
        read_source(endless)
    except InputError as error:
        refused = time.perf_counter() - began
        print(f"  no sentence end: refused in       {refused:6.2f} s  ({str(error)[-60:]})")
    else:
        print("  no sentence end: NOT refused")


# Started from a small process in between: a child forked from this (large) one would count this
# process's memory in its peak, since Linux keeps the high-water mark across exec.
MEASURE_PEAK = (
    "import os, subprocess, sys; child = subprocess.Popen(sys.argv[1:], "
    "stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
    "_, status, usage = os.wait4(child.pid, 0); print(os.waitstatus_to_exitcode(status), "
    "usage.ru_maxrss)"
)


def _peak_rss(command: list[str]) -> tuple[int, float, float]:
    """Run `command`; its exit code, seconds and peak resident memory in MB."""
    began = time.perf_counter()
    measured = subprocess.run(
        [sys.executable, "-c", MEASURE_PEAK, *command], capture_output=True, text=True, check=True
    )
    seconds = time.perf_counter() - began
    code, peak_kb = measured.stdout.split()
    return int(code), seconds, int(peak_kb) / 1024


def large_files(folder: Path) -> None:
    print("large text files, each in its own process:")
    fifty = folder / "fifty.txt"
    with fifty.open("w", encoding="utf-8") as handle:
        for _ in range(50 * 1024 * 1024 // (len(SENTENCE.encode()) * 1000)):
            handle.write(SENTENCE * 1000)
    workbench = [sys.executable, "-m", "workbench", "--db", str(folder / "large.sqlite")]
    code, seconds, peak = _peak_rss([*workbench, "import", str(fifty)])
    print(f"  50 MB file, workbench import:     exit {code} in {seconds:5.2f} s, "
          f"peak {peak:6.0f} MB (refused: over max_text_file_mb)")  # fmt: skip
    at_cap = folder / "at-cap.txt"
    with at_cap.open("w", encoding="utf-8") as handle:
        for _ in range(DEFAULT_MAX_TEXT_MB * 1024 * 1024 // (len(SENTENCE.encode()) * 1000)):
            handle.write(SENTENCE * 1000)
    script = (
        "import pathlib, workbench.ingest.sources as s; "
        f"s.read_source(pathlib.Path({str(at_cap)!r}))"
    )
    code, seconds, peak = _peak_rss([sys.executable, "-c", script])
    print(f"  {DEFAULT_MAX_TEXT_MB} MB file (the cap), read + segment: "
          f"exit {code} in {seconds:5.2f} s, peak {peak:6.0f} MB")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "tiny").mkdir()
        tiny_files(Path(folder) / "tiny", args.files)
        long_line(Path(folder))
        large_files(Path(folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
