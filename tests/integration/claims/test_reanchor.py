"""Editing an English target moves its claims with their words, or flags them; never silently."""

from __future__ import annotations

from typing import Any

from tests.conftest import Cli
from tests.integration.claims.conftest import add_claim, claims, segment_with

FIRST = "Over 70 Il-76 and An-12 transport aircraft are flying troops to Kazakhstan, RT said."


def _tagged(cli: Cli, quote: str, text: str = FIRST) -> tuple[dict[str, Any], int]:
    segment = segment_with(cli, "Il-76")
    assert cli("edit", str(segment["id"]), "--text", text).exit_code == 0
    start = text.index(quote)
    return segment, add_claim(cli, segment["id"], "en", start, start + len(quote))


def _claim(cli: Cli, claim_id: int) -> dict[str, Any]:
    return next(claim for claim in claims(cli) if claim["id"] == claim_id)


def _history(cli: Cli, claim_id: int) -> list[dict[str, Any]]:
    return cli.json_lines("claims", "history", str(claim_id), "--json")


def test_words_inserted_before_move_the_span(seeded_cli: Cli) -> None:
    segment, claim_id = _tagged(seeded_cli, "Il-76 and An-12")
    edited = "According to the ministry, " + FIRST

    result = seeded_cli("edit", str(segment["id"]), "--text", edited)

    assert result.exit_code == 0
    assert f"claim {claim_id}: span re-anchored to en" in result.stdout
    claim = _claim(seeded_cli, claim_id)
    assert edited[claim["start"] : claim["end"]] == claim["quote"] == "Il-76 and An-12"
    assert claim["start"] == edited.index("Il-76")
    assert claim["anchor_state"] == "reanchored"
    assert claim["version"] == 2
    last = _history(seeded_cli, claim_id)[-1]
    assert last["action"] == "reanchored"
    assert last["user"] == "alice"
    assert (last["snapshot"]["start"], last["snapshot"]["anchor_state"]) == (
        claim["start"],
        "reanchored",
    )


def test_edit_after_the_span_leaves_it_untouched(seeded_cli: Cli) -> None:
    segment, claim_id = _tagged(seeded_cli, "Il-76 and An-12")
    edited = FIRST.replace("RT said", "according to RT")

    seeded_cli("edit", str(segment["id"]), "--text", edited)

    claim = _claim(seeded_cli, claim_id)
    assert (claim["start"], claim["anchor_state"], claim["version"]) == (8, "ok", 1)
    assert len(_history(seeded_cli, claim_id)) == 1


def test_a_repeated_phrase_keeps_its_own_occurrence(seeded_cli: Cli) -> None:
    text = "RT said the planes landed; RT said they left."
    second = text.index("RT said", 1)
    segment = segment_with(seeded_cli, "Il-76")
    seeded_cli("edit", str(segment["id"]), "--text", text)
    claim_id = add_claim(seeded_cli, segment["id"], "en", second, second + len("RT said"))
    edited = "In a report published on Saturday evening, " + text
    # The first "RT said" now lies nearer the old offset than the second: only following the
    # edit (not the bare old offset) keeps the claim on its own occurrence.
    first_now = edited.index("RT said")
    assert abs(first_now - second) < abs(edited.index("RT said", first_now + 1) - second)

    seeded_cli("edit", str(segment["id"]), "--text", edited)

    claim = _claim(seeded_cli, claim_id)
    assert claim["start"] == edited.index("RT said", first_now + 1)
    assert edited[claim["start"] : claim["end"]] == "RT said"


def test_case_and_spacing_changes_are_matched_loosely(seeded_cli: Cli) -> None:
    segment, claim_id = _tagged(seeded_cli, "transport aircraft are flying")
    edited = "Over 70 Il-76 and An-12 Transport  aircraft are\nflying troops to Kazakhstan."

    seeded_cli("edit", str(segment["id"]), "--text", edited)

    claim = _claim(seeded_cli, claim_id)
    assert edited[claim["start"] : claim["end"]] == "Transport  aircraft are\nflying"
    assert claim["anchor_state"] == "reanchored"
    assert claim["quote"] == "transport aircraft are flying"  # what the person tagged


def test_a_vanished_quote_is_flagged_and_keeps_its_offsets(seeded_cli: Cli) -> None:
    segment, claim_id = _tagged(seeded_cli, "Il-76 and An-12")
    edited = "Over 70 Russian military transport planes are flying troops to Kazakhstan."

    result = seeded_cli("edit", str(segment["id"]), "--text", edited)

    assert f"claim {claim_id} needs attention" in result.stdout
    assert f"workbench claims edit {claim_id} --start N --end N" in result.stdout
    claim = _claim(seeded_cli, claim_id)
    assert (claim["start"], claim["end"]) == (8, 23)
    assert claim["anchor_state"] == "needs_attention"
    assert claim["span_text"] != claim["quote"]
    assert _history(seeded_cli, claim_id)[-1]["snapshot"]["anchor_state"] == "needs_attention"

    # A person points the span at the right words again: the flag goes.
    start = edited.index("military transport planes")
    fixed = seeded_cli(
        "claims", "edit", str(claim_id), "--start", str(start),
        "--end", str(start + len("military transport planes")), "--json",
    )  # fmt: skip
    assert fixed.exit_code == 0, fixed.output
    claim = _claim(seeded_cli, claim_id)
    assert claim["anchor_state"] == "ok"
    assert claim["quote"] == "military transport planes"


def test_no_other_occurrence_is_taken_for_a_vanished_one(seeded_cli: Cli) -> None:
    segment, claim_id = _tagged(seeded_cli, "An-12")
    seeded_cli("edit", str(segment["id"]), "--text", "Over 70 Il-76 aircraft flew.")

    claim = _claim(seeded_cli, claim_id)
    assert claim["anchor_state"] == "needs_attention"
    assert "An-12" not in claim["span_text"]


def test_arabic_claims_never_move_and_aligned_english_spans_follow(seeded_cli: Cli) -> None:
    segment = segment_with(seeded_cli, "Il-76")
    source = segment["source"]
    seeded_cli("edit", str(segment["id"]), "--text", FIRST)
    ar_quote = "“Il-76” و”An-12″"
    ar_start = source.index(ar_quote)
    en_start = FIRST.index("Il-76 and An-12")
    aligned = add_claim(
        seeded_cli, segment["id"], "ar", ar_start, ar_start + len(ar_quote),
        "--aligned-start", str(en_start), "--aligned-end", str(en_start + 15),
    )  # fmt: skip
    rt = source.index("“RT”")
    plain = add_claim(seeded_cli, segment["id"], "ar", rt, rt + 4)

    edits = [
        "Moscow says over 70 Il-76 and An-12 transport aircraft are flying troops in.",
        "Moscow says over 70 aircraft are flying troops in.",
        "",
    ]
    for text in edits:
        assert seeded_cli("edit", str(segment["id"]), "--text", text).exit_code == 0
        by_id = {claim["id"]: claim for claim in claims(seeded_cli)}
        for claim_id, quote in ((aligned, ar_quote), (plain, "“RT”")):
            claim = by_id[claim_id]
            assert source[claim["start"] : claim["end"]] == claim["quote"] == quote
    history = _history(seeded_cli, aligned)
    assert [entry["snapshot"]["anchor_state"] for entry in history] == [
        "ok",
        "reanchored",
        "needs_attention",
    ]
    assert history[1]["snapshot"]["aligned_start"] == edits[0].index("Il-76")
    assert len(_history(seeded_cli, plain)) == 1  # nothing on the English side to follow
