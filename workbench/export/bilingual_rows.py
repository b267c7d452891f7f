"""The rows of a bilingual review copy, whatever the format: what each sentence shows."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from workbench.export.article import is_missing
from workbench.export.document_read import PublishDocument

STATUS_LABELS = {
    "new": "untranslated",
    "draft": "draft",
    "translated": "translated",
    "reviewed": "reviewed",
    "approved": "approved",
    "rejected": "rejected",
}


@dataclass(frozen=True, slots=True)
class ReviewRow:
    segment_id: int
    position: int
    paragraph: int
    block: str | None
    arabic: str
    english: str  # the target; the MT (english_is_mt) when there is none; "" when neither
    english_is_mt: bool
    status: str
    status_label: str
    claims: tuple[str, ...]


def review_rows(document: PublishDocument) -> Iterator[ReviewRow]:
    for sentence in document.sentences:
        target = (sentence.target or "").strip()
        use_mt = not target and bool((sentence.mt or "").strip())
        english = (sentence.mt or "").strip() if use_mt else target
        label = STATUS_LABELS.get(sentence.status, sentence.status)
        if use_mt:
            label += " (MT shown)"
        elif is_missing(sentence) and target:
            label += " (not for publication)"
        yield ReviewRow(
            sentence.segment_id,
            sentence.position,
            sentence.paragraph,
            sentence.block,
            sentence.source,
            english,
            use_mt,
            sentence.status,
            label,
            sentence.claims,
        )
