"""`workbench import` and `workbench segments`, on a SQLite file and on PostgreSQL."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import pytest
from sqlalchemy import Table, delete, insert, select

from tests.conftest import SEEDS_DIR, Cli
from tests.dbstate import table_dump
from tests.source_files import markdown_text, seed_article
from workbench.ingest.readers import read_document
from workbench.ingest.segment import segment_document
from workbench.ingest.sources import ParsedDocument
from workbench.services.importing import import_documents
from workbench.services.seeding import seed_if_empty
from workbench.store.database import Database, open_database
from workbench.store.models import Document, Segment, User
from workbench.text.normalise import source_hash


def test_imports_the_five_seeds_and_lists_every_sentence(any_cli: Cli) -> None:
    result = any_cli("import", str(SEEDS_DIR))
    assert result.exit_code == 0, result.output
    assert "5 documents and" in result.stdout

    rows = any_cli.json_lines("segments", "--json")
    expected = sum(
        len(segment_document(path.read_text(encoding="utf-8")))
        for path in sorted(SEEDS_DIR.glob("*.txt"))
    )
    assert len(rows) == expected
    assert {row["document"] for row in rows} == {1, 2, 3, 4, 5}
    for key in ("id", "document", "position", "source", "mt", "target", "status", "version"):
        assert key in rows[0]
    assert all(row["status"] == "new" and row["version"] == 0 for row in rows)


def test_segments_rejoin_to_each_seed(any_seeded_cli: Cli) -> None:
    rows = any_seeded_cli.json_lines("segments", "--json")
    for number, path in enumerate(sorted(SEEDS_DIR.glob("*.txt")), start=1):
        original = "".join(path.read_text(encoding="utf-8").split())
        rejoined = "".join("".join(r["source"].split()) for r in rows if r["document"] == number)
        assert rejoined == original, path.name


def test_repeated_paragraph_is_kept_and_marked(any_seeded_cli: Cli) -> None:
    rows = any_seeded_cli.json_lines("segments", "--doc", "1", "--json")
    first, second = rows[0], rows[1]
    assert first["source"] == second["source"]
    assert not first["is_repeat"]
    assert second["is_repeat"]
    assert second["paragraph"] == 2


def test_second_import_adds_nothing(any_seeded_cli: Cli, any_db_url: str) -> None:
    before = table_dump(any_db_url)
    result = any_seeded_cli("import", str(SEEDS_DIR))
    assert result.exit_code == 0
    assert "0 documents and 0 segments added; 5 already present" in result.stdout
    assert table_dump(any_db_url) == before


def test_status_filter_and_document_filter(any_seeded_cli: Cli) -> None:
    doc2 = any_seeded_cli.json_lines("segments", "--doc", "2", "--json")
    assert doc2 and all(row["document"] == 2 for row in doc2)
    assert [row["position"] for row in doc2] == list(range(1, len(doc2) + 1))
    assert any_seeded_cli.json_lines("segments", "--status", "approved", "--json") == []


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("latin1.txt", "قال".encode() + b" caf\xe9 ", "not valid UTF-8 at byte offset 10"),
        ("empty.txt", b"", "the file is empty"),
        ("blank.txt", b"  \n\n \t\n", "the file is empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "NUL byte"),
    ],
)
def test_bad_file_is_refused_and_nothing_changes(
    any_seeded_cli: Cli, any_db_url: str, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    good = tmp_path / "good.txt"
    good.write_text("هذا نص جديد. وهذه جملة ثانية.", encoding="utf-8")
    bad = tmp_path / name
    bad.write_bytes(content)
    before = table_dump(any_db_url)

    result = any_seeded_cli("import", str(good), str(bad))

    assert result.exit_code == 2
    assert str(bad) in result.stderr
    assert message in result.stderr
    assert "nothing was imported" in result.stderr
    assert table_dump(any_db_url) == before


def test_missing_path_and_empty_folder(
    any_seeded_cli: Cli, any_db_url: str, tmp_path: Path
) -> None:
    before = table_dump(any_db_url)
    missing = any_seeded_cli("import", str(tmp_path / "nope.txt"))
    assert missing.exit_code == 2
    assert "nope.txt: no such file or folder" in missing.stderr

    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "notes.json").write_text("{}", encoding="utf-8")  # no kind import reads
    empty = any_seeded_cli("import", str(folder))
    assert empty.exit_code == 2
    assert "holds no file to import" in empty.stderr
    assert table_dump(any_db_url) == before


def test_crlf_and_bom_files_import_the_same_sentences(any_cli: Cli, tmp_path: Path) -> None:
    text = "قال الرئيس: «سنفوز.» ثم غادر.\nوصل وفد إلى آستانا؟ نعم."
    plain = tmp_path / "plain.txt"
    plain.write_text(text, encoding="utf-8")
    windows = tmp_path / "windows.txt"
    windows.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    assert any_cli("import", str(plain), str(windows)).exit_code == 0
    rows = any_cli.json_lines("segments", "--json")
    by_doc = [[r["source"] for r in rows if r["document"] == doc] for doc in (1, 2)]
    assert by_doc[0] == by_doc[1]
    assert "\ufeff" not in by_doc[1][0]


def test_the_screen_seeds_a_fresh_database_once(any_cli: Cli, any_db_url: str) -> None:
    database = open_database(any_db_url)  # what `workbench` on a terminal does before the screen
    seed_if_empty(database, "alice")
    count = len(any_cli.json_lines("segments", "--json"))
    seed_if_empty(database, "alice")
    database.dispose()
    assert len(any_cli.json_lines("segments", "--json")) == count
    summary = any_cli()  # piped: the summary of what is there
    assert summary.exit_code == 0
    assert "5 documents; segments:" in summary.stdout
    assert f"{count} new" in summary.stdout


def test_stored_rows_are_the_rows_cores_insert_stores(
    any_database: Database, tmp_path: Path
) -> None:
    """The import's documents and segments (their source hashes made a batch at a time) must be
    exactly the rows SQLAlchemy Core's inserts of the same values store, each sentence hashed on
    its own."""
    seeds = sorted(SEEDS_DIR.glob("*.txt"))
    markdown = tmp_path / "article.md"  # headings, list items and a quote: blocks of each kind
    markdown.write_text(markdown_text(seed_article(seeds[1])), encoding="utf-8")
    parsed = [read_document(path) for path in [*seeds, markdown]]
    assert any(s.is_repeat for d in parsed for s in d.segments)  # both values of the flag
    assert any(s.block is not None for d in parsed for s in d.segments)  # and of the block
    assert all(o.added for o in import_documents(any_database, parsed, "alice"))
    ours = _stored(any_database)

    documents, segments = cast(Table, Document.__table__), cast(Table, Segment.__table__)
    with any_database.write() as session:
        connection = session.connection()
        user_id = connection.execute(select(User.id).where(User.name == "alice")).scalar_one()
        connection.execute(delete(segments))
        connection.execute(delete(documents))
        returned = connection.execute(
            insert(documents).returning(documents.c.content_hash, documents.c.id),
            [_document_row(document, user_id) for document in parsed],
        )
        ids: dict[str, int] = {str(row[0]): int(row[1]) for row in returned}
        rows = [row for document in parsed for row in _segment_rows(document, ids)]
        connection.execute(insert(segments), rows)
    cores = _stored(any_database)

    assert ours[:2] == cores[:2]
    # The time of import differs; its stored form may not (SQLite: Core's DATETIME string).
    assert {re.sub(r"\d", "0", str(stamp)) for stamp in ours[2]} == {
        re.sub(r"\d", "0", str(stamp)) for stamp in cores[2]
    }


def _document_row(document: ParsedDocument, user_id: int) -> dict[str, object]:
    return {
        "title": document.title,
        "source_name": document.source_name,
        "content_hash": document.content_hash,
        "segment_count": len(document.segments),
        "imported_by_id": user_id,
        "source_url": document.meta.source_url,
        "outlet": document.meta.outlet,
        "author": document.meta.author,
        "published_at": document.meta.published_at,
        "source_format": document.meta.source_format,
    }


def _segment_rows(document: ParsedDocument, ids: dict[str, int]) -> Iterator[dict[str, object]]:
    for s in document.segments:
        yield {
            "document_id": ids[document.content_hash],
            "position": s.position,
            "paragraph": s.paragraph,
            "source": s.source,
            "source_hash": source_hash(s.source),
            "is_repeat": s.is_repeat,
            "block": s.block,
        }


Rows = list[tuple[object, ...]]


def _stored(database: Database) -> tuple[Rows, Rows, list[object]]:
    """Documents and segments as the driver reads them back, without ids (a segment names its
    document by content hash), and the documents' times of import."""
    with database.engine.connect() as connection:
        documents = connection.exec_driver_sql("SELECT * FROM documents ORDER BY id").mappings()
        found = documents.all()
        hash_of = {row["id"]: row["content_hash"] for row in found}
        segments = connection.exec_driver_sql(
            "SELECT * FROM segments ORDER BY document_id, position"
        ).mappings()
        return (
            [tuple(v for k, v in row.items() if k not in ("id", "imported_at")) for row in found],
            [
                tuple(hash_of[v] if k == "document_id" else v for k, v in row.items() if k != "id")
                for row in segments
            ],
            [row["imported_at"] for row in found],
        )
