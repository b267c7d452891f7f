"""The article as a Word document (python-docx): Title, Heading 2-6, List Bullet and Quote
styles, so Word's navigation pane, LibreOffice and pandoc see real structure."""

from __future__ import annotations

from typing import IO

from workbench.export.article import Article, byline, heading_level
from workbench.export.docx_parts import clean, new_document, save

STYLES = {"li": "List Bullet", "quote": "Quote"}


def write_docx(article: Article, out: IO[bytes]) -> int:
    title = article.title or f"Document {article.document_id}"
    document = new_document(title, article.author)
    if article.title:
        document.add_paragraph(clean(article.title), style="Title")
    line = byline(article)
    if line:
        document.add_paragraph(clean(line), style="Subtitle")
    for paragraph in article.paragraphs:
        level = heading_level(paragraph.block)
        style = f"Heading {level}" if level is not None else STYLES.get(paragraph.block or "")
        document.add_paragraph(clean(paragraph.text), style=style)
    save(document, out)
    return len(article.paragraphs) + (1 if article.title else 0)
