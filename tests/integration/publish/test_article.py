"""`workbench export article`: the English article read back by pandoc, LibreOffice and lxml
and compared with the database."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from lxml import html as lxml_html

from tests.conftest import Cli
from tests.integration.publish.conftest import Built, Para, build_document
from tests.integration.publish.readback import (
    expected_blocks,
    pandoc_read,
    pdf_text,
    to_pdf,
)
from workbench.services.editing import record_machine_translation
from workbench.store.models import Segment

# The Arabic outlet's name isolated (FSI ... PDI) so that the date after it keeps its order; the
# HTML isolates each part with <bdi> instead.
BYLINE = "By Huda Example · \u2068أخبار المثال\u2069 · 2024-03-07"
HTML_BYLINE = "By Huda Example · أخبار المثال · 2024-03-07"
READERS = {"md": "markdown-smart", "html": "html", "docx": "docx"}


def export(built: Built, out: Path, *extra: str) -> None:
    result = built.cli("export", "article", str(out), "--doc", str(built.document_id), *extra)
    assert result.exit_code == 0, result.output
    assert f"to {out}" in result.output


@pytest.mark.parametrize("file_format", ["md", "html"])
def test_markdown_and_html_read_back_by_pandoc(
    article: Built, tmp_path: Path, file_format: str
) -> None:
    out = tmp_path / f"article.{file_format}"
    export(article, out)
    _, blocks = pandoc_read(out, READERS[file_format])
    title = article.paragraphs[0].english_text
    byline = HTML_BYLINE if file_format == "html" else BYLINE
    assert blocks == [("h1", title), ("p", byline), *expected_blocks(article)]
    if file_format == "html":
        parts = lxml_html.parse(str(out)).xpath("//p[@class='byline']/bdi")
        assert [part.text for part in parts] == HTML_BYLINE.split(" · ")


def test_docx_has_word_structure_pandoc_and_libreoffice_agree(
    article: Built, tmp_path: Path
) -> None:
    out = tmp_path / "article.docx"
    export(article, out)
    meta, blocks = pandoc_read(out, "docx")
    assert meta["title"] == article.paragraphs[0].english_text
    assert meta["subtitle"] == BYLINE
    assert blocks == expected_blocks(article)
    # The styles Word's navigation pane and LibreOffice's outline use.
    styles = [paragraph.style.name for paragraph in docx.Document(str(out)).paragraphs]
    assert styles[:2] == ["Title", "Subtitle"]
    assert {"Heading 2", "Heading 3", "List Bullet", "Quote"} <= set(styles)
    # LibreOffice opens it and lays every paragraph out, in order.
    # pdftotext joins a word hyphenated at a line end ("tie-" + "up" gives "tieup"): where the
    # lines break depends on the fonts installed, so hyphens are left out of the comparison.
    text = pdf_text(to_pdf(out, tmp_path)).replace("-", "")
    at = 0
    for _, paragraph in [("h1", article.paragraphs[0].english_text), *expected_blocks(article)]:
        unhyphenated = paragraph.replace("-", "")
        found = text.find(unhyphenated, at)
        assert found >= 0, f"LibreOffice's PDF lacks (or misorders) {paragraph!r}"
        at = found + len(unhyphenated)


def test_plain_text_paragraphs(article: Built, tmp_path: Path) -> None:
    out = tmp_path / "english.txt"
    export(article, out)
    paragraphs = out.read_text("utf-8").rstrip("\n").split("\n\n")
    prefix = {"li": "- ", "quote": "> "}
    expected = [article.paragraphs[0].english_text, BYLINE]
    expected += [prefix.get(p.block or "", "") + p.english_text for p in article.paragraphs[1:]]
    assert paragraphs == expected


def test_format_option_wins_over_the_extension(article: Built, tmp_path: Path) -> None:
    out = tmp_path / "article.out"
    export(article, out, "--format", "html")
    assert lxml_html.parse(str(out)).getroot().get("lang") == "en"


def test_unknown_extension_refused(article: Built, tmp_path: Path) -> None:
    out = tmp_path / "article.pdf"
    result = article.cli("export", "article", str(out), "--doc", str(article.document_id))
    assert result.exit_code == 2
    assert "--format" in result.output and not out.exists()


def test_markup_in_english_stays_text(cli: Cli, tmp_path: Path) -> None:
    """English that looks like markup comes out as the words typed, in every format."""
    tricky = [
        "1. Not a list: <script>alert('x')</script> & *stars* _under_ [link](x) `code` #tag",
        "- a dash first, + a plus, = equals \\ backslash | pipe",
    ]
    paragraphs = [
        Para("h1", ["العنوان هنا."], ["Headline & <b>bold</b>?"]),
        Para(None, ["الجملة الأولى."], [tricky[0]]),
        Para("li", ["الجملة الثانية."], [tricky[1]]),
    ]
    built = build_document(cli, tmp_path, paragraphs, meta={})
    try:
        for file_format, reader in READERS.items():
            out = tmp_path / f"tricky.{file_format}"
            export(built, out)
            meta, blocks = pandoc_read(out, reader)
            if file_format == "docx":
                assert meta["title"] == "Headline & <b>bold</b>?"
            else:
                assert blocks.pop(0) == ("h1", "Headline & <b>bold</b>?")
            assert blocks == [("p", tricky[0]), ("li", tricky[1])], file_format
        page = lxml_html.parse(str(tmp_path / "tricky.html")).getroot()
        assert page.xpath("//script") == []
        assert page.findtext(".//title") == "Headline & <b>bold</b>?"
    finally:
        built.database.dispose()


def _half_translated(cli: Cli, tmp_path: Path) -> Built:
    paragraphs = [
        Para("h1", ["العنوان هنا."], ["The headline"]),
        Para(None, ["الجملة الأولى.", "الجملة الثانية."], ["First.", "Second."]),
        Para(None, ["الجملة الثالثة."], ["Third."]),
    ]
    built = build_document(cli, tmp_path, paragraphs, translate=False, meta={})
    for segment_id, text in zip(built.segment_ids[:2], ["The headline", "First."], strict=True):
        result = cli("edit", str(segment_id), "--text", text)
        assert result.exit_code == 0, result.output
    with built.database.write() as session:  # MT for the second sentence only
        record_machine_translation(
            session, built.segment_ids[2], "Second (MT).", mt_package="p", mt_version="1"
        )
    return built


def test_missing_fail_names_positions_and_writes_nothing(cli: Cli, tmp_path: Path) -> None:
    built = _half_translated(cli, tmp_path)
    out = tmp_path / "out" / "article.md"
    out.parent.mkdir()
    out.write_text("the previous article\n", "utf-8")
    result = cli("export", "article", str(out), "--doc", str(built.document_id))
    assert result.exit_code == 2
    assert "2 sentences have no English (positions 3, 4)" in result.output
    assert out.read_text("utf-8") == "the previous article\n"
    assert [path.name for path in out.parent.iterdir()] == ["article.md"]  # no temporary left
    built.database.dispose()


@pytest.mark.parametrize(
    ("missing", "body", "exit_code"),
    [
        ("mt", None, 2),  # position 4 has no MT either: refused, named
        ("source", "First. الجملة الثانية.\n\nالجملة الثالثة.", 0),
        ("mark", "First. [untranslated sentence 3]\n\n[untranslated sentence 4]", 0),
    ],
)
def test_missing_policies(
    cli: Cli, tmp_path: Path, missing: str, body: str | None, exit_code: int
) -> None:
    built = _half_translated(cli, tmp_path)
    out = tmp_path / "english.txt"
    result = cli(
        "export", "article", str(out), "--doc", str(built.document_id), "--missing", missing
    )
    assert result.exit_code == exit_code, result.output
    if body is None:
        assert "1 sentence has neither English nor machine translation (position 4)" in (
            result.output
        )
        assert not out.exists()
    else:
        assert out.read_text("utf-8") == f"The headline\n\n{body}\n"
    built.database.dispose()


def test_missing_mt_uses_the_machine_translation(cli: Cli, tmp_path: Path) -> None:
    built = _half_translated(cli, tmp_path)
    with built.database.write() as session:
        record_machine_translation(
            session, built.segment_ids[3], "Third (MT).", mt_package="p", mt_version="1"
        )
    out = tmp_path / "english.txt"
    result = cli("export", "article", str(out), "--doc", str(built.document_id), "--missing", "mt")
    assert result.exit_code == 0, result.output
    assert out.read_text("utf-8") == "The headline\n\nFirst. Second (MT).\n\nThird (MT).\n"
    built.database.dispose()


def test_rejected_english_counts_as_missing(article: Built, tmp_path: Path) -> None:
    rejected = article.segment_ids[2]
    with article.database.write() as session:
        segment = session.get(Segment, rejected)
        assert segment is not None
        segment.status = "rejected"
    result = article.cli(
        "export", "article", str(tmp_path / "a.md"), "--doc", str(article.document_id)
    )
    assert result.exit_code == 2
    assert "(position 3)" in result.output


def test_database_is_never_an_output(article: Built, tmp_path: Path) -> None:
    database_file = Path(article.cli.db_url.removeprefix("sqlite:///"))
    if not database_file.exists():
        pytest.skip("PostgreSQL run: no database file to protect")
    before = database_file.read_bytes()
    result = article.cli(
        "export",
        "article",
        str(database_file),
        "--doc",
        str(article.document_id),
        "--format",
        "txt",
    )
    assert result.exit_code == 2
    assert "database" in result.output
    assert database_file.read_bytes() == before


def test_unknown_document(cli: Cli, tmp_path: Path) -> None:
    result = cli("export", "article", str(tmp_path / "a.md"), "--doc", "99")
    assert result.exit_code == 4
    assert "document 99 does not exist" in result.output
