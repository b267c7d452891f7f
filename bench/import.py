"""Import benchmark: the 30,865-line Tatoeba Arabic file as one document.

Prints segments/s for `workbench import` (read, check, segment, hash, store) and, measured in the
same run on the same rows, a ceiling: a bare sqlite3 executemany of the finished rows into the same
table layout. Target: the whole import under 5 s.

    .venv/bin/python bench/import.py [PATH]
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from workbench.ingest.sources import read_source
from workbench.services.importing import import_document
from workbench.store.database import open_database

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "tatoeba-ar-en" / "ar.txt"
TARGET_SECONDS = 5.0


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS
    if not path.is_file():
        print(f"corpus not found: {path} (pass a path to a large Arabic .txt file)")
        return 2
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(f"sqlite:///{folder}/bench.sqlite")  # schema set-up not timed
        began_import = time.perf_counter()
        parsed = read_source(path)
        parsed_at = time.perf_counter()
        outcome = import_document(database, parsed, "bench")
        ours = time.perf_counter() - began_import
        database.dispose()

        rows = [
            (1, s.position, s.paragraph, s.source, s.source_hash, s.is_repeat, "new", 0)
            for s in parsed.segments
        ]
        raw = sqlite3.connect(f"{folder}/raw.sqlite")
        raw.execute(
            "CREATE TABLE segments (id INTEGER PRIMARY KEY, document_id INT, position INT, "
            "paragraph INT, source TEXT, source_hash TEXT, is_repeat BOOL, status TEXT, "
            "version INT, UNIQUE (document_id, position))"
        )
        raw.execute("CREATE INDEX ix_hash ON segments (source_hash)")
        began = time.perf_counter()
        with raw:
            raw.executemany("INSERT INTO segments VALUES (NULL,?,?,?,?,?,?,?,?)", rows)
        ceiling = time.perf_counter() - began
        raw.close()

    count = outcome.segments
    parsing = parsed_at - began_import
    print(f"file:                   {path} ({count:,} segments)")
    print(f"workbench import:       {ours:.2f} s = {count / ours:,.0f} segments/s")
    print(f"  of which read+segment {parsing:.2f} s, store {ours - parsing:.2f} s")
    print(f"bare sqlite3 insert:    {ceiling:.2f} s = {count / ceiling:,.0f} segments/s")
    print(f"store / bare insert:    {(ours - parsing) / ceiling:.1f}x")
    verdict = "PASS" if ours < TARGET_SECONDS else "FAIL"
    print(f"whole import < {TARGET_SECONDS:.0f} s:     {verdict}")
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
