"""`workbench import-tm`: round trips, targets for empty segments only, refusal of bad files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.conftest import SEEDS_DIR, Cli, build_migrated
from tests.integration.exchange.conftest import Desk, edit
from tests.templates import restore_template
from workbench.export.xmltext import drop_forbidden
from workbench.store.database import Database, open_database
from workbench.store.models import Revision, Segment, TmEntry
from workbench.text.normalise import normalise_arabic, source_hash, target_hash

EXPORTED = (3, 4, 5, 6, 8)  # segments of the seeds with a target, any status


def fresh(
    request: pytest.FixtureRequest, tmp_path: Path, name: str, *, seeded: bool
) -> tuple[Cli, Database]:
    """A new database (a copy of the migrated template), with the seeds imported by omar."""
    url = f"sqlite:///{tmp_path / name}"
    cli = Cli(url, user="omar")
    if seeded:
        restore_template(request, "seeded-by-omar", build_seeded_by_omar, url)
    else:
        restore_template(request, "migrated", build_migrated, url)
    return cli, open_database(url)


def build_seeded_by_omar(url: str) -> None:
    """The seeds imported by `workbench import` as omar (the template of `fresh(seeded=True)`)."""
    assert Cli(url, user="omar")("import", str(SEEDS_DIR)).exit_code == 0


def tm_entries(database: Database) -> set[tuple[str, str, str | None]]:
    with database.read() as session:
        rows = session.execute(select(TmEntry.source, TmEntry.target, TmEntry.status)).all()
    return {(source, target, status) for source, target, status in rows}


def exported_pairs(desk: Desk, ids: list[int], clean: bool) -> set[tuple[str, str, str | None]]:
    pairs = set()
    for segment_id in ids:
        segment = desk.segment(segment_id)
        assert segment.target is not None
        source, target = segment.source, segment.target
        if clean:
            source, target = drop_forbidden(source), drop_forbidden(target)
        pairs.add((source, target, segment.status))
    return pairs


def dump(path: Path) -> list[str]:
    with sqlite3.connect(path) as connection:
        return list(connection.iterdump())


@pytest.mark.parametrize("kind", ["tmx", "csv"])
def test_round_trip_gives_the_same_pairs_and_statuses(
    desk: Desk, tmp_path: Path, kind: str, request: pytest.FixtureRequest
) -> None:
    out = tmp_path / f"out.{kind}"
    # CSV keeps every character, and the tricky document holds control characters, which are
    # refused on the way in (see the next test): the CSV round trip is of the seeds' document.
    only = ["--doc", "1"] if kind == "csv" else []
    assert desk.cli("export", kind, str(out), "--status", "any", *only).exit_code == 0
    cli, database = fresh(request, tmp_path, "fresh.sqlite", seeded=False)

    result = cli("import-tm", str(out))

    assert result.exit_code == 0, result.output
    ids = [*EXPORTED, *(desk.tricky if kind == "tmx" else [])]
    # TMX cannot carry what XML 1.0 forbids (a BEL, a \x01): those are dropped.
    assert tm_entries(database) == exported_pairs(desk, ids, clean=kind == "tmx")
    with database.read() as session:
        entry = session.scalars(select(TmEntry)).first()
        assert entry is not None
        assert entry.origin == "import" and entry.origin_name == out.name
        assert entry.source_hash == source_hash(entry.source)
        assert entry.target_hash == target_hash(entry.target)
        assert entry.source_norm == normalise_arabic(entry.source)
        assert entry.created_by_id is not None
    database.dispose()


def test_a_csv_carrying_stored_control_characters_is_refused_whole(
    desk: Desk, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    out = tmp_path / "out.csv"
    assert desk.cli("export", "csv", str(out), "--status", "any").exit_code == 0
    cli, database = fresh(request, tmp_path, "fresh.sqlite", seeded=False)
    before = dump(tmp_path / "fresh.sqlite")

    result = cli("import-tm", str(out))

    assert result.exit_code == 2
    assert f"{out}, line " in result.stderr and "is a control character (U+" in result.stderr
    assert dump(tmp_path / "fresh.sqlite") == before
    database.dispose()


def test_round_trip_through_translate_toolkit_file(
    desk: Desk, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """A TMX written by another tool (translate-toolkit) from our pairs comes back whole."""
    from translate.storage.tmx import tmxfile

    store = tmxfile(sourcelanguage="ar", targetlanguage="en")
    for segment_id in EXPORTED:
        segment = desk.segment(segment_id)
        store.addtranslation(segment.source, "ar", segment.target, "en")
    path = tmp_path / "other-tool.tmx"
    with path.open("wb") as handle:
        store.serialize(handle)
    cli, database = fresh(request, tmp_path, "fresh.sqlite", seeded=False)
    assert cli("import-tm", str(path)).exit_code == 0
    pairs = exported_pairs(desk, list(EXPORTED), clean=False)
    expected = {(source, target, None) for source, target, _ in pairs}
    assert tm_entries(database) == expected
    database.dispose()


def test_targets_fill_empty_segments_only(
    desk: Desk, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    out = tmp_path / "out.tmx"
    assert desk.cli("export", "tmx", str(out), "--status", "any").exit_code == 0
    cli, database = fresh(request, tmp_path, "other.sqlite", seeded=True)
    edit(cli, 3, "My own translation.", "draft", user="zaid")  # a human edit is there first

    result = cli("import-tm", str(out))

    assert result.exit_code == 0, result.output
    assert "4 segments got an English target" in result.stdout
    assert "1 matching segment kept the English they had" in result.stdout
    with database.read() as session:
        segments = {s.id: s for s in session.scalars(select(Segment).where(Segment.id < 10))}
        revisions = session.scalars(select(Revision).where(Revision.origin == "import")).all()
        importer = segments[5].updated_by.name if segments[5].updated_by else None
    assert segments[3].target == "My own translation."  # never over a human edit
    assert segments[4].target == "Blinken arrived (draft)."
    assert segments[4].status == "draft"  # the file said draft
    assert segments[5].status == "translated"  # the file said approved: a file cannot approve
    assert segments[6].status == "translated"
    assert segments[8].target == "Human after machine."
    assert segments[5].version == 1
    assert importer == "omar"
    assert {r.segment_id for r in revisions} == {4, 5, 6, 8}
    assert all(r.author_id == segments[5].updated_by_id for r in revisions)
    with database.read() as session:
        approved = session.scalars(select(TmEntry).where(TmEntry.status == "approved")).one()
    assert approved.target == "Approved sentence."  # the TM entry keeps the file's status
    database.dispose()


def test_import_is_idempotent(desk: Desk, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    out = tmp_path / "out.csv"
    # The seeds' document: the tricky one holds control characters, which CSV carries and
    # import-tm refuses (test_a_csv_carrying_stored_control_characters_is_refused_whole).
    assert desk.cli("export", "csv", str(out), "--doc", "1").exit_code == 0
    cli, database = fresh(request, tmp_path, "again.sqlite", seeded=True)
    first = cli("import-tm", str(out))
    assert first.exit_code == 0
    before = dump(tmp_path / "again.sqlite")

    second = cli("import-tm", str(out))

    assert second.exit_code == 0
    assert "0 new TM entries" in second.stdout
    assert "0 segments got an English target" in second.stdout
    assert dump(tmp_path / "again.sqlite") == before
    database.dispose()


def test_an_error_late_in_the_file_leaves_nothing_behind(
    desk: Desk, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """1,500 good units (more than one batch is written) and then a broken tag: all rolled back."""
    arabic = desk.segment(3).source
    units = "".join(
        f'<tu><tuv xml:lang="ar"><seg>{arabic} {n}</seg></tuv>'
        f'<tuv xml:lang="en"><seg>Pair {n}</seg></tuv></tu>\n'
        for n in range(1500)
    )
    path = tmp_path / "late.tmx"
    path.write_text(
        f'<?xml version="1.0"?>\n<tmx version="1.4"><header/><body>\n{units}<tu><tuv></tu>\n'
        "</body></tmx>\n",
        encoding="utf-8",
    )
    cli, database = fresh(request, tmp_path, "late.sqlite", seeded=True)
    before = dump(tmp_path / "late.sqlite")

    result = cli("import-tm", str(path))

    assert result.exit_code == 2
    assert f"late.tmx, line {1500 + 3}" in result.stderr
    assert "not well-formed" in result.stderr
    assert dump(tmp_path / "late.sqlite") == before
    database.dispose()


def test_attack_files_are_refused_and_nothing_leaks(
    desk: Desk, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-7d1f", encoding="utf-8")
    external = tmp_path / "external.tmx"
    external.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
        '<tmx version="1.4"><header/><body><tu><tuv xml:lang="ar"><seg>&xxe;</seg></tuv>'
        '<tuv xml:lang="en"><seg>&xxe;</seg></tuv></tu></body></tmx>\n',
        encoding="utf-8",
    )
    laughs = tmp_path / "laughs.tmx"
    levels = ['<!ENTITY l0 "lol">'] + [
        f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' for n in range(1, 10)
    ]
    laughs.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE tmx [{"".join(levels)}]>\n'
        '<tmx version="1.4"><header/><body><tu><tuv xml:lang="ar"><seg>&l9;</seg></tuv>'
        '<tuv xml:lang="en"><seg>x</seg></tuv></tu></body></tmx>\n',
        encoding="utf-8",
    )
    cli, database = fresh(request, tmp_path, "attacked.sqlite", seeded=True)
    before = dump(tmp_path / "attacked.sqlite")

    for path in (external, laughs):
        result = cli("import-tm", str(path))
        assert result.exit_code == 2
        assert "declares entities" in result.stderr
        assert "TOP-SECRET" not in result.output
    assert dump(tmp_path / "attacked.sqlite") == before
    assert not any("TOP-SECRET" in line for line in before)
    database.dispose()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.txt", "a,b\n", "name a .tmx or .csv file"),
        ("bad.csv", "ar,en\nسلام,peace\nسلام,peace,extra\n", "bad.csv, line 3: 3 cells"),
        ("head.csv", "source,target\nسلام,peace\n", "head.csv, line 1"),
        (
            "status.csv",
            "document,position,arabic,mt,english,status,editor,updated_at,claims\n"
            '1,1,"سلام\nعليكم",,peace,finished,,,\n',
            "status.csv, line 2, status: status 'finished'",
        ),
        ("empty.csv", "", "the file is empty"),
    ],
)
def test_bad_files_are_refused_with_the_line(
    cli: Cli, tmp_path: Path, name: str, content: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = cli("import-tm", str(path))
    assert result.exit_code == 2
    assert message in result.stderr


def test_csv_line_numbers_count_lines_inside_quoted_cells(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "multi.csv"
    path.write_bytes(
        b'ar,en\n"\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85\nmore",peace\n\xd8\xb3,ok\n\xff\xfe,bad\n'
    )
    result = cli("import-tm", str(path))
    assert result.exit_code == 2
    assert "multi.csv, line 5: not valid UTF-8" in result.stderr
