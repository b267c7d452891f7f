"""Quality checks on one segment: pure functions of its texts, status and the glossary.

Each issue names its check `code` (see `workbench.config.CHECKS`), a severity, a message, and
where it is: `side` ("source" or "target") and code-point offsets into that text, when it has a
place. Whether an issue blocks approval is a setting (`Settings.qa_blocking`), not part of the
issue.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from typing import Any, Literal

from workbench.config import CHECKS, Settings
from workbench.glossary.matching import GlossaryHit, GlossaryIndex, english_pattern
from workbench.qa.numbers import compare_numbers
from workbench.text.normalise import BIDI_CONTROLS, strip_harakat

Side = Literal["source", "target"]
# Statuses in which someone has said the English is done.
FINISHED = frozenset({"translated", "reviewed", "approved"})
REVIEWED = frozenset({"reviewed", "approved"})

_ARABIC_RUN = re.compile(
    "[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc]+"
    "(?:\\s+[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc]+)*"
)
_DOUBLE_SPACE = re.compile(r"[ \t\u00a0]{2,}")
# The same mark twice (an ellipsis "..." is fine), or a comma and a full stop run together.
_DOUBLE_PUNCTUATION = re.compile(r"(?<!\.)\.\.(?!\.)|([,;:!?،؛؟])\1+|[,;:][.]|\.[,;:]")


@dataclass(frozen=True, slots=True)
class QaIssue:
    code: str
    severity: str  # "error" | "warning"
    message: str
    start: int | None = None
    end: int | None = None
    side: Side | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def issue(
    code: str,
    message: str,
    side: Side | None = None,
    start: int | None = None,
    end: int | None = None,
) -> QaIssue:
    return QaIssue(code, CHECKS[code][0], message, start, end, side)


@dataclass(frozen=True, slots=True)
class SegmentTexts:
    source: str
    target: str
    mt: str | None
    status: str | None
    hits: tuple[GlossaryHit, ...]
    settings: Settings


def check_numbers(texts: SegmentTexts) -> Iterator[QaIssue]:
    missing, extra = compare_numbers(texts.source, texts.target)
    for number in missing:
        yield issue(
            "number-mismatch",
            f"{number.text} in the source is not in the English",
            "source",
            number.start,
            number.end,
        )
    for number in extra:
        yield issue(
            "number-mismatch",
            f"{number.text} in the English is not in the source",
            "target",
            number.start,
            number.end,
        )


def check_arabic_in_target(texts: SegmentTexts) -> Iterator[QaIssue]:
    for match in _ARABIC_RUN.finditer(texts.target):
        yield issue(
            "arabic-in-target",
            f"Arabic script left in the English: {match.group()!r}",
            "target",
            match.start(),
            match.end(),
        )


def check_bidi_controls(texts: SegmentTexts) -> Iterator[QaIssue]:
    sides: tuple[tuple[Side, str, str], ...] = (
        ("target", texts.target, "bidi-control"),
        ("source", texts.source, "bidi-control-source"),
    )
    for side, text, code in sides:
        for offset, char in enumerate(text):
            if char in BIDI_CONTROLS:
                message = f"invisible bidi control U+{ord(char):04X} at offset {offset}"
                yield issue(code, message, side, offset, offset + 1)


def check_identical_to_mt(texts: SegmentTexts) -> Iterator[QaIssue]:
    if not texts.settings.qa_identical_to_mt_when_reviewed or texts.status not in REVIEWED:
        return
    if texts.mt is not None and texts.mt.strip() == texts.target.strip():
        yield issue(
            "identical-to-mt",
            f"the English is the machine translation, unedited, but the segment is {texts.status}",
            "target",
        )


def check_glossary(texts: SegmentTexts) -> Iterator[QaIssue]:
    by_span: dict[tuple[int, int], list[GlossaryHit]] = {}
    for hit in texts.hits:
        by_span.setdefault((hit.start, hit.end), []).append(hit)
    for (start, end), hits in sorted(by_span.items()):
        if not any(english_pattern(hit.term_en).search(texts.target) for hit in hits):
            wanted = " or ".join(repr(hit.term_en) for hit in hits)
            message = f"{texts.source[start:end]} is {wanted} in the glossary; the English lacks it"
            yield issue("glossary-term-missing", message, "source", start, end)


def check_length_ratio(texts: SegmentTexts) -> Iterator[QaIssue]:
    settings = texts.settings
    source_length = len(strip_harakat(texts.source).strip())
    if source_length < settings.qa_length_min_source_chars:
        return
    ratio = len(texts.target.strip()) / source_length
    if not settings.qa_length_ratio_min <= ratio <= settings.qa_length_ratio_max:
        yield issue(
            "length-ratio",
            f"the English is {ratio:.2f} times the length of the Arabic (expected "
            f"{settings.qa_length_ratio_min}-{settings.qa_length_ratio_max})",
            "target",
        )


def check_doubles(texts: SegmentTexts) -> Iterator[QaIssue]:
    for pattern, code, what in (
        (_DOUBLE_SPACE, "double-space", "spaces"),
        (_DOUBLE_PUNCTUATION, "double-punctuation", "punctuation"),
    ):
        for match in pattern.finditer(texts.target):
            yield issue(
                code, f"doubled {what} {match.group()!r}", "target", match.start(), match.end()
            )


CHECKS_ON_TARGET: tuple[Callable[[SegmentTexts], Iterator[QaIssue]], ...] = (
    check_numbers,
    check_arabic_in_target,
    check_bidi_controls,
    check_identical_to_mt,
    check_glossary,
    check_length_ratio,
    check_doubles,
)


def qa_check_segment(
    source: str,
    target: str | None,
    *,
    mt: str | None = None,
    status: str | None = None,
    glossary: GlossaryIndex | None = None,
    settings: Settings | None = None,
) -> list[QaIssue]:
    """Every issue of one segment. `status` None means "judge it as finished".

    A segment with no English that nobody has finished (new, draft) is work to do, not an issue.
    """
    settings = settings or Settings()
    if target is None or not target.strip():
        if status is None or status in FINISHED:
            return [issue("empty-target", "the segment is marked finished but has no English")]
        return []
    hits = tuple(glossary.hits(source)) if glossary is not None else ()
    texts = SegmentTexts(source, target, mt, status, hits, settings)
    return [found for check in CHECKS_ON_TARGET for found in check(texts)]
