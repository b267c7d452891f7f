"""Editing and deleting claims: versions, history, review rules."""

from __future__ import annotations

from typing import Any

from tests.conftest import Cli
from tests.integration.claims.conftest import add_claim, claims, make_reviewer, segment_with
from workbench.store.database import Database


def _rt_claim(cli: Cli) -> int:
    segment = segment_with(cli, "قناة “RT”")
    start = segment["source"].index("“RT”")
    return add_claim(cli, segment["id"], "ar", start, start + 4, "--claimant", "RT")


def _history(cli: Cli, claim_id: int) -> list[dict[str, Any]]:
    return cli.json_lines("claims", "history", str(claim_id), "--json")


def test_edit_changes_fields_and_records_who_and_what(seeded_cli: Cli) -> None:
    claim_id = _rt_claim(seeded_cli)

    result = seeded_cli(
        "claims", "edit", str(claim_id), "--verdict", "supports", "--claimant-kind",
        "organization", "--evidence", "https://example.org/a", "--evidence", "http://example.org/b",
        "--clear", "claimant", "--expect-version", "1", user="bob",
    )  # fmt: skip

    assert result.exit_code == 0, result.output
    assert f"claim {claim_id} saved: version 2" in result.stdout
    [claim] = claims(seeded_cli)
    assert claim["verdict"] == "supports"
    assert claim["claimant_name"] is None
    assert claim["evidence_links"] == ["https://example.org/a", "http://example.org/b"]
    assert (claim["updated_by"], claim["created_by"]) == ("bob", "alice")
    history = _history(seeded_cli, claim_id)
    assert [(entry["version"], entry["action"], entry["user"]) for entry in history] == [
        (1, "created", "alice"),
        (2, "updated", "bob"),
    ]
    assert history[0]["snapshot"]["claimant_name"] == "RT"
    assert history[1]["snapshot"]["verdict"] == "supports"


def test_an_edit_that_changes_nothing_writes_nothing(seeded_cli: Cli) -> None:
    claim_id = _rt_claim(seeded_cli)
    result = seeded_cli("claims", "edit", str(claim_id), "--claimant", "RT")
    assert result.exit_code == 0
    assert "version 1" in result.stdout
    assert len(_history(seeded_cli, claim_id)) == 1


def test_a_stale_edit_is_refused_and_writes_nothing(seeded_cli: Cli) -> None:
    claim_id = _rt_claim(seeded_cli)
    bob = seeded_cli("claims", "edit", str(claim_id), "--notes", "Bob's", "--expect-version", "1")
    assert bob.exit_code == 0

    stale = seeded_cli(
        "claims", "edit", str(claim_id), "--notes", "Alice's", "--expect-version", "1", user="carol"
    )

    assert stale.exit_code == 3
    assert f"claim {claim_id} is at version 2" in stale.stderr
    assert claims(seeded_cli)[0]["notes"] == "Bob's"
    assert len(_history(seeded_cli, claim_id)) == 2


def test_delete_hides_the_claim_and_keeps_its_history(seeded_cli: Cli) -> None:
    claim_id = _rt_claim(seeded_cli)
    stale = seeded_cli("claims", "delete", str(claim_id), "--expect-version", "7")
    assert stale.exit_code == 3

    result = seeded_cli("claims", "delete", str(claim_id), user="bob")

    assert result.exit_code == 0, result.output
    assert claims(seeded_cli) == []
    history = _history(seeded_cli, claim_id)
    assert [entry["action"] for entry in history] == ["created", "deleted"]
    assert history[-1]["user"] == "bob"
    again = seeded_cli("claims", "edit", str(claim_id), "--notes", "x")
    assert again.exit_code == 4
    assert f"claim {claim_id} was deleted" in again.stderr
    assert f"workbench claims history {claim_id}" in again.stderr


def test_unknown_claim_ids_are_refused(seeded_cli: Cli) -> None:
    for args in (("edit", "4242", "--notes", "x"), ("delete", "4242"), ("history", "4242")):
        result = seeded_cli("claims", *args)
        assert result.exit_code == 4
        assert "claim 4242 does not exist" in result.stderr
    for args, message in (
        (("claims", "list", "--doc", "77"), "document 77 does not exist"),
        (("claims", "list", "--segment", "4242"), "segment 4242 does not exist"),
        (("export", "claims", "x.jsonl", "--format", "jsonl", "--doc", "77"), "document 77 does"),
    ):
        result = seeded_cli(*args)
        assert result.exit_code == 4
        assert message in result.stderr


def test_only_someone_else_may_review_or_approve(seeded_cli: Cli, database: Database) -> None:
    claim_id = _rt_claim(seeded_cli)

    make_reviewer(database, "alice")
    make_reviewer(database, "rana")
    own = seeded_cli("claims", "edit", str(claim_id), "--status", "approved")
    assert own.exit_code == 6
    assert "someone else must review or approve it" in own.stderr

    approved = seeded_cli(
        "claims", "edit", str(claim_id), "--status", "approved", "--verdict", "refutes", user="rana"
    )
    assert approved.exit_code == 0, approved.output
    [claim] = claims(seeded_cli)
    assert (claim["status"], claim["status_by"]) == ("approved", "rana")
    assert claim["status_at"] is not None


def test_moving_a_span_rereads_its_quote_and_checks_it(seeded_cli: Cli) -> None:
    segment = segment_with(seeded_cli, "قناة “RT”")
    claim_id = _rt_claim(seeded_cli)
    start = segment["source"].index("قناة “RT”")

    moved = seeded_cli("claims", "edit", str(claim_id), "--start", str(start))
    assert moved.exit_code == 0, moved.output
    assert claims(seeded_cli)[0]["quote"] == "قناة “RT”"

    bad = seeded_cli("claims", "edit", str(claim_id), "--end", "100000")
    assert bad.exit_code == 2
    assert "outside the text" in bad.stderr
    side = seeded_cli("claims", "edit", str(claim_id), "--aligned-start", "0")
    assert side.exit_code == 2
    assert "give both ends of the aligned span" in side.stderr


def test_text_listings_for_people(seeded_cli: Cli) -> None:
    claim_id = _rt_claim(seeded_cli)
    seeded_cli("claims", "edit", str(claim_id), "--type", "quote/attribution", user="bob")

    listing = seeded_cli("claims", "list").stdout.splitlines()
    history = seeded_cli("claims", "history", str(claim_id)).stdout.splitlines()

    assert len(listing) == 1
    assert "quote/attribution" in listing[0]
    assert "«“RT”»" in listing[0]
    assert [line.split()[0] for line in history] == ["v1", "v2"]
    assert "bob" in history[1]
    assert "updated" in history[1]
