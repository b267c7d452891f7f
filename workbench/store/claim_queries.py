"""Read-side queries for claims, shared by the CLI, the TUI and the exporters.

Deleted claims are left out of every list; their history stays readable by id.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, joinedload

from workbench.errors import NotFoundError
from workbench.store.models import (
    AnchorState,
    Claim,
    ClaimHistory,
    ClaimSide,
    Document,
    Segment,
)
from workbench.store.queries import RowsQuery

ID_BATCH = 500  # ids per IN (...) list: far below every backend's parameter limit


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


@dataclass(frozen=True, slots=True)
class ClaimView:
    """A claim with everything needed to show or export it, detached from the session."""

    id: int
    segment_id: int
    document_id: int
    document_title: str
    document_source: str
    position: int  # the segment's position in its document (1-based)
    side: str
    start: int
    end: int
    quote: str
    span_text: str  # what the offsets cover in the current text ("" when out of range)
    aligned_start: int | None
    aligned_end: int | None
    aligned_quote: str | None
    claim_text_en: str | None
    check_worthiness: str | None
    claim_type: str | None
    claimant_name: str | None
    claimant_role: str | None
    claimant_kind: str | None
    claim_date: str | None
    claim_place: str | None
    verdict: str | None
    evidence_links: tuple[str, ...]
    mt_distorted: bool | None
    notes: str | None
    status: str
    status_by: str | None
    status_at: datetime | None
    anchor_state: str
    version: int
    created_by: str | None
    created_at: datetime
    updated_by: str | None
    updated_at: datetime
    source: str
    target: str | None
    assignee: str | None = None  # the checker working on it
    mt: str | None = None  # the segment's current machine translation, for the claim checks
    document_url: str | None = None  # where the article was published, when known
    document_published: str | None = None  # its publication date as imported

    @classmethod
    def from_claim(cls, claim: Claim) -> ClaimView:
        segment = claim.segment
        text = segment.source if claim.side == ClaimSide.AR else segment.target or ""
        return cls(
            id=claim.id,
            segment_id=claim.segment_id,
            document_id=segment.document_id,
            document_title=segment.document.title,
            document_source=segment.document.source_name,
            position=segment.position,
            side=claim.side,
            start=claim.start,
            end=claim.end,
            quote=claim.quote,
            span_text=text[claim.start : claim.end],
            aligned_start=claim.aligned_start,
            aligned_end=claim.aligned_end,
            aligned_quote=claim.aligned_quote,
            claim_text_en=claim.claim_text_en,
            check_worthiness=claim.check_worthiness,
            claim_type=claim.claim_type,
            claimant_name=claim.claimant_name,
            claimant_role=claim.claimant_role,
            claimant_kind=claim.claimant_kind,
            claim_date=claim.claim_date,
            claim_place=claim.claim_place,
            verdict=claim.verdict,
            evidence_links=tuple(claim.evidence_links or ()),
            mt_distorted=claim.mt_distorted,
            notes=claim.notes,
            status=claim.status,
            status_by=claim.status_by.name if claim.status_by else None,
            status_at=claim.status_at,
            anchor_state=claim.anchor_state,
            version=claim.version,
            created_by=claim.created_by.name if claim.created_by else None,
            created_at=claim.created_at,
            updated_by=claim.updated_by.name if claim.updated_by else None,
            updated_at=claim.updated_at,
            source=segment.source,
            target=segment.target,
            assignee=claim.assignee.name if claim.assignee else None,
            mt=segment.mt,
            document_url=segment.document.source_url,
            document_published=segment.document.published_at,
        )

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["evidence_links"] = list(self.evidence_links)
        for key in ("status_at", "created_at", "updated_at"):
            data[key] = _iso(data[key])
        return data


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    claim_id: int
    version: int
    action: str
    user: str | None
    at: datetime
    snapshot: dict[str, Any]
    comment: str | None = None  # a reviewer's reason, on approvals and rejections

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["at"] = _iso(self.at)
        return data


def claims_query() -> Select[Claim]:
    """Live claims with their segment, document and people, in document order."""
    return (
        select(Claim)
        .join(Claim.segment)
        .where(Claim.deleted_at.is_(None))
        .options(
            joinedload(Claim.segment).joinedload(Segment.document),
            joinedload(Claim.created_by),
            joinedload(Claim.updated_by),
            joinedload(Claim.status_by),
            joinedload(Claim.assignee),
        )
        .order_by(Segment.document_id, Segment.position, Claim.side, Claim.start, Claim.id)
    )


def _check_exists(session: Session, document_id: int | None, segment_id: int | None) -> None:
    if document_id is not None and session.get(Document, document_id) is None:
        raise NotFoundError(
            f"document {document_id} does not exist; `workbench segments --json` shows the ids"
        )
    if segment_id is not None and session.get(Segment, segment_id) is None:
        raise NotFoundError(
            f"segment {segment_id} does not exist; list ids with `workbench segments`"
        )


def list_claims(
    session: Session,
    document_id: int | None = None,
    segment_id: int | None = None,
    statuses: Iterable[str] = (),
) -> list[ClaimView]:
    """Live claims in document order (then side, then offset); an unknown id is refused."""
    _check_exists(session, document_id, segment_id)
    query = claims_query()
    if document_id is not None:
        query = query.where(Segment.document_id == document_id)
    if segment_id is not None:
        query = query.where(Claim.segment_id == segment_id)
    wanted = list(statuses)
    if wanted:
        query = query.where(Claim.status.in_(wanted))
    return [ClaimView.from_claim(claim) for claim in session.scalars(query).unique()]


def get_claim(session: Session, claim_id: int) -> ClaimView:
    claim = session.scalars(claims_query().where(Claim.id == claim_id)).unique().one_or_none()
    if claim is None:
        raise NotFoundError(missing_claim_message(session, claim_id))
    return ClaimView.from_claim(claim)


def missing_claim_message(session: Session, claim_id: int) -> str:
    deleted = session.scalar(select(Claim.deleted_at).where(Claim.id == claim_id))
    if deleted is not None:
        return (
            f"claim {claim_id} was deleted on {deleted:%Y-%m-%d %H:%M}; "
            f"`workbench claims history {claim_id}` shows what it was"
        )
    return f"claim {claim_id} does not exist; list ids with `workbench claims list`"


def claim_history(session: Session, claim_id: int) -> list[HistoryEntry]:
    """Every change to a claim, oldest first, deleted claims included."""
    rows = session.scalars(
        select(ClaimHistory)
        .where(ClaimHistory.claim_id == claim_id)
        .options(joinedload(ClaimHistory.user))
        .order_by(ClaimHistory.version)
    ).all()
    if not rows:
        raise NotFoundError(missing_claim_message(session, claim_id))
    return [
        HistoryEntry(
            row.claim_id,
            row.version,
            row.action,
            row.user.name if row.user else None,
            row.at,
            dict(row.snapshot),
            row.comment,
        )
        for row in rows
    ]


@dataclass(frozen=True, slots=True)
class ClaimSpan:
    """A highlighted stretch of one side of a segment, clamped to the current text."""

    claim_id: int
    start: int
    end: int
    aligned: bool  # True: the aligned span of a claim tagged on the other side
    anchor_state: str  # "ok" | "reanchored" | "needs_attention"
    status: str


@dataclass(frozen=True, slots=True)
class SegmentSpans:
    ar: tuple[ClaimSpan, ...] = ()
    en: tuple[ClaimSpan, ...] = ()


def _spans_of(rows: Iterable[Any]) -> dict[int, SegmentSpans]:
    sides: dict[int, dict[str, list[ClaimSpan]]] = {}
    for row in rows:
        lengths = {ClaimSide.AR.value: len(row.source), ClaimSide.EN.value: len(row.target or "")}
        other = ClaimSide.EN.value if row.side == ClaimSide.AR else ClaimSide.AR.value
        spans = [(row.side, row.start, row.end, False)]
        if row.aligned_start is not None and row.aligned_end is not None:
            spans.append((other, row.aligned_start, row.aligned_end, True))
        for side, span_start, span_end, aligned in spans:
            # Only the English side can drift; Arabic spans are always where they were tagged.
            state = row.anchor_state if side == ClaimSide.EN else AnchorState.OK.value
            start, end = min(span_start, lengths[side]), min(span_end, lengths[side])
            if start < end:
                span = ClaimSpan(row.id, start, end, aligned, state, row.status)
                sides.setdefault(row.segment_id, {}).setdefault(side, []).append(span)
    return {
        segment_id: SegmentSpans(
            ar=tuple(sorted(by_side.get("ar", []), key=lambda s: (s.start, s.end))),
            en=tuple(sorted(by_side.get("en", []), key=lambda s: (s.start, s.end))),
        )
        for segment_id, by_side in sides.items()
    }


def _span_rows_query() -> RowsQuery:
    return (
        select(
            Claim.id, Claim.segment_id, Claim.side, Claim.start, Claim.end, Claim.aligned_start,
            Claim.aligned_end, Claim.anchor_state, Claim.status, Segment.source, Segment.target,
        )
        .join(Claim.segment)
        .where(Claim.deleted_at.is_(None))
    )  # fmt: skip


def segment_claim_spans(session: Session, segment_id: int) -> SegmentSpans:
    """The claimed spans of one segment on both sides, sorted by offset, for highlighting."""
    rows = session.execute(_span_rows_query().where(Claim.segment_id == segment_id))
    return _spans_of(rows).get(segment_id, SegmentSpans())


def document_claim_spans(session: Session, document_id: int) -> dict[int, SegmentSpans]:
    """Segment id → its claimed spans, for every segment of a document that has claims."""
    rows = session.execute(_span_rows_query().where(Segment.document_id == document_id))
    return _spans_of(rows)


def _batches(ids: Iterable[int]) -> Iterator[list[int]]:
    batch: list[int] = []
    for segment_id in ids:
        batch.append(segment_id)
        if len(batch) == ID_BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def claims_in_document_order(
    session: Session, document_id: int | None, chunk: int
) -> Iterator[ClaimView]:
    """Live claims of one document (or all), streamed in the exporters' segment order.

    One query for a whole export, merged with the segment rows: a query per chunk of segments
    with an `IN (...)` list of their ids cost as much as reading the segments themselves.
    """
    query = claims_query().execution_options(yield_per=chunk)
    if document_id is not None:
        query = query.where(Segment.document_id == document_id)
    for claim in session.scalars(query):
        yield ClaimView.from_claim(claim)


def claims_of_segments(session: Session, segment_ids: Iterable[int]) -> Iterator[ClaimView]:
    """Live claims of the given segments, batch by batch (for the exporters' notes)."""
    for batch in _batches(segment_ids):
        query = claims_query().where(Claim.segment_id.in_(batch))
        for claim in session.scalars(query).unique():
            yield ClaimView.from_claim(claim)
