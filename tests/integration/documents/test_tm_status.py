"""Imported memories keep their status (issue 15, item 7): a pair its file calls rejected, new or
draft never outranks a finished one and never shows as a clean 100% in `tm match`.

The files are the workbench's own: a CSV exported with `--status any` from one database (where a
reviewer rejected a translation) and imported with `import-tm` into another, on both backends.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import insert

from tests.conftest import Cli
from workbench.store.database import Database
from workbench.store.models import TmEntry
from workbench.text.normalise import normalise_arabic, source_hash, target_hash
from workbench.tm.lookup import tm_matches

# Two sentences that differ by one word: the rejected pair is the exact one for SAID, the
# finished (approved) one only close.
SAID = "قال الرئيس إن الزيارة مهمة جدا للبلدين الجارين."
CLOSE = "قال الرئيس إن الزيارة مهمة جدا للبلدين الشقيقين."
WRONG = "The president said the visit was a mistake."  # what the reviewer rejected
RIGHT = "The president said the visit is very important for the two brotherly countries."


def _desk_with_a_rejection(cli: Cli, tmp_path: Path) -> Path:
    """One database: SAID translated and rejected by a reviewer, CLOSE translated and approved;
    its CSV exported with every status."""
    article = tmp_path / "article.txt"
    article.write_text(f"{SAID}\n{CLOSE}\n", encoding="utf-8")
    for args in (
        ("users", "add", "root", "--role", "admin"),
        ("import", str(article)),
    ):
        assert cli(*args, user="root").exit_code == 0
    assert cli("users", "add", "rana", "--role", "reviewer", user="root").exit_code == 0
    rows = cli.json_lines("segments", "--json")
    said, close = (next(r["id"] for r in rows if r["source"] == s) for s in (SAID, CLOSE))
    assert cli("edit", str(said), "--text", WRONG, "--status", "translated").exit_code == 0
    assert cli("edit", str(close), "--text", RIGHT, "--status", "translated").exit_code == 0
    reject = cli("review", "reject", str(said), "--comment", "wrong sense", user="rana")
    assert reject.exit_code == 0, reject.output
    approve = cli("review", "approve", str(close), user="rana")
    assert approve.exit_code == 0, approve.output
    exported = tmp_path / "desk.csv"
    result = cli("export", "csv", str(exported), "--status", "any")
    assert result.exit_code == 0, result.output
    return exported


def _statuses(path: Path) -> dict[str, str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["english"]: row["status"] for row in csv.DictReader(handle)}


@pytest.fixture
def other_desk(any_db_factory: Callable[[], str], tmp_path: Path) -> Cli:
    """A second, empty database that imported the first one's CSV."""
    first = Cli(any_db_factory())
    exported = _desk_with_a_rejection(first, tmp_path)
    assert _statuses(exported) == {WRONG: "rejected", RIGHT: "approved"}  # as pandas would read
    second = Cli(any_db_factory())
    result = second("import-tm", str(exported))
    assert result.exit_code == 0, result.output
    return second


def test_a_rejected_pair_never_outranks_a_finished_one(other_desk: Cli) -> None:
    matches = other_desk.json_lines("tm", "match", SAID, "--json", "--min-score", "50")
    assert [m["target"] for m in matches] == [RIGHT, WRONG]
    finished, rejected = matches
    assert finished["status"] == "approved" and finished["finished"] is True
    assert finished["score"] < 100  # one word differs
    assert rejected["status"] == "rejected" and rejected["finished"] is False
    assert rejected["similarity"] == 100  # the same sentence ...
    assert rejected["score"] == 99  # ... but never a clean 100%
    assert rejected["score"] > finished["score"]  # ranked below although it scores higher


def test_the_text_output_says_the_status(other_desk: Cli) -> None:
    result = other_desk("tm", "match", SAID, "--min-score", "50")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert not any(line.startswith("100%") for line in lines)
    assert "approved]" in lines[1]
    assert "REJECTED, not a finished translation" in lines[3]


def test_a_rejected_pair_alone_is_shown_but_not_as_100(other_desk: Cli) -> None:
    matches = other_desk.json_lines("tm", "match", SAID, "--json", "--limit", "1")
    # limit 1: the finished pair takes the one place, though less similar.
    assert [m["target"] for m in matches] == [RIGHT]


def test_a_rejected_pair_is_not_filled_into_a_new_document(other_desk: Cli, tmp_path: Path) -> None:
    article = tmp_path / "again.txt"
    article.write_text(f"{SAID}\n{CLOSE}\n", encoding="utf-8")
    assert other_desk("import", str(article)).exit_code == 0
    rows = {r["source"]: r for r in other_desk.json_lines("segments", "--json")}
    assert rows[CLOSE]["target"] == RIGHT  # exact finished pair: filled as a draft to confirm
    assert rows[SAID]["target"] is None  # the rejected English is not put into the segment


def test_many_unfinished_pairs_do_not_hide_a_finished_one(any_database: Database) -> None:
    """Forty drafts of the same sentence, more similar than the one finished pair: the lookup
    looks past them (and stops looking after MAX_LOOKAHEAD candidates)."""
    with any_database.write() as session:
        rows = [_entry(SAID, f"Draft number {number}.", "draft") for number in range(40)] + [
            _entry(CLOSE, RIGHT, "translated")
        ]
        session.execute(insert(TmEntry), rows)
    with any_database.read() as session:
        matches = tm_matches(session, SAID, 3, min_score=50)
    assert matches[0].target == RIGHT
    assert [m.status for m in matches] == ["translated", "draft", "draft"]
    assert all(m.score == 99 and m.similarity == 100 for m in matches[1:])


def _entry(source: str, target: str, status: str) -> dict[str, object]:
    return {
        "source": source,
        "target": target,
        "source_hash": source_hash(source),
        "target_hash": target_hash(target),
        "source_norm": normalise_arabic(source),
        "origin": "import",
        "origin_name": "drafts.csv",
        "status": status,
    }
