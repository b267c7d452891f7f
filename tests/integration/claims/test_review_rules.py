"""Who may decide on a claim: approving, rejecting, an approved claim's verdict, as for segments.

Every refusal is checked the same way: exit 6, the role named, and not one row changed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Cli
from tests.dbstate import table_dump
from tests.integration.claims.conftest import add_claim, claims, make_reviewer, segment_with
from workbench.store.database import Database

ROLE_NEEDED = "needs the reviewer or admin role"


@pytest.fixture
def rt_claim(seeded_cli: Cli, database: Database) -> int:
    """A claim alice (an editor) tagged; rana is a reviewer, nobody has never been seen."""
    segment = segment_with(seeded_cli, "قناة “RT”")
    start = segment["source"].index("“RT”")
    claim_id = add_claim(seeded_cli, segment["id"], "ar", start, start + 4, "--claimant", "RT")
    make_reviewer(database, "rana")
    return claim_id


def refused(cli: Cli, expected: str, *args: str, user: str | None = None) -> None:
    """`workbench ARGS` exits 6 with `expected` in its message and writes nothing at all."""
    before = table_dump(cli.db_url)
    result = cli(*args, user=user)
    assert result.exit_code == 6, result.output
    assert expected in result.stderr
    assert table_dump(cli.db_url) == before


def test_someone_unknown_can_neither_approve_nor_set_the_verdict(
    seeded_cli: Cli, rt_claim: int
) -> None:
    refused(
        seeded_cli,
        f"approving a claim {ROLE_NEEDED}; nobody is an editor",
        *("claims", "edit", str(rt_claim), "--status", "approved", "--verdict", "refutes"),
        user="nobody",
    )
    [claim] = claims(seeded_cli)
    assert (claim["status"], claim["verdict"], claim["version"]) == ("draft", None, 1)
    assert "nobody" not in seeded_cli("users", "list").stdout


def test_an_editor_cannot_tag_a_claim_as_rejected(seeded_cli: Cli, rt_claim: int) -> None:
    # "reviewed" (now "in review") is the checker's own step since schema 0007: no role needed.
    segment = segment_with(seeded_cli, "قناة “RT”")
    tag = ("claims", "add", str(segment["id"]), "--side", "ar", "--start", "0", "--end", "4")
    refused(seeded_cli, f"tagging a claim as rejected {ROLE_NEEDED}", *tag, "--status", "rejected")


def test_a_reviewer_other_than_the_tagger_approves(seeded_cli: Cli, rt_claim: int) -> None:
    approved = seeded_cli(
        "claims", "edit", str(rt_claim), "--status", "approved", "--verdict", "supports",
        user="rana",
    )  # fmt: skip
    assert approved.exit_code == 0, approved.output
    [claim] = claims(seeded_cli)
    assert (claim["status"], claim["status_by"], claim["verdict"]) == (
        "approved",
        "rana",
        "supports",
    )


def test_the_tagger_may_not_approve_even_as_a_reviewer(
    seeded_cli: Cli, database: Database, rt_claim: int
) -> None:
    make_reviewer(database, "alice")
    refused(
        seeded_cli,
        "alice tagged this claim, so someone else must review or approve it",
        "claims",
        "edit",
        str(rt_claim),
        "--status",
        "approved",
    )


def test_an_approved_claim_stays_as_the_reviewer_left_it(
    seeded_cli: Cli, database: Database, rt_claim: int
) -> None:
    approve = ("claims", "edit", str(rt_claim), "--status", "approved", "--verdict", "supports")
    assert seeded_cli(*approve, user="rana").exit_code == 0
    claim = str(rt_claim)

    refused(
        seeded_cli,
        f"changing the verdict of an approved claim {ROLE_NEEDED}",
        "claims",
        "edit",
        claim,
        "--verdict",
        "refutes",
        user="chadi",
    )
    refused(
        seeded_cli,
        f"reopening an approved claim (setting its status to tagged) {ROLE_NEEDED}",
        "claims",
        "edit",
        claim,
        "--status",
        "tagged",
        user="chadi",
    )
    refused(
        seeded_cli,
        f"deleting an approved claim {ROLE_NEEDED}",
        "claims",
        "delete",
        claim,
        user="chadi",
    )
    # The tagger too: a reviewer's decision on their claim is not theirs to undo.
    make_reviewer(database, "alice")
    refused(
        seeded_cli,
        "alice tagged this claim, so someone else must review or approve it",
        "claims",
        "edit",
        claim,
        "--status",
        "tagged",
    )

    # Notes are not a decision: anyone may add them.
    assert seeded_cli("claims", "edit", claim, "--notes", "seen", user="chadi").exit_code == 0
    # Another reviewer may send it back.
    make_reviewer(database, "badr")
    rejected = seeded_cli("claims", "edit", claim, "--status", "tagged", user="badr")
    assert rejected.exit_code == 0, rejected.output
    assert claims(seeded_cli)[0]["status"] == "tagged"


def test_allow_self_approval_lifts_only_the_tagger_rule(
    seeded_cli: Cli,
    database: Database,
    rt_claim: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    config = tmp_path / "self.toml"
    config.write_text("allow_self_approval = true\n", encoding="utf-8")
    monkeypatch.setenv("WORKBENCH_CONFIG", str(config))
    refused(
        seeded_cli,
        f"approving a claim {ROLE_NEEDED}; alice is an editor",
        "claims",
        "edit",
        str(rt_claim),
        "--status",
        "approved",
    )
    make_reviewer(database, "alice")
    own = seeded_cli(
        "claims", "edit", str(rt_claim), "--status", "approved", "--verdict", "supports"
    )
    assert own.exit_code == 0, own.output
