"""The bilingual review copy as a Word document: a table, one row per sentence in document order.

Columns: position, Arabic, English, status (the claims listed under the English). Arabic
paragraphs carry `w:bidi` and their runs `w:rtl`, so Word and LibreOffice set them right to left;
the header row repeats on every page; the page is landscape, as two languages side by side need
the width. Rows are built as elements directly (docx_parts.py says why).
"""

from __future__ import annotations

from copy import deepcopy
from typing import IO

from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import nsmap, qn
from docx.shared import Cm
from lxml import etree

from workbench.export.article import has_arabic
from workbench.export.bilingual_rows import ReviewRow, review_rows
from workbench.export.document_read import PublishDocument
from workbench.export.docx_parts import (
    ITALIC,
    RPR,
    W_VAL,
    B,
    R,
    T,
    append_to_body,
    new_document,
    paragraph,
    save,
    style_ids,
)
from workbench.export.xmltext import drop_forbidden

TC = qn("w:tc")

TWIPS_PER_CM = 567
WIDTHS_CM = (1.3, 10.5, 10.5, 3.2)
HEADER = ("#", "Arabic", "English", "Status")
NOTE_SIZE = 16  # half-points: claims in 8 pt under the English
NAMES = ("Title", "Subtitle", "Heading 1", "List Bullet", "Table Grid")


def _landscape(document: DocxDocument) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    section.left_margin = section.right_margin = Cm(1.5)


def _table(ids: dict[str, str]) -> etree._Element:
    table = etree.Element(qn("w:tbl"), nsmap={"w": nsmap["w"]})
    properties = etree.SubElement(table, qn("w:tblPr"))
    etree.SubElement(properties, qn("w:tblStyle"), {W_VAL: ids["Table Grid"]})
    etree.SubElement(properties, qn("w:tblW"), {qn("w:w"): "0", qn("w:type"): "auto"})
    etree.SubElement(properties, qn("w:tblLayout"), {qn("w:type"): "fixed"})
    grid = etree.SubElement(table, qn("w:tblGrid"))
    for width in WIDTHS_CM:
        etree.SubElement(grid, qn("w:gridCol"), {qn("w:w"): str(round(width * TWIPS_PER_CM))})
    return table


def _template_row(header: bool = False) -> etree._Element:
    """A row of four cells with their widths, each holding one paragraph with one empty run
    (the Arabic one right to left): copied for every sentence and filled, which is several times
    faster than building the same elements one by one."""
    row = etree.Element(qn("w:tr"), nsmap={"w": nsmap["w"]})
    if header:
        etree.SubElement(etree.SubElement(row, qn("w:trPr")), qn("w:tblHeader"))
    for column, width in enumerate(WIDTHS_CM):
        cell = etree.SubElement(row, qn("w:tc"))
        properties = etree.SubElement(cell, qn("w:tcPr"))
        twips = str(round(width * TWIPS_PER_CM))
        etree.SubElement(properties, qn("w:tcW"), {qn("w:w"): twips, qn("w:type"): "dxa"})
        paragraph("", parent=cell, rtl=column == 1 and not header, bold=header)
    return row


_TEMPLATE = _template_row()


def _fill(row: etree._Element, texts: tuple[str, ...]) -> list[etree._Element]:
    """Put `texts` in the row's runs; returns the cells."""
    for text_element, text in zip(row.iter(T), texts, strict=True):
        text_element.text = drop_forbidden(text)
    return [cell for cell in row if cell.tag == TC]


def _row(table: etree._Element, row: ReviewRow, bullet: str) -> None:
    element = deepcopy(_TEMPLATE)
    table.append(element)
    texts = (str(row.position), row.arabic, row.english, row.status_label)
    _, _, english, status = _fill(element, texts)
    if row.english_is_mt:
        _format(english, ITALIC)
    if row.status in ("new", "rejected"):
        _format(status, B)
    for note in row.claims:
        paragraph(note, bullet, parent=english, half_points=NOTE_SIZE)
    if row.claims:
        paragraph(f"{len(row.claims)} claim(s)", parent=status)


def _format(cell: etree._Element, tag: str) -> None:
    """Make the cell's first run bold (B) or italic (ITALIC)."""
    first_run = next(cell.iter(R))
    first_run.insert(0, etree.Element(RPR))
    etree.SubElement(first_run[0], tag)


def write_bilingual_docx(document: PublishDocument, out: IO[bytes]) -> int:
    info = document.info
    word = new_document(f"Review copy: {info.title}", info.author)
    _landscape(word)
    ids = style_ids(word, NAMES)
    facts = [f"Document {info.id}: {info.source_name}"]
    facts += [value for value in (info.source_url, info.outlet, info.published_at) if value]
    table = _table(ids)
    header = _template_row(header=True)
    table.append(header)
    _fill(header, HEADER)
    count = 0
    for row in review_rows(document):
        _row(table, row, ids["List Bullet"])
        count += 1
    append_to_body(
        word,
        [
            paragraph("Review copy", ids["Title"]),
            paragraph(info.title, ids["Heading 1"], rtl=has_arabic(info.title)),
            paragraph(" · ".join(facts), ids["Subtitle"]),
            table,
            paragraph(),  # Word wants a paragraph between a table and the section's end
        ],
    )
    save(word, out)
    return count
