"""Statistics benchmark: `workbench stats --by editor` on post-edited NTREX news sentences.

Builds a database where every segment has an MT text (the NTREX English sentence with words
dropped and the first one lower-cased, a stand-in for machine output), a timed human edit
restoring the reference, and a review for every other segment. Then times `load_stats` (read,
per-segment TER and chrF, corpus BLEU and chrF per group) and, in the same run on the same text
pairs held in memory, the bare sacrebleu calls the statistics cannot do without: TER and chrF per
sentence plus one corpus BLEU and chrF. The ratio is what reading and grouping cost on top.

    .venv/bin/python bench/stats.py [SEGMENTS [NTREX_FOLDER]]   (default 1000 segments)
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from sacrebleu.metrics.bleu import BLEU
from sacrebleu.metrics.chrf import CHRF
from sacrebleu.metrics.ter import TER
from sqlalchemy import select

from workbench.config import load_settings
from workbench.ingest.sources import read_source
from workbench.review.records import load_stats
from workbench.services.editing import record_machine_translation, save_target
from workbench.services.importing import import_document
from workbench.services.review import approve, reject
from workbench.services.users import ensure_user
from workbench.store.database import Database, open_database
from workbench.store.models import Role, Segment

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "ntrex-ar-en"


def machine_like(sentence: str) -> str:
    words = sentence.split()
    kept = [word for index, word in enumerate(words) if index % 6 != 5]
    if kept:
        kept[0] = kept[0].lower()
    return " ".join(kept)


def build(
    database: Database, corpus: Path, english: list[str], limit: int
) -> list[tuple[str, str]]:
    import_document(database, read_source(corpus / "ar.txt"), "bench")
    pairs: list[tuple[str, str]] = []
    settings = load_settings(qa_blocking=())  # the figures, not the quality gate, are measured
    with database.write() as session:
        editors = [ensure_user(session, name) for name in ("amal", "chadi")]
        reviewer = ensure_user(session, "badr", Role.REVIEWER)
        ids = list(session.scalars(select(Segment.id).order_by(Segment.id).limit(limit)))
        for index, segment_id in enumerate(ids):
            final = english[index % len(english)]
            mt = machine_like(final)
            record_machine_translation(session, segment_id, mt)
            seconds = 2.0 * len(final.split()) if index % 10 else 5000.0  # every 10th: outlier
            save_target(
                session,
                segment_id,
                final,
                editors[index % 2],
                status="translated",
                seconds_spent=seconds,
                keystrokes=len(final) - len(mt),
            )
            if index % 4 == 1:
                reject(session, segment_id, reviewer, "check the figures")
            elif index % 4 == 3:
                approve(session, segment_id, reviewer, settings=settings)
            if index % 4 != 1:
                pairs.append((mt, final))
    return pairs


def bare_metrics(pairs: list[tuple[str, str]]) -> None:
    ter, chrf = TER(case_sensitive=True), CHRF()
    for mt, final in pairs:
        ter.sentence_score(mt, [final])
        chrf.sentence_score(mt, [final])
    mts, finals = [p[0] for p in pairs], [[p[1] for p in pairs]]
    BLEU().corpus_score(mts, finals)
    chrf.corpus_score(mts, finals)


def main() -> int:
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    corpus = Path(sys.argv[2]) if len(sys.argv) > 2 else CORPUS
    if not (corpus / "en.txt").is_file():
        print(f"corpus not found: {corpus} (pass the folder holding ar.txt and en.txt)")
        return 2
    text = (corpus / "en.txt").read_text(encoding="utf-8")
    english = [line for line in text.splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(f"sqlite:///{folder}/bench.sqlite")
        pairs = build(database, corpus, english, limit)
        began = time.perf_counter()
        with database.read() as session:
            report = load_stats(session, "editor")
        ours = time.perf_counter() - began
        database.dispose()
    began = time.perf_counter()
    bare_metrics(pairs)
    bare = time.perf_counter() - began

    overall = report.overall
    print(f"segments counted:        {overall.segments:,} ({len(report.groups)} editors)")
    print(f"HTER {overall.hter:.1f}, cut {overall.outliers_cut} time outliers")
    print(f"load_stats --by editor:  {ours:.2f} s = {overall.segments / ours:,.0f} segments/s")
    print(f"bare sacrebleu calls:    {bare:.2f} s = {len(pairs) / bare:,.0f} segments/s")
    print(f"stats / bare metrics:    {ours / bare:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
