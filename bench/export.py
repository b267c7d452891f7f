"""Export benchmark: 100,000 segments to TMX and to CSV, against translate-toolkit's TMX writer.

Builds a temporary SQLite database the way users fill one: ten documents of 10,000 sentences
(Tatoeba Arabic, each line numbered so that sentences differ) through the import service, then
English targets for every segment through `import_tm` (the `workbench import-tm` service) from a
CSV file. Then measures, each in a fresh subprocess so that peak memory is its own:

1. End to end, database to file: `workbench export tmx` and `export csv` (query, history, writing,
   fsync, rename) of one document (10,000 segments) and of all (100,000); and translate-toolkit
   fed by the same query (`tmxfile`, `addtranslation` per pair, `serialize`), as a workbench
   built on it would run. Peak memory: max RSS, and the peak of Python allocations during the
   export (tracemalloc, in a separate run so that it does not slow the timed one).
2. The writers alone on the same 100,000 rows, already in memory: the workbench's TMX writer
   against translate-toolkit's, with the shared database read left out.

Floor: `export tmx` and `export csv` of 100,000 segments, end to end, at least 5x the speed of
translate-toolkit fed by the same query (best of --repeat runs, wall clock; CPU time is printed
too, since the machine may be shared), and flat memory: the export's peak of Python allocations
at 100,000 segments within 4 MiB of its peak at 10,000. The writers alone (2.) are information.

    .venv/bin/python bench/export.py [--corpus FOLDER] [--keep FOLDER] [--repeat N]
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Iterable
from pathlib import Path

from workbench.export.files import ExportJob, run_export
from workbench.export.rows import ExportFilter, ExportRow, iter_export_rows
from workbench.export.tmx import write_tmx
from workbench.ingest.segment import segment_document
from workbench.ingest.sources import parse_text
from workbench.ingest.tmfiles import TmFile
from workbench.services.importing import import_document
from workbench.services.tm import import_tm
from workbench.store.database import Database, open_database
from workbench.store.models import utcnow

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "tatoeba-ar-en"
DOCUMENTS = 10
PER_DOCUMENT = 10_000
SPEED_FLOOR = 5.0
FLAT_MEMORY_MIB = 4.0
Result = dict[str, float]
ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def _document_text(lines: list[str], start: int, wanted: int) -> tuple[str, int]:
    """Numbered corpus lines from `start` on, one paragraph each, `wanted` sentences in all."""
    paragraphs: list[str] = []
    count, index = 0, start
    while count < wanted:
        line = lines[index % len(lines)].strip()
        numbered = f"{line} ({str(index).translate(ARABIC_DIGITS)})"
        sentences = len(segment_document(numbered))
        if count + sentences <= wanted:
            paragraphs.append(numbered)
            count += sentences
        index += 1
    return "\n\n".join(paragraphs) + "\n", index


def build_database(folder: Path, corpus: Path) -> str:
    url = f"sqlite:///{folder}/bench.sqlite"
    database = open_database(url)
    arabic = (corpus / "ar.txt").read_text(encoding="utf-8").splitlines()
    english = (corpus / "en.txt").read_text(encoding="utf-8").splitlines()
    began, start = time.perf_counter(), 0
    for number in range(DOCUMENTS):
        text, start = _document_text(arabic, start, PER_DOCUMENT)
        path = folder / f"doc{number:02}.txt"
        parsed = parse_text(path, text, f"bench-{number}")
        import_document(database, parsed, "bench")
    print(
        f"set-up: {DOCUMENTS * PER_DOCUMENT:,} segments imported in "
        f"{time.perf_counter() - began:.1f} s"
    )

    tm_path = folder / "targets.csv"
    with database.read() as session, tm_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["ar", "en"])
        rows = iter_export_rows(session, ExportFilter(status_floor="any"), "nothing")
        for index, row in enumerate(rows):
            extra = ' & "<quoted>"' if index % 7 == 0 else ""
            writer.writerow([row.source, f"{english[index % len(english)].strip()}{extra}"])
    began = time.perf_counter()
    tm_file = TmFile(tm_path)
    outcome = import_tm(database, tm_file.pairs(), tm_path.name, "bench")
    took = time.perf_counter() - began
    print(
        f"set-up: import-tm set {outcome.targets_set:,} targets in {took:.1f} s "
        f"({outcome.targets_set / took:,.0f} segments/s)"
    )
    database.dispose()
    return url


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _ttk_write(rows: Iterable[ExportRow], out: Path) -> int:
    from translate.storage.tmx import tmxfile

    store = tmxfile()
    for row in rows:
        store.addtranslation(row.source, "ar", row.target, "en")
    with out.open("wb") as handle:
        store.serialize(handle)
    return len(store.units)


def _export(kind: str, database: Database, out: Path, export: ExportFilter) -> int:
    if kind == "ttk":
        with database.read() as session:
            return _ttk_write(iter_export_rows(session, export, "target"), out)
    return run_export(database, ExportJob(out, "tmx" if kind == "tmx" else "csv", export, "b"))


def child_export(kind: str, url: str, out: Path, document_id: int | None, trace: bool) -> Result:
    database = open_database(url)  # schema check and imports: not measured
    if kind == "ttk":
        import translate.storage.tmx  # noqa: F401 (its import, like ours, before the clock)
    if trace:
        tracemalloc.start()
    wall, cpu = time.perf_counter(), _cpu_seconds()
    count = _export(kind, database, out, ExportFilter(document_id=document_id))
    return {
        "count": count,
        "seconds": time.perf_counter() - wall,
        "cpu": _cpu_seconds() - cpu,
        "rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,  # KiB on Linux
        "traced_mib": tracemalloc.get_traced_memory()[1] / 2**20 if trace else 0.0,
    }


def child_writers(url: str, out: Path, repeat: int) -> Result:
    """Both writers on the same rows, loaded before the clock starts; best of `repeat`."""
    database = open_database(url)
    with database.read() as session:
        rows = list(iter_export_rows(session, ExportFilter(), "target"))
    best: Result = {"count": len(rows)}
    for _ in range(repeat):
        for name in ("ours", "ttk"):
            wall, cpu = time.perf_counter(), _cpu_seconds()
            if name == "ttk":
                _ttk_write(rows, out)
            else:
                with out.open("wb") as handle:
                    write_tmx(rows, handle, ExportFilter(), user="b", now=utcnow())
            took, used = time.perf_counter() - wall, _cpu_seconds() - cpu
            best[name] = min(best.get(name, took), took)
            best[f"{name}_cpu"] = min(best.get(f"{name}_cpu", used), used)
    return best


def _child(*arguments: str) -> Result:
    command = [sys.executable, __file__, "--child", *arguments]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    result: Result = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def measure(kind: str, url: str, folder: Path, document_id: int | None, repeat: int) -> Result:
    """Best of `repeat` runs (the machine may be shared), then one traced run."""
    out = folder / f"out-{kind}-{document_id or 'all'}.{'csv' if kind == 'csv' else 'tmx'}"
    arguments = ["export", kind, url, str(out), str(document_id or 0)]
    runs = [_child(*arguments) for _ in range(repeat)]
    best = min(runs, key=lambda run: run["seconds"])
    best["cpu"] = min(run["cpu"] for run in runs)
    best["rss_mib"] = max(run["rss_mib"] for run in runs)
    if kind != "ttk":  # translate-toolkit's tree in memory shows well enough in its RSS
        best["traced_mib"] = _child(*arguments, "trace")["traced_mib"]
    return best


def _line(label: str, count: float, seconds: float, cpu: float) -> str:
    return (
        f"{label}: {int(count):>7,} segments in {seconds:5.2f} s = {count / seconds:>7,.0f}/s "
        f"(CPU {cpu:5.2f} s = {count / cpu:>7,.0f}/s)"
    )


def end_to_end(url: str, folder: Path, repeat: int) -> tuple[bool, float]:
    results: dict[tuple[str, str], Result] = {}
    print(f"1. End to end, database to file (best of {repeat}; traced = Python's peak):")
    for kind in ("tmx", "csv", "ttk"):
        for label, document_id in (("10k", 1), ("100k", None)):
            result = results[kind, label] = measure(kind, url, folder, document_id, repeat)
            traced = f"{result['traced_mib']:4.1f} MiB" if result["traced_mib"] else "  -"
            line = _line(
                f"   {kind:>4} {label:>5}", result["count"], result["seconds"], result["cpu"]
            )
            print(f"{line}, max RSS {result['rss_mib']:5.1f} MiB, traced {traced}")
    for kind in ("tmx", "csv", "ttk"):
        rss = results[kind, "100k"]["rss_mib"] - results[kind, "10k"]["rss_mib"]
        traced = results[kind, "100k"]["traced_mib"] - results[kind, "10k"]["traced_mib"]
        shown = f", traced {traced:+.1f} MiB" if kind != "ttk" else ""
        print(f"   memory growth 10k -> 100k, {kind}: max RSS {rss:+.1f} MiB{shown}")
    flat = all(
        results[kind, "100k"]["traced_mib"] - results[kind, "10k"]["traced_mib"] <= FLAT_MEMORY_MIB
        for kind in ("tmx", "csv")
    )
    theirs = results["ttk", "100k"]
    ratios: dict[str, float] = {}
    for kind in ("tmx", "csv"):
        ours = results[kind, "100k"]
        ratios[kind] = theirs["seconds"] / theirs["count"] / (ours["seconds"] / ours["count"])
        cpu = theirs["cpu"] / theirs["count"] / (ours["cpu"] / ours["count"])
        memory = theirs["rss_mib"] / ours["rss_mib"]
        print(
            f"   {kind.upper()} export / translate-toolkit fed by the same query, at 100k: "
            f"{ratios[kind]:.1f}x wall, {cpu:.1f}x CPU; peak RSS {ours['rss_mib']:.0f} MiB vs "
            f"{theirs['rss_mib']:.0f} MiB ({memory:.1f}x less)"
        )
    return flat, min(ratios.values())


def writers(url: str, folder: Path, repeat: int) -> float:
    result = _child("writers", url, str(folder / "writers.tmx"), str(repeat))
    count = result["count"]
    print(f"2. The TMX writers alone, same rows in memory (best of {repeat}):")
    print(_line("   workbench        ", count, result["ours"], result["ours_cpu"]))
    print(_line("   translate-toolkit", count, result["ttk"], result["ttk_cpu"]))
    ratio = result["ttk"] / result["ours"]
    print(f"   ratio: {ratio:.1f}x wall, {result['ttk_cpu'] / result['ours_cpu']:.1f}x CPU")
    return ratio


def report(url: str, folder: Path, repeat: int) -> int:
    flat, end_to_end_ratio = end_to_end(url, folder, repeat)
    writers(url, folder, repeat)
    passed = end_to_end_ratio >= SPEED_FLOOR and flat
    print(
        f"floor: TMX and CSV export, end to end, >= {SPEED_FLOOR:.0f}x translate-toolkit fed by "
        f"the same query (slower of the two: {end_to_end_ratio:.1f}x), export memory flat "
        f"within {FLAT_MEMORY_MIB:.0f} MiB ({'yes' if flat else 'no'}): "
        f"{'PASS' if passed else 'FAIL'}"
    )
    return 0 if passed else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    parser.add_argument("--keep", type=Path, help="build the database in FOLDER and keep it")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (best)")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder with ar.txt, en.txt")
    args = parser.parse_args()
    if args.child:
        mode, *rest = args.child
        if mode == "writers":
            url, out, repeat = rest
            print(json.dumps(child_writers(url, Path(out), int(repeat))))
        else:
            kind, url, out, document, *trace = rest
            print(
                json.dumps(child_export(kind, url, Path(out), int(document) or None, bool(trace)))
            )
        return 0
    if not (args.corpus / "ar.txt").is_file():
        print(f"corpus not found: {args.corpus} (pass --corpus FOLDER)")
        return 2
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{args.keep}/bench.sqlite"
        if not (args.keep / "bench.sqlite").exists():
            url = build_database(args.keep, args.corpus)
        return report(url, args.keep, args.repeat)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        return report(build_database(folder, args.corpus), folder, args.repeat)


if __name__ == "__main__":
    sys.exit(main())
