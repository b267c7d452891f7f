"""How well the MT confidence (`mt_score`) predicts translation quality, on real news.

Translates NTREX-128's 1,997 Arabic news sentences (../shared/corpora/ntrex-ar-en) with the
engine the workbench uses (the test model by default), scores each sentence's MT with chrF
(sacrebleu) against the professional English, and prints Spearman's rank correlation between
chrF and

    mt_score   exp(mean token log-probability) of the chosen hypothesis (workbench/mt/confidence.py)
    -length    minus the Arabic sentence's length in tokens: the baseline a desk gets for free
               ("long sentences come out worse")

and the mean chrF of the least and the most confident quarter. scipy is not installed here, so
Spearman's rho is computed below (average ranks for ties, then Pearson on the ranks: the textbook
definition, the same as scipy.stats.spearmanr).

    .venv/bin/python bench/mt_confidence.py [--limit N] [--model FILE.argosmodel] [--threads 2]
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TOY_MODEL = REPO / "tests" / "fixtures" / "translate-ar_en-toy.argosmodel"
NTREX = REPO.parent / "shared" / "corpora" / "ntrex-ar-en"


def ranks(values: list[float]) -> list[float]:
    """1-based ranks, ties given the mean of the ranks they span."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    result = [0.0] * len(values)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        for k in range(start, end + 1):
            result[order[k]] = (start + end) / 2 + 1
        start = end + 1
    return result


def pearson(xs: list[float], ys: list[float]) -> float:
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    cov = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    vx = sum((x - mx) ** 2 for x in xs)
    vy = sum((y - my) ** 2 for y in ys)
    return cov / math.sqrt(vx * vy) if vx and vy else float("nan")


def spearman(xs: list[float], ys: list[float]) -> float:
    return pearson(ranks(xs), ranks(ys))


def read_lines(path: Path, limit: int | None) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines[:limit]]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="only the first N sentences")
    parser.add_argument("--model", type=Path, default=TOY_MODEL, help="an ar→en .argosmodel")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--beam-size", type=int, default=2)
    args = parser.parse_args(argv)

    from sacrebleu.metrics import CHRF

    from workbench.config import load_settings
    from workbench.mt.archive import check_archive, install_archive
    from workbench.mt.engine import get_engine

    sources = read_lines(NTREX / "ar.txt", args.limit)
    references = read_lines(NTREX / "en.txt", args.limit)
    with tempfile.TemporaryDirectory() as folder:
        os.environ["ARGOS_PACKAGES_DIR"] = folder
        install_archive(check_archive(args.model), Path(folder))
        settings = load_settings(mt_threads=args.threads, mt_beam_size=args.beam_size)
        engine = get_engine(settings)
        began = time.perf_counter()
        scored = engine.translate_scored(sources)
        seconds = time.perf_counter() - began
        lengths = [len(engine.encode_source(s)) for s in sources]
    chrf = CHRF()
    quality = [
        chrf.sentence_score(s.text, [ref]).score for s, ref in zip(scored, references, strict=True)
    ]
    confidence = [s.score if s.score is not None else 0.0 for s in scored]
    print(f"model: {engine.model.label()}; {len(sources):,} NTREX sentences in {seconds:.0f} s")
    print(
        f"decoding: beam {args.beam_size}, no_repeat_ngram_size 3, length_penalty 1, "
        f"{args.threads} threads"
    )
    mean_chrf = sum(quality) / len(quality)
    print(f"mean chrF {mean_chrf:.1f}; mean mt_score {sum(confidence) / len(confidence):.3f}")
    by_length = spearman([-n for n in lengths], quality)
    print(f"Spearman rho with sentence chrF:  mt_score {spearman(confidence, quality):+.3f}")
    print(f"                                  -length  {by_length:+.3f}")
    order = sorted(range(len(sources)), key=lambda i: confidence[i])
    quarter = max(len(order) // 4, 1)
    low = [quality[i] for i in order[:quarter]]
    high = [quality[i] for i in order[-quarter:]]
    print(
        f"mean chrF of the least confident quarter {sum(low) / len(low):.1f}, "
        f"of the most confident quarter {sum(high) / len(high):.1f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
