"""The translation memory: finished segments feed it, fuzzy lookup reads it, exact matches fill."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import insert, select

from tests.conftest import Cli
from workbench.services.editing import save_target
from workbench.services.exact_matches import fill_exact_matches
from workbench.services.users import ensure_user
from workbench.store.database import Database, open_database
from workbench.store.models import Origin, Revision, Segment, TmEntry
from workbench.text.normalise import normalise_arabic, source_hash, target_hash
from workbench.tm.lookup import tm_index, tm_matches

# seeds/000, segment 3 once imported
POLLS = (
    "أغلقت مراكز الاقتراع في كازاخستان أبوابها مساء الأحد، وبدأ فرز الأصوات في الانتخابات "
    "التشريعية المبكرة في البلاد، التي قد تفضي إلى وصول أعضاء مستقلّين إلى البرلمان."
)
POLLS_EN = (
    "Polling stations in Kazakhstan closed on Sunday evening and counting began in the country's "
    "early parliamentary elections, which could bring independent members into parliament."
)


def segment_id_of(database: Database, source: str) -> int:
    with database.read() as session:
        return session.scalars(select(Segment.id).where(Segment.source == source)).first() or 0


def save(
    database: Database,
    segment_id: int,
    text: str,
    status: str | None,
    origin: Origin = Origin.HUMAN,
) -> None:
    with database.write() as session:
        author = ensure_user(session, "alice")
        save_target(session, segment_id, text, author, status=status, origin=origin)


def memory(database: Database) -> list[tuple[str, str, str | None, int | None]]:
    with database.read() as session:
        rows = session.execute(
            select(TmEntry.target, TmEntry.origin, TmEntry.status, TmEntry.segment_id).order_by(
                TmEntry.id
            )
        )
        return [tuple(row) for row in rows]  # type: ignore[misc]


def add_imported_pair(database: Database, source: str, target: str) -> None:
    """What `workbench import-tm` stores for a TMX/CSV pair (written by the exchange work)."""
    with database.write() as session:
        session.execute(
            insert(TmEntry).values(
                source=source,
                target=target,
                source_hash=source_hash(source),
                target_hash=target_hash(target),
                source_norm=normalise_arabic(source),
                origin="import",
                origin_name="desk.tmx",
                status="approved",
            )
        )


def test_a_translated_segment_enters_the_memory_and_follows_its_edits(
    seeded_cli: Cli, database: Database
) -> None:
    polls = segment_id_of(database, POLLS)
    save(database, polls, "Polls closed.", "draft")
    assert memory(database) == []  # drafts are not memory
    save(database, polls, POLLS_EN, "translated")
    assert memory(database) == [(POLLS_EN, "segment", "translated", polls)]
    save(database, polls, POLLS_EN.replace("Sunday", "Sunday,"), None)  # still translated
    assert memory(database) == [
        (POLLS_EN.replace("Sunday", "Sunday,"), "segment", "translated", polls)
    ]
    save(database, polls, "Back to work.", "draft")
    assert memory(database) == []


def test_fuzzy_matches_with_percentage_and_origin(seeded_cli: Cli, database: Database) -> None:
    polls = segment_id_of(database, POLLS)
    save(database, polls, POLLS_EN, "translated")
    add_imported_pair(database, "أغلقت مراكز الاقتراع أبوابها.", "Polling stations closed.")
    variant = POLLS.replace("الأحد", "السبت").replace("مستقلّين", "مستقلين")
    with database.read() as session:
        matches = tm_matches(session, variant)
        assert [(m.target, m.origin, m.origin_name) for m in matches] == [
            (POLLS_EN, "segment", "000_ae694c42faacd3da.txt")
        ]
        assert 90 <= matches[0].score < 100
        exact = tm_matches(session, POLLS)
        assert exact[0].score == 100
        assert tm_matches(session, POLLS, exclude_segment_id=polls) == []
        short = tm_matches(session, "أغلقت مراكز الاقتراع أبوابها مساء", min_score=60)
        assert [(m.target, m.origin) for m in short] == [("Polling stations closed.", "import")]
        assert tm_matches(session, "جملة لا علاقة لها بأي شيء آخر") == []


def test_the_index_is_rebuilt_when_another_process_changes_the_memory(
    seeded_cli: Cli, db_url: str
) -> None:
    editor = open_database(db_url)
    other = open_database(db_url)  # stands for a second workbench process
    with editor.read() as session:
        first = tm_index(session)
        assert tm_matches(session, POLLS) == []
        assert tm_index(session) is first
    save(other, segment_id_of(other, POLLS), POLLS_EN, "translated")
    with editor.read() as session:
        assert [m.target for m in tm_matches(session, POLLS)] == [POLLS_EN]
    save(other, segment_id_of(other, POLLS), "Undone.", "draft")
    with editor.read() as session:
        assert tm_matches(session, POLLS) == []
    editor.dispose()
    other.dispose()


def test_entries_deleted_or_replaced_behind_the_index_are_never_shown(
    seeded_cli: Cli, db_url: str
) -> None:
    editor = open_database(db_url)
    other = open_database(db_url)
    with other.read() as session:
        first, second, third = session.execute(
            select(Segment.id, Segment.source).where(Segment.document_id == 1).order_by(Segment.id)
        ).all()[2:5]
    save(other, first.id, "First.", "translated")
    save(other, second.id, "Second.", "translated")
    with editor.read() as session:
        assert [m.target for m in tm_matches(session, first.source)] == ["First."]
    # The older entry goes (the newest stays, so only the fetch can tell).
    save(other, first.id, "Not finished.", "draft")
    with editor.read() as session:
        assert tm_matches(session, first.source) == []
        # With no cut-off the rest of the memory still comes back in full.
        assert [m.target for m in tm_matches(session, first.source, min_score=0)] == ["Second."]
    # The newest entry goes and a new one takes its id (SQLite reuses the highest rowid).
    save(other, second.id, "Not finished.", "draft")
    save(other, third.id, "Third.", "translated")
    with editor.read() as session:
        assert [m.target for m in tm_matches(session, third.source)] == ["Third."]
        assert tm_matches(session, second.source) == []
    editor.dispose()
    other.dispose()


def test_exact_matches_fill_untouched_segments_only(seeded_cli: Cli, database: Database) -> None:
    # seeds/000 opens with the same paragraph twice: segments 1 and 2.
    with database.read() as session:
        first, repeat = session.execute(
            select(Segment.id, Segment.source).where(Segment.document_id == 1).order_by(Segment.id)
        ).all()[:2]
    assert first.source == repeat.source
    english = (
        "A report by Russia's Tsargrad says the Kazakh authorities plan to stop parallel imports."
    )
    save(database, first.id, english, "translated")

    assert fill_exact_matches(database, 1) == 1
    with database.read() as session:
        filled = session.get(Segment, repeat.id)
        assert filled is not None
        assert (filled.target, filled.status) == (english, "draft")
        revision = session.scalars(select(Revision).where(Revision.segment_id == repeat.id)).one()
        assert revision.origin == "tm"
    assert fill_exact_matches(database, 1) == 0  # already filled: nothing to do


def test_exact_matches_never_overwrite_a_human_edit_but_replace_mt(
    seeded_cli: Cli, database: Database
) -> None:
    with database.read() as session:
        first, repeat = session.scalars(
            select(Segment.id).where(Segment.document_id == 1).order_by(Segment.id)
        ).all()[:2]
    save(database, repeat, "My own draft.", "draft")
    save(database, first, "The approved text.", "translated")
    assert fill_exact_matches(database) == 0
    with database.read() as session:
        assert session.get(Segment, repeat).target == "My own draft."  # type: ignore[union-attr]

    save(database, repeat, "Machine output.", "draft", origin=Origin.MT)
    assert fill_exact_matches(database) == 1
    with database.read() as session:
        assert session.get(Segment, repeat).target == "The approved text."  # type: ignore[union-attr]


def test_import_fills_a_new_document_from_the_memory(
    seeded_cli: Cli, database: Database, tmp_path: Path
) -> None:
    save(database, segment_id_of(database, POLLS), POLLS_EN, "translated")
    copy = tmp_path / "follow-up.txt"
    copy.write_text(POLLS + "\n\nوقال المراقبون إن الاقتراع جرى بهدوء.\n", encoding="utf-8")
    result = seeded_cli("import", str(copy))
    assert result.exit_code == 0, result.output
    assert "filled  1 segment of document 6 from the memory" in result.stdout
    rows = seeded_cli.json_lines("segments", "--doc", "6", "--json")
    assert [(r["target"], r["status"]) for r in rows] == [(POLLS_EN, "draft"), (None, "new")]


@pytest.mark.parametrize("as_json", [False, True])
def test_tm_cli(seeded_cli: Cli, database: Database, as_json: bool) -> None:
    save(database, segment_id_of(database, POLLS), POLLS_EN, "translated")
    args = ["tm", "match", POLLS.replace("الأحد", "السبت")] + (["--json"] if as_json else [])
    result = seeded_cli(*args)
    assert result.exit_code == 0, result.output
    if as_json:
        (row,) = seeded_cli.json_lines(*args)
        assert (row["target"], row["origin"], row["status"]) == (POLLS_EN, "segment", "translated")
        assert 90 <= row["score"] < 100
    else:
        assert POLLS_EN in result.stdout
        assert "[segment: 000_ae694c42faacd3da.txt · translated]" in result.stdout  # with status
    none = seeded_cli("tm", "match", "جملة أخرى تماما")
    assert none.exit_code == 0
    assert "no match of 70% or more" in none.stderr


def test_tm_fill_cli(seeded_cli: Cli, database: Database) -> None:
    assert "0 segments filled" in seeded_cli("tm", "fill").stdout
    with database.read() as session:
        first = session.scalars(select(Segment.id).where(Segment.document_id == 1)).first()
    assert first is not None
    save(database, first, "A report says Kazakhstan will stop parallel imports.", "translated")
    result = seeded_cli("tm", "fill", "--doc", "1")
    assert result.exit_code == 0, result.output
    assert "1 segment filled from exact translation-memory matches" in result.stdout
