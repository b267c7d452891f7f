"""What the main screen's parts tell it, as Textual messages.

The rule of the main screen: the screen calls its parts (down); a part tells the screen what
happened by posting one of these (up); no part reaches into another. Each message carries what
its handler needs, so the handler does not ask the sender back. Messages are posted to the screen
and handled there (MainScreen's `@on` handlers), in the order they were posted; `post_message` is
thread-safe, so the thread workers post them directly.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from workbench.qa.checks import QaIssue
from workbench.store.queries import SegmentRow
from workbench.tm.lookup import TmMatch


@dataclass
class DocumentOpened(Message):
    """A document is listed (through a filter, described, or None when it shows everything)."""

    document_id: int
    filter_description: str | None


@dataclass
class SegmentOpened(Message):
    """A segment was opened in the editor (read afresh from the database)."""

    row: SegmentRow


@dataclass
class SegmentSaved(Message):
    """The open segment was saved; `row` is the row as stored now, `before` its old status."""

    row: SegmentRow
    before: str


@dataclass
class ReloadWanted(Message):
    """Show the open segment as stored now (theirs, after a conflict); `merge`, if given, then
    replaces the target (undoably) for the translator to merge by hand."""

    segment_id: int
    merge: str | None = None


@dataclass
class ClaimsChanged(Message):
    """Claims were tagged, edited or deleted: of one segment, or (None) of the whole document."""

    segment_id: int | None = None


@dataclass
class GoToPosition(Message):
    """Someone (the claims panel) asked to show segment `position` of the open document."""

    position: int


@dataclass
class AlternativesArrived(Message):
    """The default model's alternatives (n-best) of a segment were decoded."""

    segment_id: int
    alternatives: list[str]


@dataclass
class OtherModelArrived(Message):
    """Another installed model translated a segment (alt+m)."""

    segment_id: int
    name: str
    text: str
    score: float | None


@dataclass
class TmMatchesFound(Message):
    """The translation memory was searched for a segment's source."""

    segment_id: int
    matches: list[TmMatch]


@dataclass
class QaChecked(Message):
    """The quality checks ran on a segment's target as typed."""

    segment_id: int
    issues: list[QaIssue]


@dataclass
class MtProgress(Message):
    """Background MT: `done` of `total` segments; None when it stopped (or finished)."""

    done_total: tuple[int, int] | None
    stop_key: str = "f8"


@dataclass
class MtFinished(Message):
    """Background MT stopped; `filled` says whether it put memory matches in targets."""

    filled: bool


@dataclass
class ModelFound(Message):
    """An MT model was installed while the app ran; `label` names it for the status line."""

    label: str
