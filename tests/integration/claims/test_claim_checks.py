"""Automatic claim checks in `claims list --json`: computed as the claim is read, so they follow
every change of the English and the MT. Real seed sentences, real database."""

from __future__ import annotations

from typing import Any

from sqlalchemy import text

from tests.conftest import Cli
from tests.integration.claims.conftest import add_claim, claims, segment_with
from workbench.store.database import create_engine_for

TRADE = "27 مليار دولار"
TRADE_EN = (
    "Tokayev noted that Russia is Kazakhstan's largest trading partner, with bilateral trade "
    "reaching a record {figure} last year."
)
NOT_PARTY = "كازاخستان ليست جزءا من الاتفاق"


def checks_of(cli: Cli, claim_id: int) -> list[dict[str, Any]]:
    [claim] = [c for c in claims(cli) if c["id"] == claim_id]
    return list(claim["checks"])


def edit(cli: Cli, segment_id: int, english: str) -> None:
    result = cli("edit", str(segment_id), "--text", english)
    assert result.exit_code == 0, result.output


def set_mt(cli: Cli, segment_id: int, mt: str) -> None:
    """Store an MT as `workbench translate` would (the test model's words vary by CPU)."""
    engine = create_engine_for(cli.db_url)
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE segments SET mt = :mt WHERE id = :id"), {"mt": mt, "id": segment_id}
        )
    engine.dispose()


def test_a_changed_figure_is_named_on_both_sides(seeded_cli: Cli) -> None:
    segment = segment_with(seeded_cli, TRADE)
    start = segment["source"].index(TRADE)
    claim_id = add_claim(seeded_cli, segment["id"], "ar", start, start + len(TRADE))
    assert checks_of(seeded_cli, claim_id) == []  # no English yet: nothing to compare

    edit(seeded_cli, segment["id"], TRADE_EN.format(figure="72 billion dollars"))
    [check] = checks_of(seeded_cli, claim_id)
    assert check["code"] == "number-mismatch"
    assert check["against"] == "english"
    assert "27,000,000,000 (27 مليار)" in check["message"]
    assert "the English has 72,000,000,000 (72 billion)" in check["message"]

    edit(seeded_cli, segment["id"], TRADE_EN.format(figure="$27bn"))
    assert checks_of(seeded_cli, claim_id) == []  # recomputed on the new English


def test_the_aligned_span_is_what_is_compared(seeded_cli: Cli) -> None:
    segment = segment_with(seeded_cli, TRADE)
    english = TRADE_EN.format(figure="27 million dollars") + " Trade rose 27 billion."
    edit(seeded_cli, segment["id"], english)
    start = segment["source"].index(TRADE)
    aligned = english.index("27 million dollars")
    claim_id = add_claim(
        seeded_cli, segment["id"], "ar", start, start + len(TRADE),
        "--aligned-start", str(aligned), "--aligned-end", str(aligned + 18),
    )  # fmt: skip
    [check] = checks_of(seeded_cli, claim_id)
    assert "the aligned English span has 27,000,000 (27 million)" in check["message"]


def test_the_mt_distorting_a_figure_is_said(seeded_cli: Cli) -> None:
    segment = segment_with(seeded_cli, TRADE)
    edit(seeded_cli, segment["id"], TRADE_EN.format(figure="27 billion dollars"))
    set_mt(seeded_cli, segment["id"], "Trade reached a record level of 2.7 billion dollars.")
    start = segment["source"].index(TRADE)
    claim_id = add_claim(seeded_cli, segment["id"], "ar", start, start + len(TRADE))
    [check] = checks_of(seeded_cli, claim_id)
    assert check["against"] == "mt"
    assert check["message"].startswith("MT distorted the claim?")
    assert "the MT has 2,700,000,000 (2.7 billion)" in check["message"]


def test_a_lost_negation_is_flagged_until_the_english_negates(seeded_cli: Cli) -> None:
    segment = segment_with(seeded_cli, NOT_PARTY)
    start = segment["source"].index(NOT_PARTY)
    claim_id = add_claim(seeded_cli, segment["id"], "ar", start, start + len(NOT_PARTY))
    edit(seeded_cli, segment["id"], "The court must arrest him; Kazakhstan is part of the treaty.")
    [check] = checks_of(seeded_cli, claim_id)
    assert check["code"] == "negation-lost"
    assert "ليست" in check["message"]
    edit(seeded_cli, segment["id"], "The court must arrest him; Kazakhstan is not a party to it.")
    assert checks_of(seeded_cli, claim_id) == []


def test_a_glossary_name_missing_from_the_english(seeded_cli: Cli) -> None:
    quote = "أشار توكاييف إلى أن روسيا تعد أكبر شريك تجاري لكازاخستان"
    segment = segment_with(seeded_cli, quote)
    start = segment["source"].index(quote)
    claim_id = add_claim(seeded_cli, segment["id"], "ar", start, start + len(quote))
    assert seeded_cli("glossary", "add", "توكاييف", "Tokayev").exit_code == 0
    edit(seeded_cli, segment["id"], "He noted that Russia is Kazakhstan's largest trade partner.")
    [check] = checks_of(seeded_cli, claim_id)
    assert check["code"] == "name-missing"
    assert "توكاييف is Tokayev in the glossary" in check["message"]
    edit(seeded_cli, segment["id"], "Tokayev noted that Russia is Kazakhstan's largest partner.")
    assert checks_of(seeded_cli, claim_id) == []


def test_checks_on_a_claim_tagged_on_the_english_side(seeded_cli: Cli) -> None:
    segment = segment_with(seeded_cli, TRADE)
    english = TRADE_EN.format(figure="72 billion dollars")
    edit(seeded_cli, segment["id"], english)
    start = english.index("72 billion dollars")
    ar = segment["source"].index(TRADE)
    plain = add_claim(seeded_cli, segment["id"], "en", start, start + 18)
    assert checks_of(seeded_cli, plain) == []  # no Arabic aligned: nothing to compare with
    aligned = add_claim(
        seeded_cli, segment["id"], "en", start, start + 18,
        "--aligned-start", str(ar), "--aligned-end", str(ar + len(TRADE)),
    )  # fmt: skip
    [check] = checks_of(seeded_cli, aligned)
    assert "the English span has 72,000,000,000 (72 billion)" in check["message"]
