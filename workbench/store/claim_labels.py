"""Display forms of the claim enumerations' stored slugs ("not-factual" → "not factual").

Claims store stable slugs; the fact-checking vocabulary (ClaimBuster, CLEF CheckThat!, ClaimReview;
see docs/architecture.md, "The claims vocabulary") writes a few of them with spaces or slashes.
The exports, the CLI, the TUI and the field parser all show the same forms, so they live here,
beside the enumerations and below every room that shows them.
"""

from __future__ import annotations

from workbench.store.vocabulary import CheckWorthiness, ClaimStatus, ClaimType, Verdict

LABELS: dict[str, str] = {
    CheckWorthiness.NOT_FACTUAL: "not factual",
    ClaimType.QUOTE_ATTRIBUTION: "quote/attribution",
    ClaimType.LAW_POLICY: "law/policy",
    Verdict.NOT_ENOUGH_INFO: "not enough info",
    ClaimStatus.IN_REVIEW: "in review",
}


def label(value: str | None) -> str:
    """The display form of a stored slug ("not-factual" → "not factual")."""
    if value is None:
        return ""
    return LABELS.get(value, value)
