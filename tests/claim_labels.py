"""The labelled seed data of the fact-checking desk (tests/data/claims/), read for tests and bench.

`checkable_seeds.tsv`: every sentence of the five seeds, as `ingest/segment.py` cuts them,
labelled 1 when it holds a check-worthy factual claim. `similar_claims.tsv`: claims a desk
would tag in the seeds, grouped by the fact they state; two claims of one fact are a positive
pair for "claims seen before", every other pair a negative.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from workbench.ingest.segment import segment_document

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "claims"
SEEDS = ROOT / "seeds"


def _rows(name: str) -> list[list[str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


def seed_sentences() -> dict[str, list[str]]:
    """Seed file prefix ("000") → its sentences, as the importer cuts them."""
    return {
        path.name[:3]: [s.text for s in segment_document(path.read_text(encoding="utf-8"))]
        for path in sorted(SEEDS.glob("*.txt"))
    }


@dataclass(frozen=True)
class LabelledSentence:
    seed: str
    number: int  # 1-based within its seed
    text: str
    checkable: bool


def checkable_sentences() -> list[LabelledSentence]:
    sentences = seed_sentences()
    labelled = []
    for name, number, flag, beginning in _rows("checkable_seeds.tsv"):
        text = sentences[name[:3]][int(number) - 1]
        assert " ".join(text.split()[:6]) == beginning, (name, number)
        labelled.append(LabelledSentence(name[:3], int(number), text, flag == "1"))
    return labelled


@dataclass(frozen=True)
class LabelledClaim:
    index: int
    seed: str
    number: int
    fact: str
    quote: str
    claim_en: str


def labelled_claims() -> list[LabelledClaim]:
    return [
        LabelledClaim(index, seed, int(number), fact, quote, claim_en)
        for index, (seed, number, fact, quote, claim_en) in enumerate(_rows("similar_claims.tsv"))
    ]


def labelled_pairs() -> list[tuple[LabelledClaim, LabelledClaim, bool]]:
    claims = labelled_claims()
    return [(a, b, a.fact == b.fact) for a, b in combinations(claims, 2)]


def precision_recall(predicted: list[bool], actual: list[bool]) -> tuple[float, float]:
    hits = sum(p and a for p, a in zip(predicted, actual, strict=True))
    flagged, relevant = sum(predicted), sum(actual)
    return (hits / flagged if flagged else 0.0, hits / relevant if relevant else 0.0)
