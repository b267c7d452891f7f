"""`workbench import` of every kind, on SQLite and PostgreSQL: what is stored (paragraphs in
order with their block kinds, the source's metadata), idempotence, and bad files refused with
nothing written."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tests.conftest import Cli
from tests.dbstate import table_dump
from tests.integration.documents.conftest import paragraphs, stored_blocks, stored_document
from tests.source_files import (
    CLUTTER,
    markdown_text,
    news_page,
    pandoc_blocks,
    seed_article,
    seed_paths,
    write_docx,
    xliff_12,
    xliff_20,
)

SEED = seed_paths()[1]


def _import(cli: Cli, *paths: Path) -> None:
    result = cli("import", *map(str, paths))
    assert result.exit_code == 0, result.output


def test_a_saved_news_page_is_stored_as_its_article(any_cli: Cli, tmp_path: Path) -> None:
    article = seed_article(SEED)
    page = tmp_path / "putin.html"
    page.write_text(news_page(article), encoding="utf-8")
    _import(any_cli, page)
    assert paragraphs(stored_blocks(any_cli.db_url, 1)) == article.blocks
    stored = " ".join(source for _, _, source in stored_blocks(any_cli.db_url, 1))
    assert [piece for piece in CLUTTER if piece in stored] == []
    assert stored_document(any_cli.db_url, 1) == {
        "title": article.title,
        "source_name": "putin.html",
        "source_url": "https://news.example.com/2023/11/10/putin-kazakhstan",
        "outlet": "وكالة الأنباء العربية",
        "author": "سامي الأحمد",
        "published_at": "2023-11-10",
        "source_format": "html",
        "segment_count": len(stored_blocks(any_cli.db_url, 1)),
    }


def test_the_same_article_with_other_clutter_is_not_imported_twice(
    any_cli: Cli, tmp_path: Path
) -> None:
    article = seed_article(SEED)
    first, second = tmp_path / "a.html", tmp_path / "b.htm"
    first.write_text(news_page(article), encoding="utf-8")
    second.write_text(news_page(article).replace("إعلان:", "عرض خاص:"), encoding="utf-8")
    _import(any_cli, first)
    before = table_dump(any_cli.db_url)
    result = any_cli("import", str(second))
    assert result.exit_code == 0
    assert "skipped b.htm: already imported as document 1" in result.stdout
    assert table_dump(any_cli.db_url) == before


def test_a_word_file_is_stored_in_the_order_pandoc_reads_it(any_cli: Cli, tmp_path: Path) -> None:
    article = seed_article(SEED)
    path = write_docx(article, tmp_path / "report.docx")
    _import(any_cli, path)
    assert paragraphs(stored_blocks(any_cli.db_url, 1)) == pandoc_blocks(path, "docx")
    stored = stored_document(any_cli.db_url, 1)
    assert stored["source_format"] == "docx"
    assert stored["title"] == article.blocks[0][1][:120]  # no core title: the first heading
    assert stored["author"] == "سامي الأحمد"


def test_markdown_is_stored_in_the_order_pandoc_reads_it(any_cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text(markdown_text(seed_article(SEED)), encoding="utf-8")
    _import(any_cli, path)
    assert paragraphs(stored_blocks(any_cli.db_url, 1)) == pandoc_blocks(path, "commonmark")
    assert stored_document(any_cli.db_url, 1)["source_format"] == "md"


def test_xliff_targets_come_in_as_import_revisions(any_cli: Cli, tmp_path: Path) -> None:
    one = tmp_path / "agency.xlf"
    one.write_text(
        xliff_12(
            [
                ("بوتين يزور كازاخستان", "Putin visits Kazakhstan", "final"),
                ("قال الرئيس إن الزيارة مهمة.", None, None),
                ("وصل يوم الخميس.", "He arrived on Thursday.", "needs-review-translation"),
            ]
        ),
        encoding="utf-8",
    )
    two = tmp_path / "agency2.xliff"
    two.write_text(
        xliff_20([[("غادر الرئيس يوم الجمعة.", "The president left on Friday.", "translated")]]),
        encoding="utf-8",
    )
    result = any_cli("import", str(one), str(two), user="agnes")
    assert result.exit_code == 0, result.output
    assert "kept    2 translations of document 1 from the file" in result.stdout
    rows = any_cli.json_lines("segments", "--json")
    assert [(r["document"], r["target"], r["status"], r["updated_by"]) for r in rows] == [
        (1, "Putin visits Kazakhstan", "translated", "agnes"),
        (1, None, "new", None),
        (1, "He arrived on Thursday.", "draft", "agnes"),
        (2, "The president left on Friday.", "translated", "agnes"),
    ]
    history = any_cli.json_lines("history", str(rows[0]["id"]), "--json")
    assert [h.get("origin") for h in history if h.get("origin")] == ["import"]
    assert stored_document(any_cli.db_url, 1)["source_format"] == "xliff"


def _bomb(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("word/document.xml", b"\0" * (40 * 2**20))
    return path


BAD_FILES = {
    "no-article.html": (
        lambda p: p.write_text("<html><body><nav><a href='/'>الرئيسية</a></nav></body></html>"),
        "no article text found",
    ),
    "cut.docx": (
        lambda p: p.write_bytes(
            write_docx(seed_article(SEED), p.with_suffix(".tmp")).read_bytes()[:3000]
        ),
        "the .docx zip archive is damaged",
    ),
    "bomb.docx": (_bomb, "a zip bomb"),
    "entities.xlf": (
        lambda p: p.write_text(
            xliff_12([("نص.", None, None)]).replace(
                "?>\n", '?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n', 1
            )
        ),
        "line 2: a <!DOCTYPE declaration",
    ),
    "empty.md": (lambda p: p.write_text("```\ncode only\n```\n"), "no text to translate"),
}


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_a_bad_file_is_refused_by_name_and_nothing_is_written(
    any_cli: Cli, tmp_path: Path, name: str
) -> None:
    good = tmp_path / "good.md"
    good.write_text("# عنوان\n\nنص جيد.\n", encoding="utf-8")
    _import(any_cli, good)
    before = table_dump(any_cli.db_url)
    other = tmp_path / "other.md"
    other.write_text("# عنوان آخر\n\nنص آخر.\n", encoding="utf-8")
    bad = tmp_path / name
    make, message = BAD_FILES[name]
    make(bad)
    result = any_cli("import", str(other), str(bad))
    assert result.exit_code == 2
    assert f"{bad}" in result.stderr and message in result.stderr, result.stderr
    assert "nothing was imported" in result.stderr
    assert table_dump(any_cli.db_url) == before  # not even the good file of the same import


def test_a_folder_is_searched_for_every_kind(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    (folder / "sub").mkdir(parents=True)
    article = seed_article(SEED)
    (folder / "a.txt").write_text("نص عادي.\n", encoding="utf-8")
    (folder / "b.md").write_text("# عنوان\n\nنص.\n", encoding="utf-8")
    (folder / "sub" / "c.html").write_text(news_page(article), encoding="utf-8")
    write_docx(article, folder / "sub" / "d.docx")
    (folder / "notes.json").write_text("{}")  # not a kind the import looks for
    result = cli("import", str(folder))
    assert result.exit_code == 0, result.output
    formats = [d["format"] for d in cli.json_lines("documents", "list", "--json")]
    assert formats == ["txt", "md", "html", "docx"]
