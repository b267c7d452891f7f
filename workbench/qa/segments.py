"""Quality checks on stored segments: one segment, a document or everything, and the approval gate.

`approval_blockers` is what the review service calls before it approves a segment: the issues
the segment would have once approved whose codes are in `Settings.qa_blocking`. An empty list
means approval may go ahead.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy.orm import Session

from workbench.config import Settings
from workbench.errors import NotFoundError
from workbench.glossary.loading import glossary_index
from workbench.glossary.matching import GlossaryIndex
from workbench.qa.checks import QaIssue, qa_check_segment
from workbench.store.models import SegmentStatus
from workbench.store.queries import SegmentRow, get_segment_row, iter_segment_rows


@dataclass(frozen=True, slots=True)
class SegmentIssue:
    segment: SegmentRow
    issue: QaIssue
    blocking: bool


def _check_row(
    row: SegmentRow, glossary: GlossaryIndex, settings: Settings, status: str | None = None
) -> list[QaIssue]:
    return qa_check_segment(
        row.source,
        row.target,
        mt=row.mt,
        status=status or row.status,
        glossary=glossary,
        settings=settings,
    )


def segment_issues(session: Session, segment_id: int, settings: Settings) -> list[QaIssue]:
    """The issues of one stored segment, as it is now."""
    row = _row(session, segment_id)
    return _check_row(row, glossary_index(session), settings)


def approval_blockers(session: Session, segment_id: int, settings: Settings) -> list[QaIssue]:
    """The issues that stop this segment from being approved (judged as if it were approved)."""
    row = _row(session, segment_id)
    issues = _check_row(row, glossary_index(session), settings, SegmentStatus.APPROVED.value)
    return [found for found in issues if found.code in settings.qa_blocking]


def iter_issues(
    session: Session, settings: Settings, document_id: int | None = None
) -> Iterator[SegmentIssue]:
    """Every issue of every segment (of one document, or all), in document order."""
    glossary = glossary_index(session)
    blocking = set(settings.qa_blocking)
    for row in iter_segment_rows(session, document_id):
        for found in _check_row(row, glossary, settings):
            yield SegmentIssue(row, found, found.code in blocking)


def _row(session: Session, segment_id: int) -> SegmentRow:
    row = get_segment_row(session, segment_id)
    if row is None:
        raise NotFoundError(
            f"segment {segment_id} does not exist; list ids with `workbench segments`"
        )
    return row
