"""Word files (.docx): paragraphs, headings and list items in document order (python-docx).

A .docx is a zip archive, and a zip can hold a "bomb": a few kilobytes that inflate to
gigabytes. Before python-docx parses anything, the archive's directory is read and the sizes
its entries declare once inflated are checked against the text-file cap (`max_text_file_mb`,
`workbench.files.inputs`), along with each entry's compression ratio; zipfile never inflates an
entry past the size it declares, so the check bounds what parsing can take. A file that is not a
zip, or a zip that is not a Word document, is refused by name.

Block kinds come from paragraph styles, whose names Word stores in English whatever the
language of its menus: "Title" and "Heading 1-6" are headings, "Quote"/"Intense Quote"
quotations, and a "List ..." style or a numbering property (`w:numPr`) makes a list item.
Tables are read cell by cell, row by row, each cell paragraph a body paragraph.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any

from workbench.errors import InputError
from workbench.files.inputs import SizeCap
from workbench.ingest.structure import Block, SourceMeta, SourceText

# An XML part that inflates more than this many times its compressed size, past a megabyte, is
# not a Word document: real ones inflate 5-20 times (repetitive XML compresses well, not 1000x).
MAX_RATIO = 200
RATIO_FLOOR = 1024 * 1024
_HEADING = re.compile(r"heading ([1-6])")
_QUOTES = {"quote", "intense quote"}


def check_archive(data: bytes, label: str, cap: SizeCap) -> None:
    """Refuse a file that is not a zip, or whose entries would inflate past `cap`."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
            names = {entry.filename for entry in entries}
    except (zipfile.BadZipFile, ValueError, EOFError) as error:
        raise InputError(
            f"{label}: not a readable Word file (the .docx zip archive is damaged: {error}); "
            "open it in Word or LibreOffice and save it again. Nothing was imported"
        ) from error
    if "word/document.xml" not in names:
        raise InputError(
            f"{label}: a zip archive, but not a Word document (no word/document.xml); "
            "nothing was imported"
        )
    inflated = sum(entry.file_size for entry in entries)
    if inflated > cap.bytes:
        raise InputError(
            f"{label}: its parts would inflate to {inflated:,} bytes, more than the "
            f"{cap.megabytes:,} MB allowed (setting {cap.setting}): a zip bomb or a document too "
            f"large to import; raise {cap.setting} if it is a real document. Nothing was imported"
        )
    for entry in entries:
        if entry.file_size > RATIO_FLOOR and entry.file_size > MAX_RATIO * max(
            entry.compress_size, 1
        ):
            raise InputError(
                f"{label}: part {entry.filename} inflates "
                f"{entry.file_size // max(entry.compress_size, 1):,} times its stored size: a "
                "zip bomb, not a Word document. Nothing was imported"
            )


def _style_name(paragraph: Any) -> str:
    style = paragraph.style
    return str(style.name).lower() if style is not None and style.name else ""


def _kind(paragraph: Any) -> str | None:
    name = _style_name(paragraph)
    heading = _HEADING.fullmatch(name)
    if heading:
        return f"h{heading.group(1)}"
    if name == "title":
        return "h1"
    if name in _QUOTES:
        return "quote"
    properties = paragraph._p.pPr  # no public API for the numbering property
    if name.startswith("list") or (properties is not None and properties.numPr is not None):
        return "li"
    return None


def _paragraphs(document: Any) -> Iterator[Any]:
    """Body paragraphs and the paragraphs of tables' cells, in document order."""
    from docx.table import Table

    for item in document.iter_inner_content():
        if isinstance(item, Table):
            # A merged cell is listed once per grid cell it spans. The elements themselves are
            # kept (not their id()): lxml may reuse a freed proxy's id for another element.
            seen: set[Any] = set()
            for row in item.rows:
                for cell in row.cells:
                    if cell._tc not in seen:
                        seen.add(cell._tc)
                        yield from cell.paragraphs
        else:
            yield item


def _property(value: str | None, limit: int) -> str | None:
    text = " ".join((value or "").split())
    return text[:limit] or None


def read_docx(data: bytes, label: str, cap: SizeCap) -> SourceText:
    """The paragraphs of a Word file with their block kinds, and its title and author."""
    check_archive(data, label, cap)
    import docx  # python-docx: imported only for Word files

    try:
        document = docx.Document(io.BytesIO(data))
        blocks = [Block(p.text, _kind(p)) for p in _paragraphs(document)]
        properties = document.core_properties
        title, author = properties.title, properties.author
    except InputError:
        raise
    except Exception as error:  # python-docx raises KeyError, ValueError, lxml errors, ...
        raise InputError(
            f"{label}: not a readable Word document ({type(error).__name__}: {error}); "
            "open it in Word or LibreOffice and save it again. Nothing was imported"
        ) from error
    meta = SourceMeta("docx", title=_property(title, 200), author=_property(author, 300))
    return SourceText(meta, blocks)
