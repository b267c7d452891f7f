"""Exporting claims: JSON Lines, CSV and schema.org ClaimReview (JSON-LD).

Every format is written to a temporary file beside the destination and renamed onto it only when
complete, so a failed export never leaves half a file behind.

ClaimReview mapping (schema.org): claim text in English → claimReviewed (the quote when there is
none); claimant → itemReviewed.author (Person, or Organization when the claimant kind says so;
role → jobTitle); claim date → itemReviewed.datePublished; place → itemReviewed.contentLocation;
the document → itemReviewed.appearance (its source URL when known; its publication date is the
claim's date when the claim has none); verdict → reviewRating.alternateName with ratingValue on a
1–5 scale: refutes 1, not enough info 3, supports 5 (the false…true scale fact-checkers use);
"unverified" or no verdict carries no ratingValue, since nothing was rated. The review's author is
the organisation (`--organisation` or the claimreview_author setting), else the person who last
set the claim's status; its url is the claimreview_base_url setting plus the claim id, which
Google requires (https://developers.google.com/search/docs/appearance/structured-data/factcheck:
claimReviewed, reviewRating with alternateName, url).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any

from workbench.errors import InputError
from workbench.export.atomic import atomic_text
from workbench.export.claim_formats import FORMATS
from workbench.store.claim_labels import label
from workbench.store.claim_queries import ClaimView
from workbench.store.models import ClaimantKind, Verdict
from workbench.text.formula import neutralise

RATING_VALUES = {
    Verdict.REFUTES.value: 1,
    Verdict.NOT_ENOUGH_INFO.value: 3,
    Verdict.SUPPORTS.value: 5,
}
WORST_RATING, BEST_RATING = 1, 5
CSV_COLUMNS = (
    "id", "document_id", "document_title", "document_source", "segment_id", "position", "side",
    "start", "end", "quote", "span_text", "aligned_start", "aligned_end", "aligned_quote",
    "claim_text_en", "check_worthiness", "claim_type", "claimant_name", "claimant_role",
    "claimant_kind", "claim_date", "claim_place", "verdict", "evidence_links", "mt_distorted",
    "notes", "status", "status_by", "status_at", "anchor_state", "version", "created_by",
    "created_at", "updated_by", "updated_at", "source", "target",
)  # fmt: skip


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return " ".join(str(item) for item in value)
    return neutralise(str(value))


def write_jsonl(claims: Iterable[ClaimView], handle: IO[str]) -> int:
    count = 0
    for claim in claims:
        handle.write(json.dumps(claim.to_json(), ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(claims: Iterable[ClaimView], handle: IO[str]) -> int:
    writer = csv.writer(handle)  # the "excel" dialect: RFC 4180 quoting, CRLF line ends
    writer.writerow(CSV_COLUMNS)
    count = 0
    for claim in claims:
        data = claim.to_json()
        writer.writerow([_csv_cell(data[column]) for column in CSV_COLUMNS])
        count += 1
    return count


def _claimant(claim: ClaimView) -> dict[str, Any] | None:
    if not claim.claimant_name:
        return None
    kind = "Organization" if claim.claimant_kind == ClaimantKind.ORGANIZATION else "Person"
    author: dict[str, Any] = {"@type": kind, "name": claim.claimant_name}
    if claim.claimant_role:
        author["jobTitle" if kind == "Person" else "description"] = claim.claimant_role
    return author


def _appearance(claim: ClaimView) -> dict[str, Any]:
    work: dict[str, Any] = {
        "@type": "CreativeWork",
        "name": claim.document_title,
        "identifier": claim.document_source,
        "inLanguage": "ar",
        "text": claim.source,
    }
    if claim.document_url:
        work["url"] = claim.document_url
    if claim.document_published:
        work["datePublished"] = claim.document_published
    return work


def _item_reviewed(claim: ClaimView) -> dict[str, Any]:
    item: dict[str, Any] = {"@type": "Claim", "appearance": [_appearance(claim)]}
    author = _claimant(claim)
    if author is not None:
        item["author"] = author
    if claim.claim_date or claim.document_published:
        item["datePublished"] = claim.claim_date or claim.document_published
    if claim.claim_place:
        item["contentLocation"] = {"@type": "Place", "name": claim.claim_place}
    return item


def _rating(claim: ClaimView) -> dict[str, Any]:
    verdict = claim.verdict or Verdict.UNVERIFIED.value
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": label(verdict)}
    if verdict in RATING_VALUES:
        rating.update(
            ratingValue=RATING_VALUES[verdict], worstRating=WORST_RATING, bestRating=BEST_RATING
        )
    return rating


def review_url(base_url: str, claim_id: int) -> str:
    """The fact-check page of a claim: the desk's base URL and the claim id."""
    return f"{base_url.rstrip('/')}/{claim_id}"


def claim_review(
    claim: ClaimView, organisation: str | None = None, base_url: str | None = None
) -> dict[str, Any]:
    """One schema.org ClaimReview object for a claim."""
    reviewer = claim.status_by or claim.created_by or "unknown"
    author = (
        {"@type": "Organization", "name": organisation}
        if organisation
        else {"@type": "Person", "name": reviewer}
    )
    reviewed_at = claim.status_at or claim.updated_at
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "identifier": f"claim-{claim.id}",
        "claimReviewed": claim.claim_text_en or claim.quote,
        "itemReviewed": _item_reviewed(claim),
        "reviewRating": _rating(claim),
        "author": author,
        "datePublished": reviewed_at.date().isoformat(),
        "inLanguage": "en",
    }
    if base_url:
        review["url"] = review_url(base_url, claim.id)
    if claim.evidence_links:
        review["citation"] = list(claim.evidence_links)
    return review


def write_claimreview(
    claims: Iterable[ClaimView],
    handle: IO[str],
    organisation: str | None = None,
    base_url: str | None = None,
) -> int:
    reviews = [claim_review(claim, organisation, base_url) for claim in claims]
    json.dump(reviews, handle, ensure_ascii=False, indent=2)
    handle.write("\n")
    return len(reviews)


def export_claims(
    claims: Iterable[ClaimView],
    path: Path,
    file_format: str,
    organisation: str | None = None,
    protected: Iterable[Path] = (),
    *,
    base_url: str | None = None,
) -> int:
    """Write `claims` to `path` in `file_format` atomically; return how many were written.
    `protected`: the database's files, never to be replaced."""
    writers: dict[str, Callable[[Iterable[ClaimView], IO[str]], int]] = {
        "jsonl": write_jsonl,
        "csv": write_csv,
        "claimreview": lambda items, handle: write_claimreview(
            items, handle, organisation, base_url
        ),
    }
    if file_format not in writers:
        raise InputError(f"export format {file_format!r} is not one of: {', '.join(FORMATS)}")
    with atomic_text(path, protected=protected) as handle:
        return writers[file_format](claims, handle)
