"""The fact-checking desk on the CLI: approve and reject, assign, the board, on both backends.

Refusals are checked as the review rules' tests check them: the exit code, the role named in the
message, and not one row changed.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from alembic import command
from sqlalchemy import text

from tests.conftest import Cli, build_seeded_by_cli
from tests.dbstate import table_dump
from tests.integration.claims.conftest import add_claim, make_reviewer, segment_with
from workbench.store import migrate
from workbench.store.database import create_engine_for, open_database

ROLE_NEEDED = "needs the reviewer or admin role"
TRADE = "27 مليار دولار"


@pytest.fixture
def desk(any_cli: Cli, request: pytest.FixtureRequest) -> Cli:
    """The seeds on SQLite, then on PostgreSQL; rana is a reviewer, alice tags."""
    from tests.templates import release_open_databases, restore_template

    release_open_databases(request)
    restore_template(request, "seeded-cli", build_seeded_by_cli, any_cli.db_url)
    database = open_database(any_cli.db_url)
    make_reviewer(database, "rana")
    database.dispose()
    return any_cli


def trade_claim(cli: Cli, *extra: str) -> int:
    segment = segment_with(cli, TRADE)
    start = segment["source"].index(TRADE)
    return add_claim(cli, segment["id"], "ar", start, start + len(TRADE), *extra)


def refused(cli: Cli, code: int, expected: str, *args: str, user: str | None = None) -> None:
    before = table_dump(cli.db_url)
    result = cli(*args, user=user)
    assert result.exit_code == code, result.output
    assert expected in result.stderr
    assert table_dump(cli.db_url) == before


def one(cli: Cli, claim_id: int) -> dict[str, Any]:
    [claim] = [c for c in cli.json_lines("claims", "list", "--json") if c["id"] == claim_id]
    return claim


def test_a_reviewer_approves_with_a_verdict_kept_in_history(desk: Cli) -> None:
    claim_id = trade_claim(desk)
    refused(desk, 6, f"approving a claim {ROLE_NEEDED}", "claims", "approve", str(claim_id),
            "--verdict", "supports", user="bob")  # fmt: skip
    refused(desk, 2, "needs a verdict", "claims", "approve", str(claim_id), user="rana")
    refused(desk, 3, "version", "claims", "approve", str(claim_id), "--verdict", "supports",
            "--expect-version", "7", user="rana")  # fmt: skip
    result = desk(
        "claims", "approve", str(claim_id), "--verdict", "supports", "--expect-version", "1",
        "--comment", "matches the customs figures", user="rana",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    claim = one(desk, claim_id)
    assert (claim["status"], claim["verdict"], claim["status_by"]) == (
        "approved",
        "supports",
        "rana",
    )
    history = desk.json_lines("claims", "history", str(claim_id), "--json")
    assert [(h["action"], h["user"], h["comment"]) for h in history] == [
        ("created", "alice", None),
        ("approved", "rana", "matches the customs figures"),
    ]


def test_the_tagger_cannot_decide_even_as_a_reviewer(desk: Cli) -> None:
    claim_id = trade_claim(desk, "--verdict", "supports")
    make_reviewer(open_database(desk.db_url), "alice")
    refused(desk, 6, "alice tagged this claim, so someone else must review or approve it",
            "claims", "approve", str(claim_id))  # fmt: skip
    refused(desk, 6, "alice tagged this claim", "claims", "reject", str(claim_id),
            "--comment", "no")  # fmt: skip


def test_rejecting_needs_a_reason_and_keeps_it(desk: Cli) -> None:
    claim_id = trade_claim(desk, "--status", "in review")
    refused(desk, 2, "needs a reason", "claims", "reject", str(claim_id), "--comment", "  ",
            user="rana")  # fmt: skip
    refused(desk, 6, f"rejecting a claim {ROLE_NEEDED}", "claims", "reject", str(claim_id),
            "--comment", "wrong year", user="bob")  # fmt: skip
    result = desk("claims", "reject", str(claim_id), "--comment", "wrong year", user="rana")
    assert result.exit_code == 0, result.output
    assert one(desk, claim_id)["status"] == "rejected"
    history = desk("claims", "history", str(claim_id)).stdout
    assert "rejected" in history and "«wrong year»" in history
    # Taking a decision back is a reviewer's call too.
    refused(desk, 6, f"reopening a rejected claim (setting its status to tagged) {ROLE_NEEDED}",
            "claims", "edit", str(claim_id), "--status", "tagged")  # fmt: skip


def test_reviewed_is_still_accepted_and_means_in_review(desk: Cli) -> None:
    claim_id = trade_claim(desk, "--status", "reviewed")  # an editor may: it is the checker's step
    assert one(desk, claim_id)["status"] == "in-review"


def test_assigning_claims(desk: Cli) -> None:
    first = trade_claim(desk)
    second = trade_claim(desk, "--claim-text", "Trade reached a record 27 billion dollars")
    assert desk("claims", "assign", str(first), "alice").exit_code == 0  # taking one: anyone
    refused(desk, 6, f"assigning a claim to rana {ROLE_NEEDED}", "claims", "assign",
            str(second), "rana")  # fmt: skip
    refused(desk, 4, "user 'nobody-here' does not exist", "claims", "assign", str(second),
            "nobody-here", user="rana")  # fmt: skip
    assert desk("claims", "assign", str(second), "alice", user="rana").exit_code == 0
    assert one(desk, second)["assignee"] == "alice"
    history = desk.json_lines("claims", "history", str(second), "--json")
    assert history[-1]["action"] == "assigned"
    assert history[-1]["snapshot"]["assignee"] == "alice"
    mine = desk.json_lines("claims", "queue", "--assignee", "alice", "--json")
    assert {c["id"] for c in mine} == {first, second}
    assert desk("claims", "assign", str(first), "--nobody").exit_code == 0
    nobodys = desk.json_lines("claims", "queue", "--assignee", "", "--json")
    assert [c["id"] for c in nobodys] == [first]


def test_the_board_groups_by_state_and_filters(desk: Cli) -> None:
    drafted = trade_claim(desk, "--type", "statistic")
    waiting = trade_claim(desk, "--status", "in review", "--verdict", "refutes", "--type", "event")
    approved = trade_claim(desk, "--verdict", "supports", "--type", "statistic")
    assert desk("claims", "approve", str(approved), user="rana").exit_code == 0
    board = desk.json_lines("claims", "queue", "--json")
    assert [c["id"] for c in board] == [drafted, waiting, approved]
    assert all("checks" in c for c in board)
    by = {
        ("--status", "in review"): [waiting],
        ("--verdict", "supports"): [approved],
        ("--type", "statistic"): [drafted, approved],
        ("--type", "statistic", "--status", "draft"): [drafted],
    }
    for args, expected in by.items():
        assert [c["id"] for c in desk.json_lines("claims", "queue", "--json", *args)] == expected
    doc = str(segment_with(desk, TRADE)["document"])
    assert len(desk.json_lines("claims", "queue", "--json", "--doc", doc)) == 3
    text_board = desk("claims", "queue").stdout
    assert text_board.index(str(drafted)) < text_board.index(str(approved))
    refused(desk, 4, "document 999 does not exist", "claims", "queue", "--doc", "999")
    refused(desk, 2, "claim status 'done' is not allowed", "claims", "queue", "--status", "done")


def test_schema_0007_renames_reviewed_claims(any_db_url: str) -> None:
    """A claim stored as "reviewed" before 0007 reads as "in-review" after it."""
    engine = create_engine_for(any_db_url)
    config = migrate.alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0006")
    engine.dispose()
    cli = Cli(any_db_url)
    # Re-create the old state: a document and a claim the previous version marked "reviewed".
    engine = create_engine_for(any_db_url)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO documents (id, title, source_name, content_hash, segment_count, "
                "imported_at, source_format) VALUES (1, 't', 's', 'h', 1, CURRENT_TIMESTAMP, 'txt')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO segments (id, document_id, position, paragraph, source, "
                "source_hash, is_repeat, status, version) "
                "VALUES (1, 1, 1, 1, 'قال توكاييف', 'x', false, 'new', 0)"
            )
        )
        connection.execute(
            text(
                'INSERT INTO claims (id, segment_id, side, start, "end", quote, evidence_links, '
                "status, anchor_state, version, created_at, updated_at) VALUES (1, 1, 'ar', 0, 3, "
                "'قال', '[]', 'reviewed', 'ok', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
            )
        )
    engine.dispose()
    [claim] = cli.json_lines("claims", "list", "--json")  # opening upgrades to 0007
    assert claim["status"] == "in-review"
    assert json.loads(json.dumps(claim))["checks"] == []
