"""Web pages (.html, .htm, a fetched URL): the article only, with its metadata.

trafilatura finds the article in a news page and leaves out what surrounds it: menus, ads,
"read also" links, comments, footers, scripts. It needs `lxml_html_clean` (lxml no longer ships
`lxml.html.clean`), a dependency of the workbench for that reason. Its output keeps the
article's structure as `<head rend="h2">`, `<p>`, `<list><item>` and `<quote>` elements, which
become the paragraphs' block kinds. Comments are never included (`include_comments=False`):
they are readers' words, not the article.
"""

from __future__ import annotations

import hashlib
from typing import Any

from lxml import etree

from workbench.errors import InputError
from workbench.ingest.structure import HEADINGS, Block, SourceMeta, SourceText

_ELEMENT_KINDS = {"p": None, "quote": "quote", "item": "li"}
# Lengths of the documents table's columns (store/models.py), so a long page title is cut, not
# refused by the database.
_LIMITS = {"url": 2000, "outlet": 300, "author": 300, "date": 32}


def _text(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _blocks(body: etree._Element) -> list[Block]:
    """The article's paragraphs in order, each with its kind."""
    blocks: list[Block] = []
    for element in body.iter("head", "p", "quote", "item", "row"):
        tag = str(element.tag)
        if tag in {"p", "quote"} and element.getparent() is not body:
            continue  # a paragraph inside a quote, a list item or a cell is read with it
        if tag == "item" and any(True for _ in element.iterancestors("item")):
            continue  # a nested list is read with the item that holds it
        if tag == "head":
            rend = element.get("rend") or "h2"
            blocks.append(Block(_text(element), rend if rend in HEADINGS else "h2"))
        elif tag == "row":
            cells = [_text(cell) for cell in element.iter("cell")]
            blocks.append(Block(" | ".join(cell for cell in cells if cell)))
        else:
            blocks.append(Block(_text(element), _ELEMENT_KINDS[tag]))
    return [block for block in blocks if block.text]


def _field(document: Any, name: str, limit: int | None = None) -> str | None:
    value = getattr(document, name, None)
    if not isinstance(value, str) or not value.strip():
        return None
    value = " ".join(value.split())
    return value[:limit] if limit else value


def _meta(document: Any) -> SourceMeta:
    return SourceMeta(
        "html",
        title=_field(document, "title"),
        source_url=_field(document, "url", _LIMITS["url"]),
        outlet=_field(document, "sitename", _LIMITS["outlet"])
        or _field(document, "hostname", _LIMITS["outlet"]),
        author=_field(document, "author", _LIMITS["author"]),
        published_at=_field(document, "date", _LIMITS["date"]),
    )


def read_html(data: bytes, label: str, url: str | None = None) -> SourceText:
    """The article of a web page, or InputError naming `label` when it has none."""
    import trafilatura  # seconds of imports (courlan, htmldate, justext): only when needed

    if not data.strip():
        raise InputError(f"{label}: the page is empty; nothing was imported")
    try:
        document = trafilatura.bare_extraction(
            data,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            include_formatting=True,  # keeps the heading levels (rend="h1".."h6")
        )
    except (ValueError, etree.LxmlError) as error:
        raise InputError(f"{label}: the page could not be read as HTML ({error})") from error
    body = getattr(document, "body", None)
    blocks = _blocks(body) if body is not None else []
    if not blocks:
        raise InputError(
            f"{label}: no article text found on the page (only menus, links or other page "
            "furniture); save the article's own page, or paste its text into a .txt file. "
            "Nothing was imported"
        )
    return SourceText(_meta(document), blocks)


def article_hash(source: SourceText) -> str:
    """The content hash of a web page's article: its paragraphs, not the page's bytes, so that
    the same article saved again (or fetched again) with other ads and comments is the same
    document."""
    digest = hashlib.sha256(source.meta.source_format.encode())
    for block in source.blocks:
        digest.update(f"\n{block.kind or ''}\t{' '.join(block.text.split())}".encode())
    return digest.hexdigest()
