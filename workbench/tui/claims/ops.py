"""What the screens ask of claims: writes through `services.claim_writes`, reads of the store.

No Textual here; errors (InputError, StaleClaimError, NotFoundError) go to the screen that asked.
"""

from __future__ import annotations

from typing import cast

from workbench.config import Settings
from workbench.services.claim_fields import ClaimChanges, ClaimFields
from workbench.services.claim_writes import add_claim, edit_claim, remove_claim
from workbench.store.claim_queries import (
    ClaimView,
    HistoryEntry,
    SegmentSpans,
    claim_history,
    document_claim_spans,
    get_claim,
    list_claims,
    segment_claim_spans,
)
from workbench.store.database import Database


def tag(
    database: Database,
    settings: Settings,
    segment_id: int,
    side: str,
    *,
    span: tuple[int, int],
    fields: ClaimFields,
) -> ClaimView:
    return add_claim(
        database,
        settings.user,
        segment_id,
        side,
        span,
        fields=fields,
        allow_self_approval=settings.allow_self_approval,
    )


def update(
    database: Database, settings: Settings, claim: ClaimView, fields: ClaimFields
) -> ClaimView:
    """Apply `changes` to the version of `claim` the person saw (StaleClaimError otherwise)."""
    return edit_claim(
        database,
        settings.user,
        claim.id,
        cast(ClaimChanges, fields),  # the same fields, no span change
        expect_version=claim.version,
        allow_self_approval=settings.allow_self_approval,
    )


def delete(database: Database, settings: Settings, claim: ClaimView) -> ClaimView:
    return remove_claim(database, settings.user, claim.id, expect_version=claim.version)


def claims_of(database: Database, document_id: int) -> list[ClaimView]:
    with database.read() as session:
        return list_claims(session, document_id=document_id)


def claims_of_segment(database: Database, segment_id: int) -> list[ClaimView]:
    with database.read() as session:
        return list_claims(session, segment_id=segment_id)


def claim(database: Database, claim_id: int) -> ClaimView:
    with database.read() as session:
        return get_claim(session, claim_id)


def history(database: Database, claim_id: int) -> list[HistoryEntry]:
    with database.read() as session:
        return claim_history(session, claim_id)


def spans_of(database: Database, document_id: int) -> dict[int, SegmentSpans]:
    with database.read() as session:
        return document_claim_spans(session, document_id)


def spans_of_segment(database: Database, segment_id: int) -> SegmentSpans:
    with database.read() as session:
        return segment_claim_spans(session, segment_id)
