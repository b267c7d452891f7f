"""MT confidence stored with each machine translation, listed and sorted by it."""

from __future__ import annotations

from sqlalchemy import select

from tests.conftest import Cli
from workbench.mt.packages import InstalledModel
from workbench.review.queues import review_queue
from workbench.store.database import Database
from workbench.store.models import Origin, Revision, Segment


def test_scores_stored_listed_and_sorted(
    seeded_cli: Cli, database: Database, argos_model: InstalledModel
) -> None:
    assert seeded_cli("translate").exit_code == 0
    rows = seeded_cli.json_lines("segments", "--json")
    assert rows and all(0.0 < row["mt_score"] <= 1.0 for row in rows)
    with database.read() as session:
        revisions = dict(
            session.execute(
                select(Revision.segment_id, Revision.mt_score).where(
                    Revision.origin == Origin.MT.value
                )
            ).all()
        )
        stored = dict(session.execute(select(Segment.id, Segment.mt_score)).all())
    assert revisions == stored == {row["id"]: row["mt_score"] for row in rows}

    by_score = seeded_cli.json_lines("segments", "--json", "--sort", "mt-score")
    scores = [row["mt_score"] for row in by_score]
    assert scores == sorted(scores) and len(by_score) == len(rows)
    assert scores[0] < scores[-1]  # the seeds are not all equally hard for the model
    text = seeded_cli("segments", "--sort", "mt-score")
    assert text.exit_code == 0
    first = text.stdout.splitlines()[0].split()
    assert int(first[0]) == by_score[0]["id"] and float(first[4]) == round(scores[0], 2)


def test_unscored_last_and_review_queue_by_score(
    seeded_cli: Cli, database: Database, argos_model: InstalledModel
) -> None:
    assert seeded_cli("translate", "--limit", "5").exit_code == 0
    rows = seeded_cli.json_lines("segments", "--json", "--sort", "mt-score")
    assert [row["mt_score"] is None for row in rows] == [False] * 5 + [True] * (len(rows) - 5)
    scored = {row["id"]: row["mt_score"] for row in rows[:5]}
    for segment_id in scored:
        assert (
            seeded_cli(
                "edit", str(segment_id), "--text", "Edited.", "--status", "translated"
            ).exit_code
            == 0
        )
    with database.read() as session:
        queue = review_queue(session, order="mt-score")
        in_order = review_queue(session)
    assert sorted(item.segment_id for item in in_order) == sorted(scored)
    assert [item.segment_id for item in queue] == sorted(scored, key=lambda i: scored[i])
    listed = seeded_cli.json_lines("review", "queue", "--json", "--sort", "mt-score")
    assert [item["segment_id"] for item in listed] == [item.segment_id for item in queue]
    assert [item["mt_score"] for item in listed] == sorted(scored.values())
