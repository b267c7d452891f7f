"""The claims of the open document as the main screen shows them: marks and notes.

Claimed spans of the open document are read once per document and kept until a claim or a
target changes; a segment's claims in full are read when it is first shown with those spans.
No Textual here: `ClaimActions` (claims/actions.py) owns the one `ClaimMarks`.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.store.claim_labels import label
from workbench.store.claim_queries import ClaimView, SegmentSpans
from workbench.store.database import Database
from workbench.store.models import AnchorState
from workbench.store.queries import SegmentRow
from workbench.tui.claims import ops as claim_ops
from workbench.tui.claims.offsets import Span
from workbench.tui.display.word_marks import MarkedSpan
from workbench.tui.editor.segment_list import CLAIM_MARK

NEEDS_ATTENTION = AnchorState.NEEDS_ATTENTION.value
QUOTE_CHARS = 40  # of a claim's words in its line under the source (they are marked in place)


@dataclass(frozen=True)
class ClaimsShown:
    source: tuple[MarkedSpan, ...] = ()  # spans of the Arabic, with their mark
    target: tuple[Span, ...] = ()  # spans of the saved English target
    notes: tuple[str, ...] = ()  # lines under the source


def claim_summary(claim: ClaimView) -> str:
    """One line under the source: which words, and what a fact-checker has said of them."""
    quote = claim.quote if len(claim.quote) <= QUOTE_CHARS else claim.quote[:QUOTE_CHARS] + "…"
    claimant = claim.claimant_name or ""
    if claimant and claim.claimant_role:
        claimant += f" ({claim.claimant_role})"
    verdict = f"verdict: {label(claim.verdict)}" if claim.verdict else "no verdict"
    parts = [
        label(claim.claim_type) or "no type",
        label(claim.check_worthiness),
        claimant,
        verdict,
        "MT distorted it" if claim.mt_distorted else "",
        claim.status,
    ]
    side = "AR" if claim.side == "ar" else "EN"
    return f"{CLAIM_MARK} {claim.id} {side} «{quote}» " + " · ".join(part for part in parts if part)


class ClaimMarks:
    def __init__(self, database: Database) -> None:
        self.database = database
        self._document_id: int | None = None  # the document the spans were read for
        self._spans: dict[int, SegmentSpans] | None = None  # by segment id
        # Claims in full by segment id, for the spans dict they were read with (dropped with it).
        self._views: tuple[dict[int, SegmentSpans], dict[int, list[ClaimView]]] | None = None

    def spans(self, document_id: int | None) -> dict[int, SegmentSpans]:
        """Claimed spans of the document by segment id (one query per document)."""
        if self._spans is None or self._document_id != document_id:
            spans = {}
            if document_id is not None:
                spans = claim_ops.spans_of(self.database, document_id)
            self._spans, self._document_id = spans, document_id
        return self._spans

    def claimed(self, document_id: int | None) -> frozenset[int]:
        """Ids of the document's segments that have claims."""
        return frozenset(self.spans(document_id))

    def forget(self) -> None:
        """Claims changed (here or in another process): read them again when next needed."""
        self._spans = None

    def segment_changed(self, segment_id: int) -> None:
        """One segment's claims moved (its target was saved): read only its spans again."""
        if self._spans is None:
            return  # nothing held yet: the whole document is read when next needed
        spans = dict(self._spans)  # a new dict: the claims read with the old one go
        found = claim_ops.spans_of_segment(self.database, segment_id)
        if found.ar or found.en:
            spans[segment_id] = found
        else:
            spans.pop(segment_id, None)
        self._spans = spans

    def segment_claims(self, document_id: int | None, segment_id: int) -> list[ClaimView]:
        """The segment's claims in full, read when it is first shown with the spans in force."""
        spans = self.spans(document_id)
        if self._views is None or self._views[0] is not spans:
            self._views = (spans, {})
        views = self._views[1]
        if segment_id not in views:
            views[segment_id] = claim_ops.claims_of_segment(self.database, segment_id)
        return views[segment_id]

    def shown(self, document_id: int | None, row: SegmentRow, panel_key: str) -> ClaimsShown:
        """The row's claimed spans to mark in the source and in the target, and the notes;
        `panel_key` is the key of the claims panel, named in the note of a lost claim."""
        spans = self.spans(document_id).get(row.id)
        if spans is None:
            return ClaimsShown()
        lost = sorted({span.claim_id for span in spans.en if span.anchor_state == NEEDS_ATTENTION})
        found = [span for span in spans.en if span.anchor_state != NEEDS_ATTENTION]
        notes = [claim_summary(claim) for claim in self.segment_claims(document_id, row.id)]
        notes += [
            f"⚠ Claim {claim_id} lost its English words in an edit: "
            f"tag them again or delete it ({panel_key})"
            for claim_id in lost
        ]
        return ClaimsShown(
            source=tuple((span.start, span.end, "claim") for span in spans.ar),
            target=tuple((span.start, span.end, "claim") for span in found),
            notes=tuple(notes),
        )
