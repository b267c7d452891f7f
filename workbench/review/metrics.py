"""Post-editing metrics on plain texts and numbers, with the direction each one reads in.

HTER is TER with the machine translation as hypothesis and the post-edited text as reference
(sacrebleu, case-sensitive, whitespace tokens): edits needed / reference words. chrF is computed
per sentence and per corpus; BLEU only per corpus, as sentence BLEU is too noisy to read.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sacrebleu.metrics.bleu import BLEU
    from sacrebleu.metrics.chrf import CHRF
    from sacrebleu.metrics.ter import TER

# How each metric reads; shown beside every figure, in the CLI, the JSON and the TUI.
DIRECTIONS: dict[str, str] = {
    "hter": "↓ lower = less editing of the MT",
    "chrf": "↑ higher = MT closer to the final text",
    "bleu": "↑ higher = MT closer to the final text",
    "seconds_per_word": "↓ lower = faster post-editing",
    "keystrokes": "↓ lower = less typing",
    "approval_rate": "↑ higher = more decisions were approvals",
    "rejection_rate": "↓ lower = fewer decisions were rejections",
}
LABELS: dict[str, str] = {
    "hter": "HTER",
    "chrf": "chrF",
    "bleu": "BLEU",
    "seconds_per_word": "s/word",
    "keystrokes": "keystrokes",
    "approval_rate": "approved",
    "rejection_rate": "rejected",
}

# Seconds per word outside this range are interruptions or paste-ins, not editing: common practice
# in post-editing studies is to leave them out of time figures (and say how many were cut).
MIN_SECONDS_PER_WORD = 0.25
MAX_SECONDS_PER_WORD = 30.0


def heading(metric: str) -> str:
    """`HTER ↓ lower = less editing of the MT`: a metric's name with its direction."""
    return f"{LABELS[metric]} {DIRECTIONS[metric]}"


@cache
def _ter() -> TER:
    # sacrebleu (and the lxml it brings) is loaded by the first score, not by `import`.
    from sacrebleu.metrics.ter import TER

    return TER(case_sensitive=True)


@cache
def _chrf() -> CHRF:
    from sacrebleu.metrics.chrf import CHRF

    return CHRF()


@cache
def _bleu() -> BLEU:
    from sacrebleu.metrics.bleu import BLEU

    return BLEU()


@dataclass(frozen=True, slots=True)
class EditRate:
    """TER statistics of one segment: the edits and the reference length they are divided by."""

    edits: int
    reference_words: float

    @property
    def score(self) -> float:
        return rate_score(self.edits, self.reference_words)


def rate_score(edits: float, reference_words: float) -> float:
    """TER in percent, as sacrebleu scores it (an empty reference costs 100 if anything is left)."""
    if reference_words > 0:
        return 100.0 * edits / reference_words
    return 100.0 if edits > 0 else 0.0


def hter(mt: str, final: str) -> EditRate:
    score = _ter().sentence_score(mt, [final])
    return EditRate(score.num_edits, score.ref_length)


def corpus_hter(rates: Iterable[EditRate]) -> EditRate:
    """Total edits over total reference words: what sacrebleu's TER corpus_score computes."""
    edits = 0
    words = 0.0
    for rate in rates:
        edits += rate.edits
        words += rate.reference_words
    return EditRate(edits, words)


def chrf(mt: str, final: str) -> float:
    return float(_chrf().sentence_score(mt, [final]).score)


@dataclass(frozen=True, slots=True)
class PairStats:
    """What one (MT, final text) pair adds to every figure: its TER edits and sacrebleu's
    sufficient statistics of chrF and BLEU, which a corpus score sums before scoring (that is how
    sacrebleu's corpus_score works). Computed once per pair, a group's figures are sums."""

    rate: EditRate
    chrf: tuple[int, ...]
    bleu: tuple[int, ...]
    sentence_chrf: float


# Pairs already measured, by (MT, final text): the texts of finished segments rarely change, so
# the statistics screen opened again measures only what changed meanwhile. Bounded (a pair costs
# some hundred bytes); cleared when full rather than tracked, as refills are rare.
_PAIRS: dict[tuple[str, str], PairStats] = {}
PAIR_CACHE_SIZE = 200_000


def pair_stats(mt: str, final: str) -> PairStats:
    """TER, chrF and BLEU statistics of MT against its final text (sacrebleu, cached)."""
    key = (mt, final)
    found = _PAIRS.get(key)
    if found is None:
        # sacrebleu's per-segment statistics, as sentence_score and corpus_score compute them.
        chrf_stats = _chrf()._extract_corpus_statistics([mt], [[final]])[0]
        bleu_stats = _bleu()._extract_corpus_statistics([mt], [[final]])[0]
        sentence = float(_chrf()._compute_score_from_stats(chrf_stats).score)
        found = PairStats(hter(mt, final), tuple(chrf_stats), tuple(bleu_stats), sentence)
        if len(_PAIRS) >= PAIR_CACHE_SIZE:
            _PAIRS.clear()
        _PAIRS[key] = found
    return found


def _summed(rows: Sequence[tuple[int, ...]]) -> list[int]:
    return [sum(column) for column in zip(*rows, strict=True)]


def chrf_of(pairs: Sequence[PairStats]) -> float | None:
    """chrF of the pairs as one corpus (of one pair: its sentence chrF); None for none."""
    if not pairs:
        return None
    return float(_chrf()._compute_score_from_stats(_summed([p.chrf for p in pairs])).score)


def bleu_of(pairs: Sequence[PairStats]) -> float | None:
    """Corpus BLEU of the pairs; None for none."""
    if not pairs:
        return None
    return float(_bleu()._compute_score_from_stats(_summed([p.bleu for p in pairs])).score)


def word_count(text: str) -> int:
    """Words as TER counts them: runs of non-space characters."""
    return len(text.split())


def seconds_per_word(seconds: float | None, words: int) -> float | None:
    if seconds is None or words == 0:
        return None
    return seconds / words


def is_time_outlier(rate: float) -> bool:
    return not MIN_SECONDS_PER_WORD <= rate <= MAX_SECONDS_PER_WORD


def share(part: int, whole: int) -> float | None:
    return part / whole if whole else None
