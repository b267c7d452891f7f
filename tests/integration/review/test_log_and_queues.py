"""Edit log, diffs and queues at their edges; the reviews table in the schema."""

from __future__ import annotations

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from tests.integration.review.conftest import Desk
from workbench.review.history import segment_diff
from workbench.review.queues import editor_queue
from workbench.store import migrate


def test_unknown_segments_and_missing_texts(desk: Desk) -> None:
    assert desk.cli("history", "999999").exit_code == 4
    assert desk.cli("diff", "999999").exit_code == 4
    no_target = desk.cli("diff", "3")
    assert no_target.exit_code == 2
    assert "no English target yet" in no_target.stderr
    desk.edit(3, "amal", "Written without MT.")
    no_mt = desk.cli("diff", "3")
    assert no_mt.exit_code == 2
    assert "--from previous" in no_mt.stderr
    # The first text has nothing before it: everything is inserted.
    assert desk.cli("diff", "3", "--from", "previous").stdout == "{+Written without MT.+}\n"


def test_previous_is_the_text_replaced_not_a_later_mt(desk: Desk) -> None:
    desk.mt(3, "First machine text.")
    desk.edit(3, "amal", "Human text one.")
    desk.mt(3, "A re-run of the machine.")  # MT arriving between two human saves
    desk.edit(3, "amal", "Human text two.")
    with desk.database.read() as session:
        diff = segment_diff(session, 3, "previous")
    assert diff.base_text == "Human text one."
    history = desk.cli.json_lines("history", "3", "--json")
    assert [(e["origin"], e["version"]) for e in history] == [
        ("mt", 0),
        ("human", 1),
        ("mt", 1),  # MT never bumps the version
        ("human", 2),
    ]


def test_editor_queue_shows_the_latest_rejection(desk: Desk) -> None:
    desk.edit(3, "amal", "One.")
    desk.edit(4, "chadi", "Two.")
    for segment, comment in ((3, "too literal"), (4, "wrong name")):
        result = desk.cli("review", "reject", str(segment), "--comment", comment, user="badr")
        assert result.exit_code == 0, result.output
    desk.edit(3, "amal", "One, again.")
    again = desk.cli("review", "reject", "3", "--comment", "still too literal", user="lead")
    assert again.exit_code == 0, again.output
    with desk.database.read() as session:
        [amal] = editor_queue(session, "amal")
        [chadi] = editor_queue(session, "chadi")
    assert (amal.comment, amal.reviewer, amal.target) == (
        "still too literal",
        "lead",
        "One, again.",
    )
    assert (chadi.segment_id, chadi.comment) == (4, "wrong name")
    # Returned segments show up for the --user by default.
    listed = desk.cli("review", "returned", user="amal").stdout
    assert "lead: still too literal" in listed


def test_reviews_table_migrates_down_and_up(desk: Desk) -> None:
    engine = desk.database.engine
    assert "reviews" in inspect(engine).get_table_names()
    before = ScriptDirectory.from_config(migrate.alembic_config()).get_revision("0004")
    assert before is not None and isinstance(before.down_revision, str)
    with engine.begin() as connection:
        config = migrate.alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, before.down_revision)
    assert "reviews" not in inspect(engine).get_table_names()
    migrate.upgrade_to_head(engine)
    assert "reviews" in inspect(engine).get_table_names()
