"""A segment's edit log (revisions and reviews, in order) and its word diffs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from workbench.errors import InputError, NotFoundError
from workbench.review.diff import DIFF_BASES, DiffBase, DiffPiece, word_diff
from workbench.review.queues import iso
from workbench.store.models import Origin, Review, Revision, Segment, User


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One line of the edit log: a saved text (kind "revision") or a decision ("review")."""

    kind: Literal["revision", "review"]
    id: int
    version: int
    at: datetime
    who: str | None  # the author of a revision (None for MT), the reviewer of a review
    status: str  # the segment's status after this entry
    origin: str | None = None
    text: str | None = None
    seconds: float | None = None
    keystrokes: int | None = None
    mt_package: str | None = None
    decision: str | None = None
    comment: str | None = None
    revision_id: int | None = None  # for a review: the revision it judged

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind, "id": self.id, "version": self.version}
        data.update(at=iso(self.at), who=self.who, status=self.status)
        if self.kind == "revision":
            data.update(
                origin=self.origin,
                text=self.text,
                seconds=self.seconds,
                keystrokes=self.keystrokes,
                mt_package=self.mt_package,
            )
        else:
            data.update(decision=self.decision, comment=self.comment, revision_id=self.revision_id)
        return data


def _require_segment(session: Session, segment_id: int) -> Segment:
    segment = session.get(Segment, segment_id)
    if segment is None:
        raise NotFoundError(
            f"segment {segment_id} does not exist; list ids with `workbench segments`"
        )
    return segment


def segment_history(session: Session, segment_id: int) -> list[HistoryEntry]:
    """Every revision and review of a segment, oldest first.

    Ordered by the segment version each entry produced, then by time: versions never go back, so
    the order holds even where two clocks disagree. MT revisions do not bump the version and sit
    by their time among the entries of the version they were written at.
    """
    _require_segment(session, segment_id)
    author = aliased(User)
    entries = [
        HistoryEntry(
            "revision",
            r.id,
            r.version,
            r.created_at,
            name,
            r.status,
            origin=r.origin,
            text=r.text,
            seconds=r.seconds_spent,
            keystrokes=r.keystrokes,
            mt_package=r.mt_package,
        )
        for r, name in session.execute(
            select(Revision, author.name)
            .outerjoin(author, author.id == Revision.author_id)
            .where(Revision.segment_id == segment_id)
        )
    ]
    entries += [
        HistoryEntry(
            "review",
            v.id,
            v.version,
            v.created_at,
            name,
            v.decision,
            decision=v.decision,
            comment=v.comment,
            revision_id=v.revision_id,
        )
        for v, name in session.execute(
            select(Review, User.name)
            .join(User, User.id == Review.reviewer_id)
            .where(Review.segment_id == segment_id)
        )
    ]
    entries.sort(key=lambda e: (e.version, e.at, e.kind == "review", e.id))
    return entries


@dataclass(frozen=True, slots=True)
class SegmentDiff:
    segment_id: int
    version: int
    base: DiffBase
    base_text: str  # "" when the current text is the first one
    text: str
    pieces: list[DiffPiece]


def _text_revisions(session: Session, segment_id: int) -> list[Revision]:
    return list(
        session.scalars(
            select(Revision).where(Revision.segment_id == segment_id).order_by(Revision.id)
        )
    )


def previous_text(revisions: list[Revision]) -> str:
    """The target text the latest non-MT revision replaced; failing that, the MT it started from.

    "" when the current text is the first one and there was no MT before it.
    """
    texts = [i for i, r in enumerate(revisions) if r.origin != Origin.MT.value]
    if not texts:
        return ""
    earlier = revisions[: texts[-1]]
    for wanted_mt in (False, True):
        for revision in reversed(earlier):
            if (revision.origin == Origin.MT.value) == wanted_mt:
                return revision.text
    return ""


def segment_diff(session: Session, segment_id: int, base: DiffBase = "mt") -> SegmentDiff:
    """Word diff from the machine translation, or from the previous revision, to the target."""
    if base not in DIFF_BASES:
        raise InputError(f"diff base {base!r} is not one of: {', '.join(DIFF_BASES)}")
    segment = _require_segment(session, segment_id)
    if segment.target is None:
        raise InputError(f"segment {segment_id} has no English target yet; nothing to compare")
    if base == "mt":
        if segment.mt is None:
            raise InputError(
                f"segment {segment_id} has no machine translation; use --from previous"
            )
        base_text = segment.mt
    else:
        base_text = previous_text(_text_revisions(session, segment_id))
    return SegmentDiff(
        segment_id,
        segment.version,
        base,
        base_text,
        segment.target,
        word_diff(base_text, segment.target),
    )
