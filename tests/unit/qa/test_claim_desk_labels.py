"""Suggestions and "seen before" against the labelled seeds (tests/data/claims/).

The floors are the figures measured when the labels were written (bench/claims.py prints them),
less a margin: a change that makes either worse than a desk can use fails here.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.claim_labels import (
    LabelledClaim,
    checkable_sentences,
    labelled_claims,
    labelled_pairs,
    precision_recall,
    seed_sentences,
)
from workbench.qa.claim_similarity import SIMILAR_AT, closeness, similar_claims
from workbench.qa.claim_suggest import digit_baseline, reasons_for, suggest
from workbench.store.claim_queries import ClaimView

NOW = datetime(2026, 11, 26, tzinfo=UTC)
SENTENCES = seed_sentences()


def view(claim: LabelledClaim, claim_id: int | None = None) -> ClaimView:
    """A labelled claim as the store would give it (tagged on the Arabic side)."""
    source = SENTENCES[claim.seed][claim.number - 1]
    start = source.index(claim.quote)
    end = start + len(claim.quote)
    fields = dict.fromkeys(
        ("aligned_start", "aligned_end", "aligned_quote", "check_worthiness", "claim_type",
         "claimant_name", "claimant_role", "claimant_kind", "claim_date", "claim_place",
         "verdict", "mt_distorted", "notes", "status_by", "status_at", "created_by",
         "updated_by", "target"),
    )  # fmt: skip
    return ClaimView(
        id=claim_id if claim_id is not None else claim.index + 1,
        segment_id=claim.index + 1, document_id=int(claim.seed) + 1,
        document_title=claim.seed, document_source=f"{claim.seed}.txt", position=claim.number,
        side="ar", start=start, end=end, quote=claim.quote, span_text=claim.quote,
        claim_text_en=claim.claim_en, evidence_links=(), status="tagged", anchor_state="ok",
        version=1, created_at=NOW, updated_at=NOW, source=source, **fields,
    )  # fmt: skip


def test_every_labelled_quote_is_in_its_seed_sentence() -> None:
    for claim in labelled_claims():
        assert claim.quote in SENTENCES[claim.seed][claim.number - 1], claim


def test_seen_before_on_the_labelled_pairs() -> None:
    pairs = labelled_pairs()
    predicted = [closeness(view(a), view(b))[0] >= SIMILAR_AT for a, b, _ in pairs]
    precision, recall = precision_recall(predicted, [same for *_, same in pairs])
    assert precision >= 0.75
    assert recall >= 0.6


def test_the_same_statement_in_another_article_is_found_with_its_document() -> None:
    claims = {(c.seed, c.number, c.fact): c for c in labelled_claims()}
    earlier = view(claims[("002", 11, "stabilising")], 1)
    later = view(claims[("003", 3, "stabilising")], 2)
    unrelated = view(claims[("001", 8, "trade")], 3)
    [found] = similar_claims(later, [earlier, unrelated, later])
    assert found.claim.document_title == "002"
    assert similar_claims(earlier, [later]) == []  # only claims tagged before


def test_other_facts_about_the_same_people_are_not_matched() -> None:
    claims = {c.fact: c for c in labelled_claims()}
    for first, second in [("gratitude", "thanks-putin"),
                          ("trade", "trade-partner"), ("csto-troops", "withdrawal")]:  # fmt: skip
        assert closeness(view(claims[first], 1), view(claims[second], 2))[0] < SIMILAR_AT


def test_suggestions_beat_the_digit_baseline_on_recall() -> None:
    sentences = checkable_sentences()
    actual = [s.checkable for s in sentences]
    precision, recall = precision_recall([suggest(s.text).checkable for s in sentences], actual)
    base_precision, base_recall = precision_recall(
        [digit_baseline(s.text) for s in sentences], actual
    )
    assert recall >= 2 * base_recall
    assert precision >= 0.8
    assert precision >= base_precision


@pytest.mark.parametrize(
    ("seed", "number", "reasons"),
    [
        ("001", 8, ("quantity", "attribution", "comparison")),  # the trade figure
        ("004", 3, ("attribution", "quotation", "date")),  # "في 6 من كانون الثاني" is a date
        ("002", 11, ("attribution", "quotation")),  # the Kremlin's statement
        ("001", 22, ()),  # a source link
        ("002", 4, ()),  # "editor in chief"
    ],
)
def test_reasons_of_seed_sentences(seed: str, number: int, reasons: tuple[str, ...]) -> None:
    assert reasons_for(SENTENCES[seed][number - 1]) == reasons
