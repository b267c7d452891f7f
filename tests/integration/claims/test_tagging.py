"""`workbench claims add`: offsets on real seed sentences mixing Arabic, digits and Latin."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import Cli
from tests.integration.claims.conftest import add_claim, claims, segment_with


@pytest.mark.parametrize(
    ("needle", "quote"),
    [
        ("Il-76", "طائرة نقل عسكري روسية من طراز “Il-76” و”An-12″"),
        ("Il-76", "أكثر من 70 طائرة"),
        ("Il-76", "An-12"),
        ("قناة “RT”", "“RT”"),
        ("27 مليار", "بلغ 27 مليار دولار العام الماضي"),
        ("توجّه", "توجّه الناخبون"),  # shadda
        ("سُميت", "سُميت العاصمة باسمه"),  # damma
        ("ـ", "#الجمهوريةـالجديدة"),  # tatweel
        ("اللواء 810", "عبر مقاتلو اللواء 810 حدود الاتحاد الروسي"),
    ],
)
def test_arabic_span_quotes_exactly_the_stored_code_points(
    seeded_cli: Cli, needle: str, quote: str
) -> None:
    segment = segment_with(seeded_cli, needle)
    source = segment["source"]
    start = source.index(quote)
    claim_id = add_claim(seeded_cli, segment["id"], "ar", start, start + len(quote))

    [claim] = claims(seeded_cli, "--segment", str(segment["id"]))
    assert claim["id"] == claim_id
    assert (claim["start"], claim["end"]) == (start, start + len(quote))
    assert claim["quote"] == quote
    assert source[claim["start"] : claim["end"]] == claim["quote"]
    assert claim["span_text"] == quote


def test_arabic_indic_digits_tatweel_and_harakat(
    seeded_cli: Cli, indic_segment: dict[str, Any]
) -> None:
    source = indic_segment["source"]
    quote = "مستوى قيـاسيّ بلغ ٢٧ مليار دولار"
    start = source.index(quote)
    add_claim(
        seeded_cli, indic_segment["id"], "ar", start, start + len(quote), "--type", "statistic"
    )

    [claim] = claims(seeded_cli, "--segment", str(indic_segment["id"]))
    assert source[claim["start"] : claim["end"]] == claim["quote"] == quote
    assert claim["claim_type"] == "statistic"


def test_english_span_and_aligned_arabic_span(seeded_cli: Cli) -> None:
    segment = segment_with(seeded_cli, "27 مليار دولار")
    english = "Bilateral trade reached a record $27 billion last year, Tokayev said."
    assert seeded_cli("edit", str(segment["id"]), "--text", english).exit_code == 0
    quote_en = "a record $27 billion"
    quote_ar = "مستوى قياسي بلغ 27 مليار دولار"
    start, aligned = english.index(quote_en), segment["source"].index(quote_ar)

    add_claim(
        seeded_cli, segment["id"], "en", start, start + len(quote_en),
        "--aligned-start", str(aligned), "--aligned-end", str(aligned + len(quote_ar)),
        "--claim-text", "Russia–Kazakhstan trade reached $27 billion in 2022.",
        "--worthiness", "Check-worthy", "--type", "statistic",
        "--claimant", "Kassym-Jomart Tokayev",
        "--claimant-role", "President of Kazakhstan", "--date", "2023-11", "--place", "Astana",
        "--verdict", "not enough info", "--evidence", "https://www.thestar.com/news/world/europe/",
        "--mt-distorted", "--notes", "MT dropped 'record'.", "--status", "tagged",
    )  # fmt: skip

    [claim] = claims(seeded_cli, "--doc", str(segment["document"]))
    assert english[claim["start"] : claim["end"]] == claim["quote"] == quote_en
    assert segment["source"][claim["aligned_start"] : claim["aligned_end"]] == quote_ar
    assert claim["aligned_quote"] == quote_ar
    assert claim["check_worthiness"] == "check-worthy"
    assert claim["verdict"] == "not-enough-info"
    assert claim["claim_date"] == "2023-11"
    assert claim["evidence_links"] == ["https://www.thestar.com/news/world/europe/"]
    assert claim["mt_distorted"] is True
    assert claim["status"] == "tagged"
    assert claim["status_by"] == claim["created_by"] == "alice"
    assert claim["anchor_state"] == "ok"
    assert claim["version"] == 1


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (10, 10, "span 10:10 is empty"),
        (-1, 5, "span -1:5 is outside the text"),
        (5, 10_000, "span 5:10000 is outside the text"),
        (20, 12, "span 20:12 is outside the text"),
    ],
)
def test_bad_offsets_are_refused_with_the_valid_range(
    seeded_cli: Cli, start: int, end: int, message: str
) -> None:
    segment = segment_with(seeded_cli, "Il-76")
    result = seeded_cli(
        "claims",
        "add",
        str(segment["id"]),
        "--side",
        "ar",
        "--start",
        str(start),
        "--end",
        str(end),
    )
    assert result.exit_code == 2
    assert message in result.stderr
    assert f"0 <= start < end <= {len(segment['source'])}" in result.stderr
    assert f"Arabic source of segment {segment['id']}" in result.stderr
    assert claims(seeded_cli) == []


def test_a_span_may_not_split_a_letter_from_its_haraka(seeded_cli: Cli) -> None:
    segment = segment_with(seeded_cli, "توجّه")
    shadda = segment["source"].index("ّ")
    result = seeded_cli(
        "claims", "add", str(segment["id"]), "--side", "ar",
        "--start", "0", "--end", str(shadda),
    )  # fmt: skip
    assert result.exit_code == 2
    assert "U+0651" in result.stderr
    assert f"use 0:{shadda + 1}" in result.stderr
    assert claims(seeded_cli) == []


def test_unknown_segment_and_missing_target_are_refused(seeded_cli: Cli) -> None:
    missing = seeded_cli("claims", "add", "999999", "--side", "ar", "--start", "0", "--end", "1")
    assert missing.exit_code == 4
    assert "segment 999999 does not exist" in missing.stderr

    segment = segment_with(seeded_cli, "Il-76")
    no_target = seeded_cli(
        "claims", "add", str(segment["id"]), "--side", "en", "--start", "0", "--end", "3"
    )
    assert no_target.exit_code == 2
    assert "has no English target yet" in no_target.stderr
    assert claims(seeded_cli) == []


@pytest.mark.parametrize(
    ("option", "value", "listing"),
    [
        ("--worthiness", "maybe", "check-worthy, unimportant, not-factual (not factual)"),
        ("--type", "rumour", "quote-attribution (quote/attribution)"),
        ("--verdict", "true", "supports, refutes, not-enough-info (not enough info), unverified"),
        ("--status", "published", "draft, tagged, in-review (in review), approved, rejected"),
        ("--claimant-kind", "state", "person, organization"),
        ("--date", "8 January 2022", "YYYY, YYYY-MM or YYYY-MM-DD"),
        ("--date", "2022-02-30", "YYYY, YYYY-MM or YYYY-MM-DD"),
        ("--evidence", "ftp://example.org/x", "not an http(s) URL"),
        ("--evidence", "javascript:alert(1)", "not an http(s) URL"),
        ("--evidence", "https://exa mple.org", "not an http(s) URL"),
    ],
)
def test_bad_field_values_are_refused_listing_the_allowed_ones(
    seeded_cli: Cli, option: str, value: str, listing: str
) -> None:
    segment = segment_with(seeded_cli, "Il-76")
    result = seeded_cli(
        "claims", "add", str(segment["id"]), "--side", "ar", "--start", "0", "--end", "5",
        option, value,
    )  # fmt: skip
    assert result.exit_code == 2
    assert value in result.stderr
    assert listing in result.stderr
    assert claims(seeded_cli) == []


def test_display_and_slug_forms_are_both_accepted(seeded_cli: Cli) -> None:
    segment = segment_with(seeded_cli, "Il-76")
    first = add_claim(
        seeded_cli, segment["id"], "ar", 0, 5, "--type", "Quote/Attribution",
        "--worthiness", "not factual", "--verdict", "NOT_ENOUGH_INFO",
    )  # fmt: skip
    second = add_claim(
        seeded_cli, segment["id"], "ar", 6, 10, "--type", "quote-attribution",
        "--worthiness", "not-factual", "--verdict", "not-enough-info",
    )  # fmt: skip
    stored = {claim["id"]: claim for claim in claims(seeded_cli)}
    for claim_id in (first, second):
        assert stored[claim_id]["claim_type"] == "quote-attribution"
        assert stored[claim_id]["check_worthiness"] == "not-factual"
        assert stored[claim_id]["verdict"] == "not-enough-info"
