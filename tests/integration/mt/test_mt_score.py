"""MT confidence stored with each machine translation, listed and sorted by it."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from tests.conftest import Cli
from workbench.mt.packages import InstalledModel
from workbench.review.queues import review_queue
from workbench.store.database import Database
from workbench.store.models import Origin, Revision, Segment


def test_scores_stored_listed_and_sorted(
    short_seed_cli: Cli, database: Database, argos_model: InstalledModel
) -> None:
    # One seed article (22 segments): each score is stored, listed and sorted alike however
    # many there are, and these are not all equally hard for the model either.
    seeded_cli = short_seed_cli
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


def test_identical_sentences_translated_once(
    few_seeds_cli: Cli, database: Database, argos_model: InstalledModel
) -> None:
    # seeds/000 (document 1, with the repeated paragraph) and one more article for the second
    # run, as the whole seeds gave it: the seeds repeat no sentence outside seeds/000.
    seeded_cli = few_seeds_cli
    with database.read() as session:
        hashes = dict(session.execute(select(Segment.id, Segment.source_hash)).all())
    repeats = len(hashes) - len(set(hashes.values()))
    assert repeats > 0  # seed 000 repeats a paragraph
    first = seeded_cli("translate", "--doc", "1")
    assert first.exit_code == 0, first.output
    rest = seeded_cli("translate")
    assert rest.exit_code == 0, rest.output
    reused = sum(
        int(line.split()[0])
        for result in (first, rest)
        for line in result.stdout.splitlines()
        if "reused the MT of an identical sentence" in line
    )
    assert reused == repeats
    rows = seeded_cli.json_lines("segments", "--json")
    by_hash: dict[str, set[tuple[str, float]]] = {}
    for row in rows:
        by_hash.setdefault(hashes[row["id"]], set()).add((row["mt"], row["mt_score"]))
    assert all(len(found) == 1 for found in by_hash.values())


def test_existing_mt_of_the_same_model_is_reused(
    tmp_path: Path, argos_model: InstalledModel
) -> None:
    """A second database-wide run after new copies arrive decodes nothing it already knows."""
    cli = Cli(f"sqlite:///{tmp_path / 'reuse.sqlite'}")
    one = tmp_path / "one.txt"
    one.write_text("أنا أحب القطط.\n\nهل تتكلم الإنجليزية؟\n", encoding="utf-8")
    two = tmp_path / "two.txt"
    two.write_text("هل تتكلم الإنجليزية؟\n\nأنا أحب القطط.\n", encoding="utf-8")
    assert cli("import", str(one)).exit_code == 0
    assert "2 segments translated" in cli("translate").stdout
    assert cli("import", str(two)).exit_code == 0
    again = cli("translate")
    assert "2 segments translated" in again.stdout, again.output
    assert "2 segments reused" in again.stdout
    assert "in 0 batches" in again.stdout  # nothing decoded
    rows = cli.json_lines("segments", "--json")
    assert {(r["source"], r["mt"], r["mt_score"]) for r in rows[:2]} == {
        (r["source"], r["mt"], r["mt_score"]) for r in rows[2:]
    }
