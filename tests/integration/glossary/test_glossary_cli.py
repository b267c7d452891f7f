"""`workbench glossary`: add, list, import (file and starter), export, and the editor's hits."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from tests.conftest import Cli
from workbench.glossary.loading import glossary_hits, glossary_index
from workbench.services.glossary import add_term
from workbench.services.seeding import seed_if_empty
from workbench.store.database import Database, open_database
from workbench.store.models import GlossaryTerm


def term_count(database: Database) -> int:
    with database.read() as session:
        return session.scalar(select(func.count()).select_from(GlossaryTerm)) or 0


def test_add_list_and_variants_share_one_term(cli: Cli) -> None:
    added = cli("glossary", "add", "آستانا", "Astana", "--note", "capital of Kazakhstan")
    assert added.exit_code == 0, added.output
    assert "added term 1" in added.stdout
    again = cli("glossary", "add", "أستانا", "Astana")  # same term, another alef
    assert "already in the glossary" in again.stdout
    renote = cli("glossary", "add", "أَستانا", "Astana", "--note", "renamed 2022")
    assert "updated the note of term 1" in renote.stdout
    cli("glossary", "add", "توكاييف", "Tokayev")
    rows = cli.json_lines("glossary", "list", "--json")
    assert [(r["term_ar"], r["term_en"], r["note"]) for r in rows] == [
        ("آستانا", "Astana", "renamed 2022"),
        ("توكاييف", "Tokayev", None),
    ]
    assert rows[0]["term_ar_norm"] == "استانا"
    plain = cli("glossary", "list")
    assert "آستانا  ->  Astana  (renamed 2022)" in plain.stdout


def test_bad_terms_are_refused(cli: Cli, database: Database) -> None:
    result = cli("glossary", "add", "Astana", "Astana")
    assert result.exit_code == 2
    assert "term_ar 'Astana' has no Arabic letter" in result.stderr
    result = cli("glossary", "add", "آستانا", "  ")
    assert result.exit_code == 2
    assert "term_en is empty" in result.stderr
    result = cli("glossary", "add", "ـــَ", "stretch")  # tatweel and a haraka: nothing to match
    assert result.exit_code == 2
    assert "has no Arabic letter" in result.stderr
    assert term_count(database) == 0


def test_import_export_round_trip(cli: Cli, tmp_path: Path) -> None:
    source = tmp_path / "desk.csv"
    source.write_text(
        "term_ar,term_en,note\r\n"
        'توكاييف,Tokayev,"president, since 2019"\r\n'
        "منظمة معاهدة الأمن الجماعي,CSTO,\r\n"
        "منظمة معاهدة الأمن الجماعي,'=CSTO formula,a neutralised cell\r\n",
        encoding="utf-8",
    )
    result = cli("glossary", "import", str(source))
    assert result.exit_code == 0, result.output
    assert "3 terms added" in result.stdout
    assert (
        "0 terms added, 0 notes updated, 3 already present"
        in cli("glossary", "import", str(source)).stdout
    )

    exported = tmp_path / "out" / "glossary.csv"
    exported.parent.mkdir()  # like every export, it refuses to invent folders
    result = cli("glossary", "export", str(exported))
    assert result.exit_code == 0, result.output
    text = exported.read_text(encoding="utf-8")
    assert "'=CSTO formula" in text
    assert '"president, since 2019"' in text

    other = Cli(f"sqlite:///{tmp_path / 'other.sqlite'}")
    assert other("glossary", "import", str(exported)).exit_code == 0

    def terms(of: Cli) -> list[tuple[str, str, str | None]]:
        rows = of.json_lines("glossary", "list", "--json")
        return [(r["term_ar"], r["term_en"], r["note"]) for r in rows]

    assert terms(other) == terms(cli)
    assert ("منظمة معاهدة الأمن الجماعي", "=CSTO formula", "a neutralised cell") in terms(other)


def test_one_bad_line_imports_nothing(cli: Cli, database: Database, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("term_ar,term_en\nتوكاييف,Tokayev\nروسيا,\n", encoding="utf-8")
    result = cli("glossary", "import", str(path))
    assert result.exit_code == 2
    assert f"{path}:3: term_en is empty" in result.stderr
    assert term_count(database) == 0


def test_import_needs_a_file_or_starter(cli: Cli) -> None:
    assert cli("glossary", "import").exit_code == 2
    missing = cli("glossary", "import", "nowhere.csv")
    assert missing.exit_code == 2
    assert "nowhere.csv: no such file" in missing.stderr


def test_starter_glossary_and_hits_on_a_seed_segment(seeded_cli: Cli, db_url: str) -> None:
    result = seeded_cli("glossary", "import", "--starter")
    assert result.exit_code == 0, result.output
    rows = seeded_cli.json_lines("glossary", "list", "--json")
    assert len(rows) >= 25
    assert {("توكاييف", "Tokayev"), ("منظمة معاهدة الأمن الجماعي", "CSTO")} <= {
        (r["term_ar"], r["term_en"]) for r in rows
    }
    segment = next(
        r for r in seeded_cli.json_lines("segments", "--json") if "بلاده يتجه" in r["source"]
    )
    database = open_database(db_url)
    with database.read() as session:
        hits = glossary_hits(session, segment["source"])
    database.dispose()
    source = segment["source"]
    assert [(source[h.start : h.end], h.term_en) for h in hits][:2] == [
        ("الكرملين", "Kremlin"),
        ("كازاخستان", "Kazakhstan"),
    ]


def test_the_cached_index_sees_terms_added_by_another_process(db_url: str) -> None:
    reader = open_database(db_url)
    writer = open_database(db_url)  # stands for a second workbench process
    with reader.read() as session:
        first = glossary_index(session)
        assert glossary_hits(first, "وصل توكاييف") == []
        assert glossary_index(session) is first  # unchanged: no reload
    add_term(writer, "توكاييف", "Tokayev", None, "bob")
    with reader.read() as session:
        assert [h.term_en for h in glossary_hits(session, "وصل توكاييف")] == ["Tokayev"]
    add_term(writer, "توكاييف", "Tokayev", "president", "bob")  # only the note changes
    with reader.read() as session:
        assert [h.note for h in glossary_hits(session, "وصل توكاييف")] == ["president"]
    reader.dispose()
    writer.dispose()


def test_a_fresh_workbench_gets_the_starter_glossary(cli: Cli, database: Database) -> None:
    seed_if_empty(database, "alice")  # what the screen does with a fresh database
    assert len(cli.json_lines("glossary", "list", "--json")) >= 25
