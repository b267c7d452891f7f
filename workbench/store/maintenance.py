"""Read-only health checks of a database, for `workbench check`.

Storage integrity (SQLite's integrity_check and foreign_key_check), then rows that the services
would never leave behind but a crash, a hand edit in a SQL shell (where SQLite enforces no
foreign keys by default) or a bug could: segments without their document, revisions without
their segment, documents whose segment count is wrong, segments whose current text is not their
latest revision's (the MT likewise), claims whose span no longer quotes their words. Last,
bidi control characters in the texts, which can make a sentence read differently from what is
stored (warnings: they may be legitimate marks).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import Any, Literal

from sqlalchemy import func, or_, select, text
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from workbench.store.models import (
    AnchorState,
    Claim,
    ClaimSide,
    Document,
    Origin,
    Revision,
    Segment,
)
from workbench.text.normalise import BIDI_CONTROLS, bidi_controls_in

Severity = Literal["error", "warning"]
MAX_PER_KIND = 1_000  # a badly damaged database should not print millions of lines


@dataclass(frozen=True, slots=True)
class Finding:
    severity: Severity
    kind: str
    message: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def run_checks(session: Session, *, quick: bool = False) -> Iterator[Finding]:
    """Every problem found, storage first. `quick` uses SQLite's quick_check (no index checks)."""
    if session.get_bind().dialect.name == "sqlite":
        try:
            yield from _sqlite_integrity(session, quick)
        except DatabaseError as error:
            # A file damaged badly enough makes the check itself fail: that is the finding.
            yield Finding("error", "integrity", f"SQLite cannot read the file: {error.orig}")
            return
    for check in (
        _orphan_segments,
        _orphan_revisions,
        _segment_counts,
        _targets_against_history,
        _mt_against_history,
        _claim_spans,
        _bidi_controls,
    ):
        yield from _capped(check(session))


def _capped(findings: Iterator[Finding]) -> Iterator[Finding]:
    for number, finding in enumerate(findings, start=1):
        if number > MAX_PER_KIND:
            yield Finding(finding.severity, finding.kind, f"... more {finding.kind} not listed")
            return
        yield finding


def _sqlite_integrity(session: Session, quick: bool) -> Iterator[Finding]:
    pragma = "quick_check" if quick else "integrity_check"
    for (line,) in session.execute(text(f"PRAGMA {pragma}")):
        if line != "ok":
            yield Finding("error", "integrity", f"SQLite {pragma}: {line}")
    for table, rowid, parent, _ in session.execute(text("PRAGMA foreign_key_check")):
        yield Finding(
            "error", "foreign-key", f"{table} row {rowid} refers to a missing row of {parent}"
        )


def _orphans(
    session: Session, foreign_key: Any, parent: Any, *, child_name: str, parent_name: str
) -> Iterator[Finding]:
    """Rows whose `foreign_key` names a `parent` row that does not exist."""
    child = foreign_key.class_
    rows = session.execute(
        select(child.id, foreign_key)
        .outerjoin(parent, foreign_key == parent.id)
        .where(parent.id.is_(None))
        .order_by(child.id)
    )
    for row_id, parent_id in rows:
        yield Finding(
            "error",
            f"orphan-{child_name}",
            f"{child_name} {row_id} belongs to {parent_name} {parent_id}, which does not exist",
        )


def _orphan_segments(session: Session) -> Iterator[Finding]:
    return _orphans(
        session, Segment.document_id, Document, child_name="segment", parent_name="document"
    )


def _orphan_revisions(session: Session) -> Iterator[Finding]:
    return _orphans(
        session, Revision.segment_id, Segment, child_name="revision", parent_name="segment"
    )


def _segment_counts(session: Session) -> Iterator[Finding]:
    stored = func.count(Segment.id)
    rows = session.execute(
        select(Document.id, Document.source_name, Document.segment_count, stored)
        .outerjoin(Segment, Segment.document_id == Document.id)
        .group_by(Document.id, Document.source_name, Document.segment_count)
        .having(stored != Document.segment_count)
        .order_by(Document.id)
    )
    for document_id, name, expected, found in rows:
        yield Finding(
            "error",
            "segment-count",
            f"document {document_id} ({name}) should have {expected} segments but has {found}: "
            "it was not imported whole",
        )


def _latest_revisions(machine: bool) -> Any:
    """Per segment, the id of its latest MT revision (or latest non-MT one)."""
    origin = Revision.origin == Origin.MT.value if machine else Revision.origin != Origin.MT.value
    return (
        select(Revision.segment_id, func.max(Revision.id).label("revision_id"))
        .where(origin)
        .group_by(Revision.segment_id)
        .subquery()
    )


def _texts_against_history(session: Session, machine: bool) -> Iterator[Finding]:
    latest = _latest_revisions(machine)
    current = Segment.mt if machine else Segment.target
    rows = session.execute(
        select(Segment.id, Segment.version, Revision.version)
        .join(latest, latest.c.segment_id == Segment.id)
        .join(Revision, Revision.id == latest.c.revision_id)
        .where(current.is_distinct_from(Revision.text))
        .order_by(Segment.id)
    )
    what = "MT" if machine else "target"
    for segment_id, version, revision_version in rows:
        yield Finding(
            "error",
            "mt-mismatch" if machine else "target-mismatch",
            f"segment {segment_id} (version {version}): its {what} is not the text of its latest "
            f"{'MT ' if machine else ''}revision (version {revision_version})",
        )


def _targets_against_history(session: Session) -> Iterator[Finding]:
    """The current target must be the text of the latest revision that set it (not an MT one)."""
    return _texts_against_history(session, machine=False)


def _mt_against_history(session: Session) -> Iterator[Finding]:
    """The current MT must be the text of the latest MT revision."""
    return _texts_against_history(session, machine=True)


def _claim_spans(session: Session) -> Iterator[Finding]:
    """A claim's span must quote its words: always on the Arabic side, which never changes, and
    on the English side while the claim says its anchor is fine."""
    rows = session.execute(
        select(
            Claim.id, Claim.segment_id, Claim.side, Claim.start, Claim.end, Claim.quote,
            Claim.anchor_state, Segment.source, Segment.target,
        )
        .join(Segment, Claim.segment_id == Segment.id)
        .where(Claim.deleted_at.is_(None))
        .order_by(Claim.id)
    )  # fmt: skip
    for claim_id, segment_id, side, start, end, quote, anchor, source, target in rows:
        if side == ClaimSide.EN.value and anchor != AnchorState.OK.value:
            continue  # already flagged for a person to re-place
        text = (source if side == ClaimSide.AR.value else target) or ""
        if not 0 <= start < end <= len(text):
            problem = f"span {start}:{end} lies outside the text (0:{len(text)})"
        elif text[start:end] != quote:
            problem = f"span {start}:{end} no longer quotes «{quote}»"
        else:
            continue
        yield Finding(
            "error", "claim-span", f"claim {claim_id} on segment {segment_id} ({side}): {problem}"
        )


def _bidi_controls(session: Session) -> Iterator[Finding]:
    for column, label in ((Segment.source, "source"), (Segment.target, "target")):
        has_control = or_(*(column.contains(char, autoescape=True) for char in BIDI_CONTROLS))
        rows = session.execute(
            select(Segment.id, Segment.document_id, Segment.position, column)
            .where(has_control)
            .order_by(Segment.id)
        )
        for segment_id, document_id, position, found in rows:
            value: str = found or ""
            for offset in bidi_controls_in(value):
                char = value[offset]
                name = unicodedata.name(char, "BIDI CONTROL")
                yield Finding(
                    "warning",
                    "bidi-control",
                    f"segment {segment_id} (document {document_id}, sentence {position}) {label} "
                    f"offset {offset}: U+{ord(char):04X} {name}, which can reorder or hide text",
                )
