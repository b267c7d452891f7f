"""What the Word writers share: a document with its properties set, and paragraphs, runs and
table rows built as WordprocessingML elements directly.

python-docx's `add_paragraph(text, style=...)` looks the style up by name and finds the body's
end anew on every call, which makes a 5,000-paragraph document take seconds and a 5,000-row
table tens of seconds (bench/publish.py measures it). The elements here are the same ones
python-docx writes (`w:p` with `w:pPr/w:pStyle`, `w:r/w:t`), built with lxml and appended in one
pass before the final `w:sectPr`; python-docx still provides the template (styles, numbering for
List Bullet) and the packaging. Text is reduced to what XML 1.0 can carry (xmltext.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO

from docx import Document as new_docx
from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from workbench.export.xmltext import drop_forbidden

W_VAL = qn("w:val")
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# Tag names computed once: `qn` costs a microsecond or so, and a 5,000-row table calls it
# hundreds of thousands of times.
P, PPR, PSTYLE, BIDI = qn("w:p"), qn("w:pPr"), qn("w:pStyle"), qn("w:bidi")
R, RPR, T, B, ITALIC, SZ, RTL = (qn(f"w:{tag}") for tag in ("r", "rPr", "t", "b", "i", "sz", "rtl"))


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
    run_properties = document.styles["Normal"].element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(W_VAL, language)
    lang.set(qn("w:bidi"), "ar-SA")  # what Word uses for complex-script (Arabic) runs
    run_properties.append(lang)
    return document


def style_ids(document: DocxDocument, names: Iterable[str]) -> dict[str, str]:
    """Style name -> the id paragraphs refer to (looked up once, not per paragraph)."""
    return {name: document.styles[name].style_id for name in names}


def run(
    parent: etree._Element,
    text: str,
    *,
    rtl: bool = False,
    bold: bool = False,
    italic: bool = False,
    half_points: int | None = None,
) -> etree._Element:
    element = etree.SubElement(parent, R)
    if rtl or bold or italic or half_points:
        properties = etree.SubElement(element, RPR)
        if bold:
            etree.SubElement(properties, B)
        if italic:
            etree.SubElement(properties, ITALIC)
        if half_points:
            etree.SubElement(properties, SZ, {W_VAL: str(half_points)})
        if rtl:
            etree.SubElement(properties, RTL)  # schema order: b, i, ..., sz, ..., rtl
    text_element = etree.SubElement(element, T)
    text_element.text = drop_forbidden(text)
    text_element.set(XML_SPACE, "preserve")
    return element


def paragraph(
    text: str | None = None,
    style_id: str | None = None,
    *,
    rtl: bool = False,
    parent: etree._Element | None = None,
    **run_format: bool | int | None,
) -> etree._Element:
    """A `w:p`; right-to-left paragraphs get `w:bidi` and their run `w:rtl`, so Word and
    LibreOffice order and align the Arabic from the right."""
    element = etree.SubElement(parent, P) if parent is not None else OxmlElement("w:p")
    if style_id or rtl:
        properties = etree.SubElement(element, PPR)
        if style_id:
            etree.SubElement(properties, PSTYLE, {W_VAL: style_id})
        if rtl:
            etree.SubElement(properties, BIDI)
    if text is not None:
        run(element, text, rtl=rtl, **run_format)  # type: ignore[arg-type]
    return element


def append_to_body(document: DocxDocument, elements: Iterable[etree._Element]) -> None:
    """Append before the body's final section properties, in order."""
    body = document.element.body
    end = body.find(qn("w:sectPr"))
    for element in elements:
        if end is not None:
            end.addprevious(element)
        else:
            body.append(element)


def save(document: DocxDocument, out: IO[bytes]) -> None:
    document.save(out)
