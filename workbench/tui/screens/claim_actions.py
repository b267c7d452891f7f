"""Claims on the main screen: tagging a selection, the claims panel, and what shows them.

The English side is selected in the target editor itself (shift+arrows or the mouse); the Arabic
side in a logical-order view of the source (SourceSelectScreen), never on the converted display.
Claimed spans of the open document are read once per document and kept until a claim or a
target changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.screen import Screen

from workbench.errors import WorkbenchError
from workbench.services.claim_fields import ClaimFields
from workbench.store.claim_labels import label
from workbench.store.claim_queries import ClaimView, SegmentSpans
from workbench.store.models import AnchorState
from workbench.store.queries import SegmentRow
from workbench.tui import claim_ops
from workbench.tui.claim_offsets import Span, selection_offsets
from workbench.tui.keymap import effective_keys
from workbench.tui.naming import by_position, segment_name
from workbench.tui.rows import RowFilter, SegmentRows
from workbench.tui.screens.claim_form import shelved_form
from workbench.tui.screens.claims_panel import ClaimsPanel
from workbench.tui.screens.source_select import SourceSelectScreen
from workbench.tui.widgets.segment_list import CLAIM_MARK
from workbench.tui.word_marks import MarkedSpan

if TYPE_CHECKING:
    from workbench.tui.app import WorkbenchApp
    from workbench.tui.session import OpenSegment
    from workbench.tui.widgets.detail import DetailPane, TargetEditor
    from workbench.tui.widgets.segment_list import SegmentList

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


class ClaimActions(Screen[None]):
    """A base of MainScreen, which provides what is declared here."""

    rows: SegmentRows | None
    document_id: int | None
    current: OpenSegment | None
    _claim_spans: dict[int, SegmentSpans] | None = None
    _claim_spans_of: int | None = None
    # Claims in full by segment id, for the spans dict they were read with (dropped with it).
    _claim_views: tuple[dict[int, SegmentSpans], dict[int, list[ClaimView]]] | None = None

    if TYPE_CHECKING:

        @property
        def workbench(self) -> WorkbenchApp: ...
        @property
        def editor(self) -> TargetEditor: ...
        @property
        def detail(self) -> DetailPane: ...
        @property
        def segment_list(self) -> SegmentList: ...
        def leave_current(self) -> bool: ...
        def show_current(self) -> None: ...
        def go_to_index(self, index: int, top: int | None = None) -> bool: ...
        def open_document(
            self,
            document_id: int,
            row_filter: RowFilter | None = None,
            position: int | None = None,
        ) -> bool: ...

    # --- what is shown -------------------------------------------------------------------------

    def claim_spans(self) -> dict[int, SegmentSpans]:
        """Claimed spans of the open document by segment id (one query per document)."""
        if self._claim_spans is None or self._claim_spans_of != self.document_id:
            spans = {}
            if self.document_id is not None:
                spans = claim_ops.spans_of(self.workbench.database, self.document_id)
            self._claim_spans, self._claim_spans_of = spans, self.document_id
            self.segment_list.set_claimed(frozenset(spans))
        return self._claim_spans

    def segment_claims_changed(self, segment_id: int) -> None:
        """One segment's claims moved (its target was saved): read only its spans again."""
        if self._claim_spans is None or self._claim_spans_of != self.document_id:
            return  # nothing held yet: the whole document is read when next needed
        spans = dict(self._claim_spans)  # a new dict: the claims read with the old one go
        found = claim_ops.spans_of_segment(self.workbench.database, segment_id)
        if found.ar or found.en:
            spans[segment_id] = found
        else:
            spans.pop(segment_id, None)
        if set(spans) != set(self._claim_spans):
            self.segment_list.set_claimed(frozenset(spans))
        self._claim_spans = spans

    def claims_changed(self) -> None:
        """A claim or a target changed: read the spans again and redraw what shows them."""
        self._claim_spans = None
        self.claim_spans()
        self.show_current()

    def segment_claims(self, segment_id: int) -> list[ClaimView]:
        """The segment's claims in full, read when it is first shown with the spans in force."""
        spans = self.claim_spans()
        if self._claim_views is None or self._claim_views[0] is not spans:
            self._claim_views = (spans, {})
        views = self._claim_views[1]
        if segment_id not in views:
            views[segment_id] = claim_ops.claims_of_segment(self.workbench.database, segment_id)
        return views[segment_id]

    def claims_shown(self, row: SegmentRow) -> ClaimsShown:
        """The row's claimed spans to mark in the source and in the target, and the notes."""
        spans = self.claim_spans().get(row.id)
        if spans is None:
            return ClaimsShown()
        lost = sorted({span.claim_id for span in spans.en if span.anchor_state == NEEDS_ATTENTION})
        found = [span for span in spans.en if span.anchor_state != NEEDS_ATTENTION]
        key = effective_keys(self.workbench.settings.keymap)["claims_panel"]
        notes = [claim_summary(claim) for claim in self.segment_claims(row.id)]
        notes += [
            f"⚠ Claim {claim_id} lost its English words in an edit: "
            f"tag them again or delete it ({key})"
            for claim_id in lost
        ]
        return ClaimsShown(
            source=tuple((span.start, span.end, "claim") for span in spans.ar),
            target=tuple((span.start, span.end, "claim") for span in found),
            notes=tuple(notes),
        )

    # --- tagging -------------------------------------------------------------------------------

    def action_tag_claim(self) -> None:
        """Tag the English selected in the target, or else select Arabic in the source."""
        current = self.current
        if current is None:
            return
        selection = self.editor.selection
        if self.focused is self.editor and selection.start != selection.end:
            self._tag_english(selection.start, selection.end)
            return
        row = current.row
        select = SourceSelectScreen(row.position, row.source, bidi=self.workbench.bidi_active)

        def chosen(span: tuple[int, int] | None) -> None:
            if span is not None and self.current is current:
                self.open_claim_form(row.id, row.position, "ar", row.source, span, other=row.target)

        self.app.push_screen(select, chosen)

    def _tag_english(self, start: tuple[int, int], end: tuple[int, int]) -> None:
        # The claim's offsets are those of the stored target: save what is typed first.
        if not self.leave_current() or self.current is None:
            return
        row = self.current.row
        stored = row.target or ""
        if self.editor.text != stored:
            self.notify("The target differs from the saved text; save it, then select again.")
            return
        span = selection_offsets(stored, start, end)
        self.open_claim_form(row.id, row.position, "en", stored, span, other=row.source)

    def open_claim_form(
        self,
        segment_id: int,
        position: int,
        side: str,
        text: str,
        span: tuple[int, int],
        *,
        other: str | None,
    ) -> None:
        """The form for a new claim on `text[span]`; `other` is the other side's stored text,
        where its aligned span may be chosen (None: no saved English target yet)."""
        document_id = self.document_id or 0

        def submit(fields: ClaimFields) -> str | None:
            try:
                claim = claim_ops.tag(
                    self.workbench.database,
                    self.workbench.settings,
                    segment_id,
                    side,
                    span=span,
                    fields=fields,
                )
            except WorkbenchError as error:
                return by_position(str(error), segment_id, position, document_id)
            where = segment_name(position, document_id)
            self.notify(f"Claim {claim.id} tagged in {where} ({side}).", markup=False)
            return None

        title = f"New claim · segment {position} · {'Arabic' if side == 'ar' else 'English'}"
        form = shelved_form(
            self.workbench.shelf,
            title,
            text[span[0] : span[1]],
            submit,
            bidi=self.workbench.bidi_active,
            side=side,
            position=position,
            other=other or None,
        )

        def closed(saved: bool | None) -> None:
            if saved:
                self.segment_claims_changed(segment_id)
                self.show_current()

        self.app.push_screen(form, closed)

    # --- the panel -----------------------------------------------------------------------------

    def action_claims_panel(self) -> None:
        if self.document_id is None or not self.leave_current():
            return
        title = f"Claims of document {self.document_id}"
        document_id = self.document_id
        panel = self.workbench.shelf.get(
            "claims panel", ClaimsPanel, lambda: ClaimsPanel(document_id, title)
        )
        panel.show_document(document_id, title)

        def closed(position: int | None) -> None:
            self.claims_changed()
            if position is not None:
                self.jump_to_position(position)

        self.app.push_screen(panel, closed)

    def jump_to_position(self, position: int) -> None:
        """Go to segment `position`; a filter that hides it is dropped."""
        index = self.rows.index_of_position(position) if self.rows is not None else None
        if index is not None:
            self.go_to_index(index)
        elif self.document_id is not None:
            self.open_document(self.document_id, RowFilter(), position)
        self.editor.focus()
