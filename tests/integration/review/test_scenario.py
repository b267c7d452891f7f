"""The whole review flow: MT, edit by A, reject by B with a comment, edit by A, approve by B.

History and statistics are checked against values worked out by hand.
"""

from __future__ import annotations

import json

import pytest

from tests.integration.review.conftest import Desk
from workbench.review.queues import editor_queue, review_queue

MT = "Voting stations closed at eight."
FIRST = "Polling stations closed at eight pm."
FINAL = "Polling stations closed at 8 pm."
SEGMENT = 3


def queue_ids(desk: Desk, *args: str) -> list[int]:
    return [row["segment_id"] for row in desk.cli.json_lines("review", "queue", "--json", *args)]


def run_scenario(desk: Desk) -> None:
    cli = desk.cli
    desk.mt(SEGMENT, MT)
    assert desk.edit(SEGMENT, "amal", FIRST, expect_version=0, seconds=12, keystrokes=30) == 1
    assert queue_ids(desk) == [SEGMENT]

    own = cli("review", "approve", str(SEGMENT), user="amal")
    assert own.exit_code == 6
    assert "needs the reviewer or admin role" in own.stderr

    rejected = cli(
        "review", "reject", str(SEGMENT), "--comment", "Use figures: 8 pm",
        "--expect-version", "1", user="badr",
    )  # fmt: skip
    assert rejected.exit_code == 0, rejected.output
    assert queue_ids(desk) == []
    with desk.database.read() as session:
        [returned] = editor_queue(session, "amal")
    assert (returned.segment_id, returned.comment, returned.reviewer) == (
        SEGMENT,
        "Use figures: 8 pm",
        "badr",
    )
    assert returned.version == 2  # the rejection bumped it

    assert desk.edit(SEGMENT, "amal", FINAL, expect_version=2, seconds=6, keystrokes=8) == 3
    assert queue_ids(desk, "--editor", "amal") == [SEGMENT]
    assert cli.json_lines("review", "returned", "--json", "--editor", "amal") == []

    approved = cli("review", "approve", str(SEGMENT), "--expect-version", "3", user="badr")
    assert approved.exit_code == 0, approved.output
    assert "segment 3 approved: version 4" in approved.stdout


def test_history_is_every_revision_and_review_in_order(desk: Desk) -> None:
    run_scenario(desk)
    entries = desk.cli.json_lines("history", str(SEGMENT), "--json")
    summary = [
        (e["kind"], e["version"], e["who"], e["status"], e.get("origin"), e.get("text"))
        for e in entries
    ]
    assert summary == [
        ("revision", 0, None, "new", "mt", MT),
        ("revision", 1, "amal", "translated", "human", FIRST),
        ("review", 2, "badr", "rejected", None, None),
        ("revision", 3, "amal", "translated", "human", FINAL),
        ("review", 4, "badr", "approved", None, None),
    ]
    revisions = [e for e in entries if e["kind"] == "revision"]
    assert [(e["seconds"], e["keystrokes"]) for e in revisions] == [(None, None), (12, 30), (6, 8)]
    assert entries[0]["mt_package"] == "translate-ar_en-toy"
    assert entries[2]["comment"] == "Use figures: 8 pm"
    # Each review names the revision it judged: the first and the second human text.
    assert [entries[2]["revision_id"], entries[4]["revision_id"]] == [
        entries[1]["id"],
        entries[3]["id"],
    ]
    times = [e["at"] for e in entries]
    assert times == sorted(times)
    text = desk.cli("history", str(SEGMENT))
    assert "badr         rejected: Use figures: 8 pm" in text.stdout
    assert "(12s, 30 keys)" in text.stdout
    row = next(r for r in desk.cli.json_lines("segments", "--json") if r["id"] == SEGMENT)
    assert (row["status"], row["version"], row["target"]) == ("approved", 4, FINAL)


def test_statistics_match_hand_computed_values(desk: Desk) -> None:
    run_scenario(desk)
    other_doc = desk.first_segment(2)
    # chadi: "president" → "President", 1 edit over 4 words = 25.0; 200 s over 4 words is
    # 50 s/word, outside 0.25–30: cut from the time figures.
    desk.mt(4, "The president visited Moscow.")
    desk.edit(4, "chadi", "The President visited Moscow.", seconds=200, keystrokes=2)
    # amal, document 2: "that." → "so.", 1 edit over 3 words; no time recorded; approved.
    desk.mt(other_doc, "He said that.")
    desk.edit(other_doc, "amal", "He said so.")
    assert desk.cli("review", "approve", str(other_doc), user="badr").exit_code == 0
    # Not counted: a draft (unfinished) and a human text without MT.
    desk.mt(5, "Draft machine text.")
    desk.edit(5, "chadi", "Half-done draft.", status="draft", seconds=5)
    desk.edit(6, "chadi", "Translated from scratch.", seconds=5)

    report = json.loads(desk.cli("stats", "--by", "editor", "--json").stdout)
    assert report["directions"]["hter"] == "↓ lower = less editing of the MT"
    overall = report["overall"]
    # (3 + 1 + 1) edits over (6 + 4 + 3) reference words.
    assert (overall["segments"], overall["edits"], overall["reference_words"]) == (3, 5, 13)
    assert overall["hter"] == pytest.approx(100 * 5 / 13)
    # Timed and kept: segment 3 only, (12 + 6) s over 6 words; one segment cut.
    assert (overall["timed_segments"], overall["outliers_cut"]) == (1, 1)
    assert overall["seconds_per_word"] == 3.0
    assert overall["keystrokes"] == 30 + 8 + 2
    assert (overall["reviews"], overall["approvals"], overall["rejections"]) == (3, 2, 1)

    amal, chadi = report["groups"]
    assert (amal["key"], amal["segments"], amal["edits"], amal["reference_words"]) == (
        "amal",
        2,
        4,
        9,
    )
    assert amal["hter"] == pytest.approx(100 * 4 / 9)
    assert (amal["approval_rate"], amal["rejection_rate"]) == pytest.approx((2 / 3, 1 / 3))
    assert amal["seconds_per_word"] == 3.0
    assert (chadi["key"], chadi["hter"], chadi["seconds_per_word"]) == ("chadi", 25.0, None)
    assert (chadi["outliers_cut"], chadi["reviews"], chadi["approval_rate"]) == (1, 0, None)

    by_doc = json.loads(desk.cli("stats", "--by", "document", "--json").stdout)["groups"]
    # Document 1: (3 + 1) / (6 + 4) = 40.0; document 2: 1 / 3.
    assert [(g["key"], g["hter"]) for g in by_doc] == [("1", 40.0), ("2", pytest.approx(100 / 3))]

    per_segment = json.loads(desk.cli("stats", "--by", "segment", "--json").stdout)["segments"]
    first = next(s for s in per_segment if s["segment_id"] == SEGMENT)
    assert (first["hter"], first["edits"], first["words"], first["seconds_per_word"]) == (
        50.0,
        3,
        6,
        3.0,
    )
    assert (first["keystrokes"], first["approvals"], first["rejections"]) == (38, 1, 1)

    table = desk.cli("stats", "--by", "editor")
    assert table.exit_code == 0
    assert "HTER ↓ lower = less editing" in table.stdout
    assert "1 cut" in table.stdout


def test_diffs_from_mt_and_from_the_previous_revision(desk: Desk) -> None:
    run_scenario(desk)
    from_mt = desk.cli("diff", str(SEGMENT))
    assert from_mt.stdout.strip() == "[-Voting-]{+Polling+} stations closed at [-eight-]{+8 pm+}."
    previous = desk.cli("diff", str(SEGMENT), "--from", "previous")
    assert previous.stdout.strip() == "Polling stations closed at [-eight-]{+8+} pm."


def test_diff_is_coloured_on_a_terminal(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    run_scenario(desk)
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)
    output = desk.cli("diff", str(SEGMENT), "--from", "previous").stdout
    assert "[-" not in output
    assert "\x1b[" in output  # styled: red struck-through deletions, green insertions
    assert "eight" in output and "8" in output


def test_queue_filters_by_editor_and_document(desk: Desk) -> None:
    other_doc = desk.first_segment(2)
    desk.edit(3, "amal", "One.")
    desk.edit(4, "chadi", "Two.")
    desk.edit(other_doc, "amal", "Three.")
    desk.edit(5, "amal", "Still a draft.", status="draft")
    assert queue_ids(desk) == [3, 4, other_doc]
    assert queue_ids(desk, "--editor", "amal") == [3, other_doc]
    assert queue_ids(desk, "--doc", "1") == [3, 4]
    assert queue_ids(desk, "--editor", "amal", "--doc", "2") == [other_doc]
    with desk.database.read() as session:
        [item] = review_queue(session, editor="chadi")
    assert (item.segment_id, item.target, item.editor, item.version) == (4, "Two.", "chadi", 1)
