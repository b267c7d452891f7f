"""Machine-translation benchmark: three ways to translate the same sentences with the same model.

    ceiling  raw ctranslate2.Translator.translate_batch on pre-tokenised input (one call)
    peer     argostranslate's own path, one sentence per call, as a library user writes it
             (its sentence splitter bypassed: the sentences are already split)
    ours     `workbench translate` end to end: model load, query, tokenise, decode, detokenise,
             one database transaction per batch

The seed sentences repeated to at least --sentences; the same thread count, beam size and device
for all three. Each way runs in a fresh process of its own, so its peak memory (max RSS) is its
own; the rounds interleave the ways and the best round of each counts. Floors: ours >= 0.85 x
ceiling and >= 3 x peer.

    .venv/bin/python bench/mt.py [--sentences 2000] [--threads 2] [--model FILE.argosmodel]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
TOY_MODEL = REPO / "tests" / "fixtures" / "translate-ar_en-toy.argosmodel"
WAYS = ("ceiling", "ours", "peer")
CEILING_FLOOR = 0.85
PEER_FLOOR = 3.0


def seed_sentences(count: int) -> tuple[list[str], int]:
    from workbench.ingest.sources import collect_sources, read_source

    seeds = [s.source for p in collect_sources([REPO / "seeds"]) for s in read_source(p).segments]
    copies = math.ceil(count / len(seeds))
    return seeds * copies, copies


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def ceiling(args: argparse.Namespace, model_dir: Path) -> dict[str, Any]:
    import ctranslate2
    import sentencepiece

    from workbench.mt.engine import NO_REPEAT_NGRAM_SIZE

    sentences, _ = seed_sentences(args.sentences)
    processor = sentencepiece.SentencePieceProcessor(
        model_file=str(model_dir / "sentencepiece.model")
    )
    tokens = processor.encode(sentences, out_type=str)
    translator = ctranslate2.Translator(
        str(model_dir / "model"), device=args.device, inter_threads=1, intra_threads=args.threads
    )
    began = time.perf_counter()
    results = translator.translate_batch(
        tokens,
        max_batch_size=args.batch_size,
        batch_type="examples",
        beam_size=args.beam_size,
        no_repeat_ngram_size=NO_REPEAT_NGRAM_SIZE,
        replace_unknowns=True,
    )
    seconds = time.perf_counter() - began
    words = sum(len(processor.decode(r.hypotheses[0]).split()) for r in results)
    return {"sentences": len(sentences), "seconds": seconds, "words": words}


def peer(args: argparse.Namespace, model_dir: Path) -> dict[str, Any]:
    # argos reads these at import: the same threads, beam and device as the other two ways.
    os.environ.update(
        ARGOS_PACKAGES_DIR=str(model_dir.parent),
        ARGOS_INTRA_THREADS=str(args.threads),
        ARGOS_INTER_THREADS="1",
        ARGOS_BEAM_SIZE=str(args.beam_size),
        ARGOS_DEVICE_TYPE=args.device,
    )
    from argostranslate import translate
    from argostranslate.sbd import ISentenceBoundaryDetectionModel

    class AlreadySplit(ISentenceBoundaryDetectionModel):
        def split_sentences(self, text: str) -> list[str]:
            return [text]

    sentences, _ = seed_sentences(args.sentences)
    translation: Any = translate.get_translation_from_codes("ar", "en")
    translation.underlying.sentencizer = AlreadySplit()
    translation.translate("مرحبا")  # loads the model: not timed, as for the ceiling
    began = time.perf_counter()
    outputs = [translation.translate(sentence) for sentence in sentences]
    seconds = time.perf_counter() - began
    words = sum(len(text.split()) for text in outputs)
    return {"sentences": len(sentences), "seconds": seconds, "words": words}


def _fill_database(url: str, copies: int) -> None:
    from workbench.ingest.sources import collect_sources, read_source
    from workbench.services.importing import import_document
    from workbench.store.database import open_database

    database = open_database(url)
    for path in collect_sources([REPO / "seeds"]):
        parsed = read_source(path)
        for copy in range(copies):  # a distinct content hash makes each copy a new document
            import_document(
                database, replace(parsed, content_hash=f"{parsed.content_hash}-{copy}"), "bench"
            )
    database.dispose()


def ours(args: argparse.Namespace, model_dir: Path) -> dict[str, Any]:
    from sqlalchemy import func, select

    from workbench.cli import main
    from workbench.store.database import open_database
    from workbench.store.models import Segment

    os.environ["ARGOS_PACKAGES_DIR"] = str(model_dir.parent)
    _, copies = seed_sentences(args.sentences)
    url = f"sqlite:///{tempfile.mkdtemp(dir=args.workdir)}/bench.sqlite"  # fresh every round
    _fill_database(url, copies)
    command = ["--db", url, "--user", "bench", "translate", "--threads", str(args.threads)]
    command += ["--beam-size", str(args.beam_size), "--batch-size", str(args.batch_size)]
    command += ["--device", args.device]
    began = time.perf_counter()
    main.main(command, standalone_mode=False)
    seconds = time.perf_counter() - began
    database = open_database(url)
    with database.read() as session:
        done = session.scalar(select(func.count()).where(Segment.mt.is_not(None))) or 0
        texts = session.scalars(select(Segment.mt)).all()
    database.dispose()
    words = sum(len((text or "").split()) for text in texts)
    return {"sentences": done, "seconds": seconds, "words": words}


def run_way(args: argparse.Namespace) -> None:
    model_dir = Path(args.workdir) / "packages" / args.model_top
    measure = {"ceiling": ceiling, "peer": peer, "ours": ours}[args.way]
    result = measure(args, model_dir)
    result.update(way=args.way, peak_rss_mb=peak_rss_mb())
    print(json.dumps(result))


def spawn(args: argparse.Namespace, way: str, workdir: Path, top: str) -> dict[str, Any]:
    command = [sys.executable, __file__, "--way", way, "--workdir", str(workdir)]
    command += ["--model-top", top, "--sentences", str(args.sentences)]
    command += ["--threads", str(args.threads), "--beam-size", str(args.beam_size)]
    command += ["--batch-size", str(args.batch_size), "--device", args.device]
    pythonpath = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "PYTHONPATH": pythonpath}
    print(f"running {way} ...", file=sys.stderr, flush=True, end=" ")
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{way} failed:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"{result['sentences'] / result['seconds']:.1f} sentences/s", file=sys.stderr)
    return result


def best(rounds: list[dict[str, Any]]) -> dict[str, Any]:
    """The least disturbed round: on a shared machine, others' load only ever slows a round."""
    return min(rounds, key=lambda r: r["seconds"] / r["sentences"])


def report(args: argparse.Namespace, rounds: dict[str, list[dict[str, Any]]], label: str) -> int:
    results = {way: best(rounds[way]) for way in WAYS}
    rate = {way: r["sentences"] / r["seconds"] for way, r in results.items()}
    print(f"model: {label}; {results['ours']['sentences']:,} sentences (the seeds repeated)")
    print(
        f"threads {args.threads}, beam {args.beam_size}, batch {args.batch_size}, {args.device}; "
        f"best of {args.rounds} rounds (all rounds in brackets)"
    )
    print(f"{'way':<8} {'sentences/s':>12} {'words/sentence':>15} {'peak RSS':>9}   rounds")
    for way in WAYS:
        r = results[way]
        every = ", ".join(f"{x['sentences'] / x['seconds']:.1f}" for x in rounds[way])
        peak = max(x["peak_rss_mb"] for x in rounds[way])
        print(
            f"{way:<8} {rate[way]:>12.1f} {r['words'] / r['sentences']:>15.1f} "
            f"{peak:>6.0f} MB   [{every}]"
        )
    to_ceiling = rate["ours"] / rate["ceiling"]
    to_peer = rate["ours"] / rate["peer"]
    verdict_ceiling = "PASS" if to_ceiling >= CEILING_FLOOR else "FAIL"
    verdict_peer = "PASS" if to_peer >= PEER_FLOOR else "FAIL"
    print(f"ours / ceiling: {to_ceiling:.2f}  (floor {CEILING_FLOOR})  {verdict_ceiling}")
    print(f"ours / peer:    {to_peer:.2f}  (floor {PEER_FLOOR})  {verdict_peer}")
    return 0 if "FAIL" not in (verdict_ceiling, verdict_peer) else 1


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=2000, help="at least this many")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--beam-size", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--device", choices=["cpu", "cuda"], default="cpu")
    parser.add_argument("--rounds", type=int, default=3, help="each way this many times")
    parser.add_argument("--model", type=Path, default=TOY_MODEL, help="an ar→en .argosmodel")
    parser.add_argument("--way", choices=WAYS, help=argparse.SUPPRESS)
    parser.add_argument("--workdir", help=argparse.SUPPRESS)
    parser.add_argument("--model-top", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse(argv)
    if args.way:
        run_way(args)
        return 0
    from workbench.mt.archive import check_archive, install_archive

    with tempfile.TemporaryDirectory() as folder:
        workdir = Path(folder)
        model = install_archive(check_archive(args.model), workdir / "packages")
        rounds: dict[str, list[dict[str, Any]]] = {way: [] for way in WAYS}
        for _ in range(args.rounds):  # interleaved, so a busy spell hits every way alike
            for way in WAYS:
                rounds[way].append(spawn(args, way, workdir, model.name))
    return report(args, rounds, model.label())


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
