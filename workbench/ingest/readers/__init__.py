"""One reader per kind of source, all giving the same `SourceText` (ingest/structure.py).

`read_document` picks the reader by the file's extension (anything not listed is read as plain
text, as `workbench import` always did); `read_url` fetches a page and reads it as HTML. Both
return a `ParsedDocument`, segmented and hashed, ready for `services.importing`.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from workbench.errors import InputError
from workbench.files.inputs import SizeCap, read_regular, text_cap
from workbench.ingest.sources import ParsedDocument, decode_source, parse_blocks, read_source
from workbench.text.controls import check_storable

# Extension -> documents.source_format.
SUFFIXES = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".docx": "docx",
    ".xlf": "xliff",
    ".xliff": "xliff",
}


def source_format(path: Path) -> str:
    return SUFFIXES.get(path.suffix.lower(), "txt")


def _read_bytes(path: Path, cap: SizeCap) -> bytes:
    check_storable(path.name, f"{path}: the file name")  # stored as the document's source name
    try:
        return read_regular(path, cap)
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror})") from error


def read_document(path: Path, cap: SizeCap | None = None) -> ParsedDocument:
    """Read, check and segment one file of any kind the workbench imports."""
    cap = cap or text_cap()
    kind = source_format(path)
    if kind == "txt":
        return read_source(path, cap)
    data = _read_bytes(path, cap)
    label = str(path)
    if kind == "html":
        from workbench.ingest.readers.html import article_hash, read_html

        page = read_html(data, label)
        return parse_blocks(path, page, article_hash(page))
    content_hash = hashlib.sha256(data).hexdigest()
    if kind == "md":
        from workbench.ingest.readers.markdown import read_markdown

        return parse_blocks(path, read_markdown(decode_source(path, data)), content_hash)
    if kind == "docx":
        from workbench.ingest.readers.docx import read_docx

        return parse_blocks(path, read_docx(data, label, cap), content_hash)
    from workbench.ingest.readers.xliff import read_xliff

    return parse_blocks(path, read_xliff(data, label), content_hash)


def read_url(url: str, cap: SizeCap | None = None, timeout: float | None = None) -> ParsedDocument:
    """Fetch the page at `url` (http/https) and read its article as HTML."""
    from workbench.ingest.readers.html import article_hash, read_html
    from workbench.ingest.readers.web import TIMEOUT_SECONDS, fetch_page

    cap = cap or text_cap()
    page = fetch_page(url, cap, TIMEOUT_SECONDS if timeout is None else timeout)
    check_storable(url, f"{url}: the address")
    source = read_html(page.data, url, url=page.url)
    name = url[:500]  # documents.source_name's length; the full address is in source_url
    return parse_blocks(Path("url"), source, article_hash(source), name=name)
