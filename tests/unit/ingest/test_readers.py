"""The readers of each kind, without a database: what they take from a file, compared with the
article the file was built from and with independent readers (pandoc, lxml)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from tests.source_files import (
    CLUTTER,
    Article,
    markdown_text,
    news_page,
    pandoc_blocks,
    seed_article,
    seed_paths,
    write_docx,
    xliff_12,
    xliff_20,
)
from workbench.errors import InputError
from workbench.files.inputs import SizeCap, text_cap
from workbench.ingest.readers import read_document
from workbench.ingest.readers.docx import read_docx
from workbench.ingest.readers.html import read_html
from workbench.ingest.readers.markdown import read_markdown
from workbench.ingest.readers.xliff import read_xliff
from workbench.ingest.sources import parse_blocks
from workbench.ingest.structure import Block, SourceMeta, SourceText

SEEDS = [pytest.param(path, id=path.name[:3]) for path in seed_paths()]


def blocks_of(source: object) -> list[tuple[str | None, str]]:
    return [(block.kind, block.text) for block in source.blocks]  # type: ignore[attr-defined]


# --- HTML --------------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", SEEDS)
def test_a_news_page_gives_its_article_only(seed: Path) -> None:
    article = seed_article(seed)
    page = news_page(article)
    source = read_html(page.encode(), "page.html")
    assert blocks_of(source) == article.blocks  # every paragraph, in order, with its kind
    text = "\n".join(block.text for block in source.blocks)
    assert [piece for piece in CLUTTER if piece in text] == []
    # The clutter really is on the page, as lxml (a browser's view of it) sees it.
    shown = "".join(etree.HTML(page.encode()).itertext())
    assert all(piece in shown for piece in CLUTTER)


def test_a_news_page_gives_its_metadata() -> None:
    article = seed_article(seed_paths()[2])
    source = read_html(news_page(article).encode(), "page.html")
    assert source.meta.title == article.title  # the <title> without " | outlet"
    assert source.meta.source_url == "https://news.example.com/2023/11/10/putin-kazakhstan"
    assert source.meta.outlet == "وكالة الأنباء العربية"
    assert source.meta.author == "سامي الأحمد"
    assert source.meta.published_at == "2023-11-10"
    assert source.meta.source_format == "html"


@pytest.mark.parametrize(
    "page",
    [
        "<html><body><nav><a href='/'>الرئيسية</a> <a href='/x'>رياضة</a></nav></body></html>",
        "<html><head><title>صفحة</title></head><body><script>var a = 1;</script></body></html>",
        "   ",
    ],
    ids=["menu-only", "script-only", "blank"],
)
def test_a_page_without_article_text_is_refused(page: str) -> None:
    with pytest.raises(InputError, match=r"^menu\.html: .*(no article text|empty)"):
        read_html(page.encode(), "menu.html")


# --- Markdown ----------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", SEEDS)
def test_markdown_reads_as_pandoc_does(seed: Path, tmp_path: Path) -> None:
    path = tmp_path / "article.md"
    path.write_text(markdown_text(seed_article(seed)), encoding="utf-8")
    ours = blocks_of(read_markdown(path.read_text(encoding="utf-8")))
    assert ours == seed_article(seed).blocks
    assert ours == pandoc_blocks(path, "commonmark")


def test_markdown_inline_markup_and_setext_headings(tmp_path: Path) -> None:
    text = (
        "بوتين يزور *كازاخستان*\n=====================\n\n"
        "وصل **الرئيس** إلى [أستانا](https://example.com) يوم الخميس.\n"
        "وكان في استقباله توكاييف.\n\n"
        "1. البند الأول\n2. البند الثاني\n   - بند فرعي\n\n"
        "> قال المتحدث: «الزيارة مهمة».\n\n"
        "```\nكود لا يترجم\n```\n"
    )
    path = tmp_path / "inline.md"
    path.write_text(text, encoding="utf-8")
    ours = blocks_of(read_markdown(text))
    assert ours == pandoc_blocks(path, "commonmark")
    assert ours[0] == ("h1", "بوتين يزور كازاخستان")
    assert ours[1] == (None, "وصل الرئيس إلى أستانا يوم الخميس. وكان في استقباله توكاييف.")
    assert all("كود" not in text for _, text in ours)  # code is not prose to translate


# --- DOCX --------------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", SEEDS)
def test_docx_reads_as_pandoc_does(seed: Path, tmp_path: Path) -> None:
    article = seed_article(seed)
    path = write_docx(article, tmp_path / "article.docx", title="عنوان الوثيقة")
    source = read_docx(path.read_bytes(), str(path), text_cap())
    assert blocks_of(source) == article.blocks
    assert blocks_of(source) == pandoc_blocks(path, "docx")
    assert source.meta.title == "عنوان الوثيقة"
    assert source.meta.author == "سامي الأحمد"


def test_docx_tables_are_read_cell_by_cell(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("قبل الجدول.")
    table = document.add_table(rows=2, cols=2)
    for row, cells in enumerate(table.rows):
        for column, cell in enumerate(cells.cells):
            cell.text = f"خلية {row}-{column}"
    table.cell(1, 0).merge(table.cell(1, 1))  # a merged cell is read once
    document.add_paragraph("بعد الجدول.")
    path = tmp_path / "table.docx"
    document.save(str(path))
    texts = [text for _, text in blocks_of(read_docx(path.read_bytes(), "t", text_cap()))]
    # The merged cell holds both texts (two paragraphs) and is read once, not once per column.
    assert texts == ["قبل الجدول.", "خلية 0-0", "خلية 0-1", "خلية 1-0", "خلية 1-1", "بعد الجدول."]


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_zip_bomb_is_refused_before_parsing() -> None:
    bomb = _zip({"[Content_Types].xml": b"<x/>", "word/document.xml": b"\0" * (40 * 2**20)})
    assert len(bomb) < 100_000  # small on disk, 40 MB inflated
    with pytest.raises(InputError, match=r"bomb\.docx: its parts would inflate to 41,943,"):
        read_docx(bomb, "bomb.docx", text_cap())


def test_a_part_that_inflates_too_many_times_is_refused() -> None:
    bomb = _zip({"[Content_Types].xml": b"<x/>", "word/document.xml": b"a" * (3 * 2**20)})
    with pytest.raises(InputError, match=r"word/document\.xml inflates .* zip bomb"):
        read_docx(bomb, "ratio.docx", SizeCap(64, "max_text_file_mb"))


def test_a_damaged_docx_is_refused(tmp_path: Path) -> None:
    good = write_docx(Article("t", [(None, "فقرة.")]), tmp_path / "good.docx").read_bytes()
    with pytest.raises(InputError, match=r"^cut\.docx: not a readable Word file .*damaged"):
        read_docx(good[: len(good) // 2], "cut.docx", text_cap())
    with pytest.raises(InputError, match=r"^other\.docx: a zip archive, but not a Word document"):
        read_docx(_zip({"a.txt": b"hello"}), "other.docx", text_cap())
    broken = _zip({"[Content_Types].xml": b"not xml", "word/document.xml": b"<w:document"})
    with pytest.raises(InputError, match=r"^broken\.docx: not a readable Word document"):
        read_docx(broken, "broken.docx", text_cap())


# --- XLIFF -------------------------------------------------------------------------------------

UNITS = [
    ("بوتين يزور كازاخستان", "Putin visits Kazakhstan", "translated"),
    ("قال الرئيس إن الزيارة مهمة.", None, None),
    ("وصل يوم الخميس.", "He arrived on Thursday.", "needs-review-translation"),
    ("وغادر يوم الجمعة.", "He left on Friday.", None),
]


def test_xliff_12_sources_targets_and_states() -> None:
    source = read_xliff(xliff_12(UNITS).encode(), "a.xlf")
    assert source.presegmented
    assert [(b.text, b.target, b.target_status) for b in source.blocks] == [
        ("بوتين يزور كازاخستان", "Putin visits Kazakhstan", "translated"),
        ("قال الرئيس إن الزيارة مهمة.", None, None),
        ("وصل يوم الخميس.", "He arrived on Thursday.", "draft"),  # needs review: not finished
        ("وغادر يوم الجمعة.", "He left on Friday.", "translated"),  # no state: as given
    ]
    # What lxml reads from the same file, independently of translate-toolkit.
    namespace = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
    root = etree.fromstring(xliff_12(UNITS).encode())
    assert [b.text for b in source.blocks] == root.xpath("//x:source/text()", namespaces=namespace)


def test_xliff_20_units_are_paragraphs_of_segments() -> None:
    units = [[(*UNITS[0][:2], "final")], [UNITS[1], (UNITS[2][0], UNITS[2][1], "initial")]]
    source = read_xliff(xliff_20(units).encode(), "a.xliff")
    assert [(b.text, b.target, b.target_status, b.group) for b in source.blocks] == [
        ("بوتين يزور كازاخستان", "Putin visits Kazakhstan", "translated", "u1"),
        ("قال الرئيس إن الزيارة مهمة.", None, None, "u2"),
        ("وصل يوم الخميس.", "He arrived on Thursday.", "draft", "u2"),
    ]


@pytest.mark.parametrize(
    "declaration",
    [
        '<!DOCTYPE xliff [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>',
        '<!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
        '<!doctype xliff SYSTEM "http://example.com/x.dtd">',
    ],
    ids=["billion-laughs", "external-entity", "external-dtd"],
)
def test_xliff_with_declarations_is_refused_before_parsing(declaration: str) -> None:
    text = xliff_12(UNITS).replace("?>\n", f"?>\n{declaration}\n", 1)
    with pytest.raises(InputError, match=r"^evil\.xlf, line 2: a <!DOCTYPE declaration"):
        read_xliff(text.encode(), "evil.xlf")


def test_xliff_from_another_language_or_not_xliff_is_refused() -> None:
    with pytest.raises(InputError, match=r"source language is en, not Arabic"):
        read_xliff(xliff_12(UNITS, language="en").encode(), "en.xlf")
    with pytest.raises(InputError, match=r"^a\.xlf: not an XLIFF file"):
        read_xliff(b"<?xml version='1.0'?><tmx version='1.4'/>", "a.xlf")
    with pytest.raises(InputError, match=r"^b\.xlf: not well-formed XLIFF"):
        read_xliff(xliff_12(UNITS).encode()[:-40], "b.xlf")


# --- segmentation of any kind ------------------------------------------------------------------


def test_paragraphs_are_segmented_and_keep_their_kind(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(
        "# بوتين يزور كازاخستان\n\nوصل الرئيس يوم الخميس. وكان في استقباله توكاييف.\n\n"
        "- توقيع اتفاقية. وتعاون في الفضاء.\n",
        encoding="utf-8",
    )
    parsed = read_document(path)
    assert [(s.paragraph, s.block, s.source) for s in parsed.segments] == [
        (1, "h1", "بوتين يزور كازاخستان"),
        (2, None, "وصل الرئيس يوم الخميس."),
        (2, None, "وكان في استقباله توكاييف."),
        (3, "li", "توقيع اتفاقية."),
        (3, "li", "وتعاون في الفضاء."),
    ]
    assert parsed.title == "بوتين يزور كازاخستان"  # the first heading, not the first sentence
    assert parsed.meta.source_format == "md"


def test_the_title_is_the_first_heading_even_after_body_text(tmp_path: Path) -> None:
    path = tmp_path / "b.md"
    path.write_text("سطر تمهيدي قبل العنوان.\n\n## العنوان الحقيقي\n\nنص.\n", encoding="utf-8")
    assert read_document(path).title == "العنوان الحقيقي"


def test_a_plain_text_title_is_its_first_line(tmp_path: Path) -> None:
    path = tmp_path / "c.txt"
    path.write_text("بوتين يقوم بزيارة كازاخستان\nوصل الرئيس. وكان في استقباله توكاييف.\n")
    assert read_document(path).title == "بوتين يقوم بزيارة كازاخستان"


def test_a_control_character_in_the_metadata_is_refused() -> None:
    # trafilatura already drops control characters from what it reads; any reader's metadata is
    # checked again before it is stored, as text is.
    meta = SourceMeta("html", title="عنوان", author="سامي\x1b]0;pwned\x07")
    source = SourceText(meta, [Block("نص المقال.")])
    with pytest.raises(InputError, match=r"^evil\.html: its author: .*ESC"):
        parse_blocks(Path("evil.html"), source, "0" * 64)
