"""The article as a Word document: Title, Subtitle (the byline), Heading 2-6, List Bullet and
Quote styles, so Word's navigation pane, LibreOffice and pandoc see real structure."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from lxml import etree

from workbench.export.article import Article, byline, heading_level
from workbench.export.docx_parts import append_to_body, new_document, paragraph, save, style_ids

STYLES = {"li": "List Bullet", "quote": "Quote"}
NAMES = ("Title", "Subtitle", "List Bullet", "Quote", *(f"Heading {n}" for n in range(2, 7)))


def _paragraphs(article: Article, ids: dict[str, str]) -> Iterator[etree._Element]:
    if article.title:
        yield paragraph(article.title, ids["Title"])
    line = byline(article)
    if line:
        yield paragraph(line, ids["Subtitle"])
    for block in article.paragraphs:
        level = heading_level(block.block)
        name = f"Heading {level}" if level is not None else STYLES.get(block.block or "")
        yield paragraph(block.text, ids[name] if name else None)


def write_docx(article: Article, out: IO[bytes]) -> int:
    title = article.title or f"Document {article.document_id}"
    document = new_document(title, article.author)
    append_to_body(document, _paragraphs(article, style_ids(document, NAMES)))
    save(document, out)
    return len(article.paragraphs) + (1 if article.title else 0)
