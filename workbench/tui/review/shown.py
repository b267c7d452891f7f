"""The segment on the review desk's right: its row, word diffs and checks, read in one go.

No Textual here: what the desk (review/desk.py) draws, read in one transaction, so that its
decisions are made against the version shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.console import RenderableType
from rich.text import Text
from sqlalchemy.orm import Session

from workbench.config import Settings
from workbench.qa.checks import QaIssue
from workbench.qa.segments import segment_issues
from workbench.review.diff import DIFF_BASES, DiffBase
from workbench.review.history import segment_diff
from workbench.store.queries import SegmentRow, get_segment_row
from workbench.tui.review.view import diff_text


@dataclass
class Shown:
    """The segment on the right, read in one transaction: its decisions use `row.version`."""

    row: SegmentRow
    diffs: dict[DiffBase, RenderableType] = field(default_factory=dict)
    issues: list[QaIssue] = field(default_factory=list)  # the checks, shown without asking


def load_shown(session: Session, segment_id: int, settings: Settings) -> Shown | None:
    row = get_segment_row(session, segment_id)
    if row is None:
        return None
    shown = Shown(row, issues=segment_issues(session, segment_id, settings))
    for base in DIFF_BASES:
        if row.target is None:
            shown.diffs[base] = Text("No English text yet.", style="italic")
        elif base == "mt" and row.mt is None:
            shown.diffs[base] = Text("No machine translation for this segment.", style="italic")
        else:
            shown.diffs[base] = diff_text(segment_diff(session, segment_id, base).pieces)
    return shown
