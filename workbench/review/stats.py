"""Statistics from loaded records: per segment, overall, and per editor or document.

Pure: `workbench.review.queries` loads the records, this module only computes. A segment counts
once it is post-edited and finished (translated, reviewed or approved, with MT and a human text);
its editor is the author of the human revision whose text is final, and its time and keystrokes
are summed over that editor's revisions of it. Reviews are counted against the editor whose
revision was judged, and against the segment's document.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from workbench.review import metrics

GroupBy = Literal["editor", "document"]
GROUPINGS: tuple[GroupBy, ...] = ("editor", "document")
CHART_METRICS = ("hter", "chrf", "bleu", "seconds_per_word", "approval_rate", "rejection_rate")


@dataclass(frozen=True, slots=True)
class SegmentEffort:
    """One post-edited segment, as loaded from the database."""

    segment_id: int
    document_id: int
    document_title: str
    editor: str | None
    status: str
    mt: str
    final: str
    seconds: float | None  # None: no timing was recorded for this editor's revisions
    keystrokes: int | None


@dataclass(frozen=True, slots=True)
class ReviewRecord:
    segment_id: int
    document_id: int
    document_title: str
    editor: str | None  # the author of the reviewed revision
    decision: str


@dataclass(frozen=True, slots=True)
class SegmentMetrics:
    segment_id: int
    document_id: int
    editor: str | None
    status: str
    hter: float
    edits: int
    reference_words: float
    chrf: float
    words: int
    seconds: float | None
    seconds_per_word: float | None
    time_outlier: bool
    keystrokes: int | None
    approvals: int
    rejections: int

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class GroupStats:
    key: str
    label: str
    segments: int
    hter: float | None
    edits: int
    reference_words: float
    chrf: float | None
    bleu: float | None
    timed_segments: int  # with a time inside the limits
    outliers_cut: int  # with a time outside MIN..MAX seconds per word, left out
    seconds_per_word: float | None  # total seconds / total words of the timed segments
    seconds_per_segment: float | None
    keystrokes: int | None
    keystrokes_per_segment: float | None
    reviews: int
    approvals: int
    rejections: int
    approval_rate: float | None  # approvals / decisions, 0..1
    rejection_rate: float | None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class StatsReport:
    by: GroupBy | None
    overall: GroupStats
    groups: list[GroupStats]
    segments: list[SegmentMetrics] = field(default_factory=list)

    def series(self, metric: str) -> list[tuple[str, float | None]]:
        """(group label, value) pairs of one metric: what a small bar chart needs."""
        if metric not in CHART_METRICS:
            raise ValueError(f"no chart for {metric!r}; one of: {', '.join(CHART_METRICS)}")
        return [(group.label, getattr(group, metric)) for group in self.groups]

    def to_json(self) -> dict[str, Any]:
        return {
            "by": self.by,
            "directions": dict(metrics.DIRECTIONS),
            "time_limits_seconds_per_word": [
                metrics.MIN_SECONDS_PER_WORD,
                metrics.MAX_SECONDS_PER_WORD,
            ],
            "overall": self.overall.to_json(),
            "groups": [group.to_json() for group in self.groups],
        }


def segment_metrics(
    effort: SegmentEffort,
    reviews: Iterable[ReviewRecord] = (),
    pair: metrics.PairStats | None = None,
) -> SegmentMetrics:
    pair = pair or metrics.pair_stats(effort.mt, effort.final)
    rate = pair.rate
    words = metrics.word_count(effort.final)
    per_word = metrics.seconds_per_word(effort.seconds, words)
    decisions = [review.decision for review in reviews]
    return SegmentMetrics(
        segment_id=effort.segment_id,
        document_id=effort.document_id,
        editor=effort.editor,
        status=effort.status,
        hter=rate.score,
        edits=rate.edits,
        reference_words=rate.reference_words,
        chrf=pair.sentence_chrf,
        words=words,
        seconds=effort.seconds,
        seconds_per_word=per_word,
        time_outlier=per_word is not None and metrics.is_time_outlier(per_word),
        keystrokes=effort.keystrokes,
        approvals=decisions.count("approved"),
        rejections=decisions.count("rejected"),
    )


def _mean(total: float, count: int) -> float | None:
    return total / count if count else None


def aggregate(
    key: str,
    label: str,
    efforts: list[SegmentEffort],
    measured: list[SegmentMetrics],
    reviews: list[ReviewRecord],
    *,
    pairs: list[metrics.PairStats] | None = None,
) -> GroupStats:
    """One group's figures; `measured[i]` and `pairs[i]` hold the metrics of `efforts[i]`."""
    rate = metrics.corpus_hter(metrics.EditRate(m.edits, m.reference_words) for m in measured)
    if pairs is None:
        pairs = [metrics.pair_stats(effort.mt, effort.final) for effort in efforts]
    timed = [m for m in measured if m.seconds_per_word is not None and not m.time_outlier]
    seconds = sum(m.seconds or 0.0 for m in timed)
    typed = [m.keystrokes for m in measured if m.keystrokes is not None]
    approvals = sum(1 for review in reviews if review.decision == "approved")
    rejections = sum(1 for review in reviews if review.decision == "rejected")
    return GroupStats(
        key=key,
        label=label,
        segments=len(measured),
        hter=rate.score if measured else None,
        edits=rate.edits,
        reference_words=rate.reference_words,
        chrf=metrics.chrf_of(pairs),
        bleu=metrics.bleu_of(pairs),
        timed_segments=len(timed),
        outliers_cut=sum(1 for m in measured if m.time_outlier),
        seconds_per_word=seconds / sum(m.words for m in timed) if timed else None,
        seconds_per_segment=_mean(seconds, len(timed)),
        keystrokes=sum(typed) if typed else None,
        keystrokes_per_segment=_mean(sum(typed), len(typed)),
        reviews=len(reviews),
        approvals=approvals,
        rejections=rejections,
        approval_rate=metrics.share(approvals, len(reviews)),
        rejection_rate=metrics.share(rejections, len(reviews)),
    )


def _keyer(by: GroupBy) -> Callable[[SegmentEffort | ReviewRecord], tuple[str, str]]:
    def key(record: SegmentEffort | ReviewRecord) -> tuple[str, str]:
        if by == "editor":
            name = record.editor or "(unknown)"
            return name, name
        return str(record.document_id), f"{record.document_id}: {record.document_title}"

    return key


def compute_stats(
    efforts: list[SegmentEffort], reviews: list[ReviewRecord], by: GroupBy | None = None
) -> StatsReport:
    return compute_reports(efforts, reviews, (by,))[by]


def compute_reports(
    efforts: list[SegmentEffort],
    reviews: list[ReviewRecord],
    groupings: tuple[GroupBy | None, ...],
) -> dict[GroupBy | None, StatsReport]:
    """One report per grouping; each segment is measured once for all of them."""
    per_segment: dict[int, list[ReviewRecord]] = {}
    for review in reviews:
        per_segment.setdefault(review.segment_id, []).append(review)
    # Each pair is measured once (sacrebleu's statistics); every figure below is a sum of them.
    pairs = [metrics.pair_stats(e.mt, e.final) for e in efforts]
    measured = [
        segment_metrics(e, per_segment.get(e.segment_id, ()), pair)
        for e, pair in zip(efforts, pairs, strict=True)
    ]
    overall = aggregate("all", "all", efforts, measured, reviews, pairs=pairs)
    return {
        by: StatsReport(by, overall, _groups(by, efforts, reviews, measured, pairs), measured)
        for by in groupings
    }


def _groups(
    by: GroupBy | None,
    efforts: list[SegmentEffort],
    reviews: list[ReviewRecord],
    measured: list[SegmentMetrics],
    pairs: list[metrics.PairStats],
) -> list[GroupStats]:
    if by is None:
        return []
    key = _keyer(by)
    labels: dict[str, str] = {}
    members: dict[str, list[int]] = {}
    for index, effort in enumerate(efforts):
        group, label = key(effort)
        labels[group] = label
        members.setdefault(group, []).append(index)
    judged: dict[str, list[ReviewRecord]] = {}
    for review in reviews:
        group, label = key(review)
        labels[group] = label
        judged.setdefault(group, []).append(review)
    groups = []
    for group in sorted(labels, key=_natural):
        chosen = members.get(group, [])
        groups.append(
            aggregate(
                group,
                labels[group],
                [efforts[i] for i in chosen],
                [measured[i] for i in chosen],
                judged.get(group, []),
                pairs=[pairs[i] for i in chosen],
            )
        )
    return groups


def _natural(key: str) -> tuple[int, str]:
    """Document ids sort as numbers, editor names as text."""
    return (int(key), "") if key.isdigit() else (1 << 62, key)
