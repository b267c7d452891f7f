"""The bilingual review copy as a Word document: a table, one row per sentence in document order.

Columns: position, Arabic, English, status (with the claims listed under the English). Arabic
paragraphs carry `w:bidi` and their runs `w:rtl`, so Word and LibreOffice set them right to left;
the header row repeats on every page. The page is landscape: two languages side by side need the
width.
"""

from __future__ import annotations

from typing import IO

from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import _Cell

from workbench.export.bilingual_rows import ReviewRow, review_rows
from workbench.export.docx_parts import clean, new_document, save, set_rtl
from workbench.export.document_read import PublishDocument

WIDTHS = (Cm(1.3), Cm(10.5), Cm(10.5), Cm(3.2))
HEADER = ("#", "Arabic", "English", "Status")


def _landscape(document: object) -> None:
    section = document.sections[0]  # type: ignore[attr-defined]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(1.5))


def _repeat_header(row: object) -> None:
    properties = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _fill_english(cell: _Cell, row: ReviewRow) -> None:
    paragraph = cell.paragraphs[0]
    run = paragraph.add_run(clean(row.english))
    run.italic = row.english_is_mt or None
    for note in row.claims:
        cell.add_paragraph(clean(note), style="List Bullet").runs[0].font.size = Pt(8)


def _fill(cells: tuple[_Cell, ...], row: ReviewRow) -> None:
    cells[0].paragraphs[0].add_run(str(row.position))
    arabic = cells[1].paragraphs[0]
    arabic.add_run(clean(row.arabic))
    set_rtl(arabic)
    _fill_english(cells[2], row)
    status = row.status_label + (f"\n{len(row.claims)} claim(s)" if row.claims else "")
    cells[3].paragraphs[0].add_run(status).bold = row.status in ("new", "rejected") or None


def write_bilingual_docx(document: PublishDocument, out: IO[bytes]) -> int:
    info = document.info
    word = new_document(f"Review copy: {info.title}", info.author)
    _landscape(word)
    word.add_paragraph("Review copy", style="Title")
    set_rtl(word.add_paragraph(clean(info.title), style="Heading 1"))  # usually Arabic
    facts = [f"Document {info.id}: {info.source_name}"]
    facts += [value for value in (info.source_url, info.outlet, info.published_at) if value]
    word.add_paragraph(clean(" · ".join(facts)), style="Subtitle")
    table = word.add_table(rows=1, cols=len(HEADER))
    table.style = "Table Grid"
    table.autofit = False
    for column, width in zip(table.columns, WIDTHS, strict=True):
        column.width = width  # the grid LibreOffice lays out by; Word reads the cells' widths
    _repeat_header(table.rows[0])
    for cell, name, width in zip(table.rows[0].cells, HEADER, WIDTHS, strict=True):
        cell.paragraphs[0].add_run(name).bold = True
        cell.width = width
    count = 0
    for row in review_rows(document):
        cells = table.add_row().cells
        for cell, width in zip(cells, WIDTHS, strict=True):
            cell.width = width
        _fill(tuple(cells), row)
        count += 1
    save(word, out)
    return count
