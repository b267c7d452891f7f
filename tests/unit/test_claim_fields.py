"""Validating claim field values typed by a person."""

from __future__ import annotations

import pytest

from workbench.errors import InputError
from workbench.services.claim_fields import clean_fields, parse_choice, parse_date
from workbench.store.claim_labels import label

WORTHINESS_LISTING = "check-worthy, unimportant, not-factual (not factual)"


@pytest.mark.parametrize(
    ("field", "typed", "stored"),
    [
        ("check_worthiness", "Not Factual", "not-factual"),
        ("check_worthiness", "check-worthy", "check-worthy"),
        ("claim_type", "law/policy", "law-policy"),
        ("claim_type", " QUOTE / ATTRIBUTION ", "quote-attribution"),
        ("verdict", "not_enough_info", "not-enough-info"),
        ("status", "Approved", "approved"),
        ("side", "AR", "ar"),
    ],
)
def test_display_and_slug_forms_map_to_the_slug(field: str, typed: str, stored: str) -> None:
    assert parse_choice(field, typed) == stored


def test_a_bad_value_names_the_field_and_every_allowed_value() -> None:
    with pytest.raises(InputError) as error:
        parse_choice("check_worthiness", "urgent")
    assert str(error.value) == (
        f"check-worthiness 'urgent' is not allowed; use one of: {WORTHINESS_LISTING}"
    )


def test_labels_are_the_display_forms() -> None:
    assert label("not-enough-info") == "not enough info"
    assert label("quote-attribution") == "quote/attribution"
    assert label("statistic") == "statistic"
    assert label(None) == ""


@pytest.mark.parametrize("value", ["2022", "2022-01", "2022-01-08"])
def test_dates_may_be_partial(value: str) -> None:
    assert parse_date(value) == value


@pytest.mark.parametrize("value", ["22", "2022-13", "2022-02-30", "٢٠٢٢", "2022/01/08", "x"])
def test_bad_dates_are_refused(value: str) -> None:
    with pytest.raises(InputError, match="YYYY, YYYY-MM or YYYY-MM-DD"):
        parse_date(value)


def test_clean_fields_strips_clears_and_deduplicates() -> None:
    cleaned = clean_fields(
        {
            "notes": "  ",
            "claimant_name": " RT ",
            "verdict": "",
            "evidence_links": ["https://a.example/x", " https://a.example/x ", "HTTP://b.example"],
            "mt_distorted": None,
        }
    )
    assert cleaned == {
        "notes": None,
        "claimant_name": "RT",
        "verdict": None,
        "evidence_links": ["https://a.example/x", "HTTP://b.example"],
        "mt_distorted": None,
    }
    with pytest.raises(InputError, match="claim status cannot be empty"):
        clean_fields({"status": " "})
