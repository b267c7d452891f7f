"""Many editors on one database: no save is lost, every refused save is reported to its writer.

The full 8 x 200 run with timings is `bench/concurrency.py`; here 8 processes make fewer edits
on three segments, so that most saves collide.
"""

from __future__ import annotations

import pytest

from tests.conftest import Cli
from tests.reliability.forked import run_commands_together
from tests.reliability.stress import audit, run_workers
from workbench.store import migrate
from workbench.store.database import open_database

WORKERS = 8
EDITS = 20
SEGMENTS = [3, 4, 5]


@pytest.mark.slow
def test_racing_editors_lose_nothing(any_seeded_cli: Cli, any_db_url: str) -> None:
    attempts = run_workers(any_db_url, WORKERS, EDITS, SEGMENTS)

    database = open_database(any_db_url)
    try:
        result = audit(database, attempts)
    finally:
        database.dispose()
    assert result.problems == []
    assert result.attempts == WORKERS * EDITS
    assert result.lost_updates == 0
    assert result.unreported == 0
    assert result.saved + result.refused == WORKERS * EDITS
    # The race was real: some saves collided and were refused, and some went through.
    assert result.refused > 0
    assert result.saved >= len(SEGMENTS)


def test_racing_cli_edits_one_wins_the_rest_exit_3(any_seeded_cli: Cli, any_db_url: str) -> None:
    racers = 3
    edit = ["edit", "7", "--expect-version", "0", "--text"]
    outcomes = run_commands_together(
        [["--db", any_db_url, "--user", f"racer{n}", *edit, f"racer {n}"] for n in range(racers)]
    )

    winners = [n for n, (code, _, _) in enumerate(outcomes) if code == 0]
    assert len(winners) == 1, outcomes
    for n, (code, _, stderr) in enumerate(outcomes):
        if n == winners[0]:
            continue
        assert code == 3, stderr
        assert "segment 7 is at version 1" in stderr
        assert f"racer{winners[0]}" in stderr
        assert "nothing was written" in stderr
    row = next(r for r in any_seeded_cli.json_lines("segments", "--json") if r["id"] == 7)
    assert row["target"] == f"racer {winners[0]}"
    assert row["version"] == 1


def test_many_open_a_new_database_at_once(any_db_url: str) -> None:
    """The first start of a team: everyone's workbench creates the schema at the same moment."""
    outcomes = [
        (code, stderr)
        for code, _, stderr in run_commands_together(
            [["--db", any_db_url, "--user", f"u{n}", "segments"] for n in range(4)]
        )
    ]
    assert [code for code, _ in outcomes] == [0] * 4, outcomes
    database = open_database(any_db_url)
    try:
        assert migrate.current_revision(database.engine) == migrate.head_revision()
    finally:
        database.dispose()
