"""Translation-memory benchmark: fuzzy lookup over the 30,865 Tatoeba pairs as a memory.

Loads every Arabic-English pair of `shared/corpora/tatoeba-ar-en` into a fresh SQLite database
as imported memory entries, then times `tm_matches` (one read session per lookup, as the editor
does) on 400 queries: 200 Tatoeba sentences with one word dropped or doubled (they have close
matches) and 200 NTREX news sentences (they mostly have none). Target: median lookup <= 20 ms.

Baseline, measured in the same run: the naive way, a difflib.SequenceMatcher.ratio() scan over
every entry. It is too slow to run over the whole memory for many queries, so it scans a
3,000-entry slice for 10 of the queries and the time is scaled linearly to the full memory (a
scan is linear in the number of entries).

    .venv/bin/python bench/tm.py [SHARED_CORPORA_FOLDER]
"""

from __future__ import annotations

import difflib
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy.dialects.sqlite import insert

from workbench.config import DEFAULT_MIN_SCORE
from workbench.store.database import Database, open_database
from workbench.store.models import TmEntry
from workbench.text.normalise import normalise_arabic, source_hash, target_hash
from workbench.tm.lookup import tm_matches

TARGET_MS = 20.0
BASELINE_SLICE = 3_000
BASELINE_QUERIES = 10


def find_corpora() -> Path | None:
    for folder in Path(__file__).resolve().parents:
        if (folder / "shared" / "corpora").is_dir():
            return folder / "shared" / "corpora"
    return None


def read_pairs(folder: Path) -> list[tuple[str, str]]:
    arabic = (folder / "ar.txt").read_text(encoding="utf-8").splitlines()
    english = (folder / "en.txt").read_text(encoding="utf-8").splitlines()
    return [(a.strip(), e.strip()) for a, e in zip(arabic, english, strict=True)]


def load_memory(database: Database, pairs: list[tuple[str, str]]) -> None:
    rows = [
        {
            "source": source,
            "target": target,
            "source_hash": source_hash(source),
            "target_hash": target_hash(target),
            "source_norm": normalise_arabic(source),
            "origin": "import",
            "origin_name": "tatoeba-ar-en",
        }
        for source, target in pairs
        if source and target
    ]
    with database.write() as session:
        session.execute(insert(TmEntry).on_conflict_do_nothing(), rows)


def make_queries(memory: list[str], news: list[str], rng: random.Random) -> list[str]:
    edited = []
    for sentence in rng.sample([s for s in memory if len(s.split()) >= 4], 200):
        words = sentence.split()
        position = rng.randrange(len(words))
        if rng.random() < 0.5:
            del words[position]
        else:
            words.insert(position, words[position])
        edited.append(" ".join(words))
    return edited + rng.sample([s for s in news if s], 200)


def time_lookups(database: Database, queries: list[str]) -> tuple[list[float], int]:
    times, found = [], 0
    for query in queries:
        began = time.perf_counter()
        with database.read() as session:
            matches = tm_matches(session, query)
        times.append(time.perf_counter() - began)
        found += bool(matches)
    return times, found


def naive_scan_seconds(queries: list[str], memory_norms: list[str], total: int) -> float:
    """Seconds per query for a difflib scan of the whole memory, scaled from a slice."""
    chunk = memory_norms[:BASELINE_SLICE]
    began = time.perf_counter()
    for query in queries:
        normalised = normalise_arabic(query)
        best = sorted(
            (difflib.SequenceMatcher(None, normalised, entry).ratio(), index)
            for index, entry in enumerate(chunk)
        )[-3:]
        assert len(best) == 3
    per_query = (time.perf_counter() - began) / len(queries)
    return per_query * total / len(chunk)


def main() -> int:
    corpora = Path(sys.argv[1]) if len(sys.argv) > 1 else find_corpora()
    if corpora is None or not (corpora / "tatoeba-ar-en" / "ar.txt").is_file():
        print(f"corpora not found: {corpora} (pass the shared/corpora folder)")
        return 2
    pairs = read_pairs(corpora / "tatoeba-ar-en")
    news = [arabic for arabic, _ in read_pairs(corpora / "ntrex-ar-en")]
    rng = random.Random(20261121)
    queries = make_queries([source for source, _ in pairs], news, rng)

    with tempfile.TemporaryDirectory() as folder:
        database = open_database(f"sqlite:///{folder}/bench.sqlite")
        began = time.perf_counter()
        load_memory(database, pairs)
        loaded = time.perf_counter() - began
        began = time.perf_counter()
        with database.read() as session:
            tm_matches(session, queries[0])  # builds the per-process index
        first = time.perf_counter() - began
        times, found = time_lookups(database, queries)
        database.dispose()

    memory_norms = [normalise_arabic(source) for source, _ in pairs]
    baseline = naive_scan_seconds(rng.sample(queries, BASELINE_QUERIES), memory_norms, len(pairs))
    times.sort()
    median = statistics.median(times) * 1000
    p95 = times[int(len(times) * 0.95)] * 1000
    print(f"memory:                  {len(pairs):,} Tatoeba pairs, stored in {loaded:.1f} s")
    print(f"first lookup (index):    {first * 1000:.0f} ms")
    print(
        f"lookups:                 {len(queries)} (200 edited Tatoeba, 200 NTREX news), "
        f"{found} with a match >= {DEFAULT_MIN_SCORE}%"
    )
    print(f"median lookup:           {median:.2f} ms")
    print(f"p95 lookup:              {p95:.2f} ms")
    print(
        f"naive difflib scan:      {baseline * 1000:,.0f} ms per lookup "
        f"({BASELINE_QUERIES} queries x {BASELINE_SLICE:,} entries, scaled to {len(pairs):,})"
    )
    print(f"naive scan / median:     {baseline * 1000 / median:,.0f}x")
    verdict = "PASS" if median <= TARGET_MS else "FAIL"
    print(f"median <= {TARGET_MS:.0f} ms:          {verdict}")
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
