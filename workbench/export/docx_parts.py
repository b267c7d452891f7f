"""What the Word writers share: a document with its properties set, right-to-left paragraphs,
and text python-docx can store (XML 1.0 characters only, see xmltext.py)."""

from __future__ import annotations

from typing import IO

from docx import Document as new_docx
from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run

from workbench.export.xmltext import drop_forbidden


def new_document(title: str, author: str | None, language: str = "en-GB") -> DocxDocument:
    """A document from python-docx's default template (it has the Title, Heading 1-9, List
    Bullet and Quote styles Word and LibreOffice map to their own), language set on the default
    run style so spelling checks the English as English."""
    document = new_docx()
    properties = document.core_properties
    properties.title = drop_forbidden(title)[:255]
    properties.author = drop_forbidden(author or "")[:255]
    properties.language = language
    properties.comments = "Written by the workbench"
    normal = document.styles["Normal"].element
    run_properties = normal.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), language)
    lang.set(qn("w:bidi"), "ar-SA")  # what Word uses for complex-script (Arabic) runs
    run_properties.append(lang)
    return document


def set_rtl(paragraph: DocxParagraph) -> None:
    """Mark a paragraph right-to-left (w:bidi) and each of its runs (w:rtl): Word and
    LibreOffice then order and align the Arabic from the right."""
    properties = paragraph._p.get_or_add_pPr()
    bidi = OxmlElement("w:bidi")
    # w:bidi must come early in w:pPr (schema order: pStyle, keepNext, ..., bidi, ..., jc).
    style = properties.find(qn("w:pStyle"))
    if style is not None:
        style.addnext(bidi)
    else:
        properties.insert(0, bidi)
    for run in paragraph.runs:
        set_run_rtl(run)


def set_run_rtl(run: Run) -> None:
    properties = run._r.get_or_add_rPr()
    properties.append(OxmlElement("w:rtl"))


def clean(text: str) -> str:
    return drop_forbidden(text)


def save(document: DocxDocument, out: IO[bytes]) -> None:
    document.save(out)
