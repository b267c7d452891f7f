"""What the claims board and the claim badges ask of the store (no Textual here).

Reads only: the board (`store.claim_board`), each claim's automatic checks
(`qa.claim_checks`, computed as read) and the claims seen before (`qa.claim_similarity`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.glossary.loading import glossary_index
from workbench.qa.claim_checks import ClaimCheck, check_claim
from workbench.store.claim_board import BoardFilter, claim_board
from workbench.store.claim_labels import label
from workbench.store.claim_queries import ClaimView, list_claims
from workbench.store.database import Database
from workbench.store.vocabulary import ClaimStatus

if TYPE_CHECKING:
    # Imported when the board is read: rapidfuzz is not needed until then.
    from workbench.qa.claim_similarity import SimilarClaim

# Short badges for the check codes (the full message is on the detail line).
BADGES = {"number-mismatch": "≠#", "negation-lost": "¬", "name-missing": "?name"}
STATUS_CYCLE: tuple[str | None, ...] = (None, *(status.value for status in ClaimStatus))


@dataclass(frozen=True, slots=True)
class BoardRow:
    claim: ClaimView
    checks: tuple[ClaimCheck, ...]
    seen_before: tuple[SimilarClaim, ...]

    @property
    def badges(self) -> str:
        marks = [BADGES.get(check.code, check.code) for check in self.checks]
        if any(check.against == "mt" for check in self.checks):
            marks.append("MT")
        if self.seen_before:
            marks.append(f"seen×{len(self.seen_before)}")
        return " ".join(dict.fromkeys(marks))


def board_rows(database: Database, wanted: BoardFilter) -> list[BoardRow]:
    """The board's claims with their checks and the claims seen before them."""
    from workbench.qa.claim_similarity import similar_claims

    with database.read() as session:
        claims = claim_board(session, wanted)
        everyone = list_claims(session) if claims else []
        glossary = glossary_index(session)
    return [
        BoardRow(claim, tuple(check_claim(claim, glossary)), tuple(similar_claims(claim, everyone)))
        for claim in claims
    ]


def checks_by_claim(database: Database, claims: Iterable[ClaimView]) -> dict[int, str]:
    """Claim id → its badges, for the claims panel's Checks column."""
    with database.read() as session:
        glossary = glossary_index(session)
    return {
        claim.id: " ".join(dict.fromkeys(BADGES[c.code] for c in check_claim(claim, glossary)))
        for claim in claims
    }


def detail_lines(row: BoardRow) -> list[str]:
    """Under the selected claim: each check's message, then the claims seen before."""
    lines = [f"{check.code}: {check.message}" for check in row.checks]
    for found in row.seen_before[:3]:
        other = found.claim
        lines.append(
            f"seen before: claim {other.id} in doc {other.document_id} "
            f"«{other.document_title[:40]}», verdict {label(other.verdict) or 'none'} "
            f"({found.score:.0f}% by {found.by})"
        )
    return lines or ["no automatic finding; not seen before"]


def next_status(current: str | None) -> str | None:
    return STATUS_CYCLE[(STATUS_CYCLE.index(current) + 1) % len(STATUS_CYCLE)]


def board_filter(status: str | None, assignee: str | None) -> BoardFilter:
    statuses: Sequence[str] = (status,) if status else ()
    return BoardFilter(statuses=statuses, assignee=assignee)
