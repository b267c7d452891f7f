"""The article as plain text and as Markdown (CommonMark, as pandoc reads it).

Plain text: the title, a blank line, then paragraphs separated by blank lines; list items start
with "- ", quotations with "> ", headings stand alone. Markdown: `#` for the title and one `#` per
level for headings, `- ` list items (consecutive ones form one list), `> ` quotations; characters
Markdown would read as markup are backslash-escaped so the English comes out as written.
"""

from __future__ import annotations

import re
from typing import TextIO

from workbench.export.article import Article, byline, heading_level

# Every ASCII punctuation character may be backslash-escaped in CommonMark; these are the ones
# that can start markup inside a line.
_INLINE = re.compile(r"([\\`*_\[\]<>#|&~$^])")
_NUMBERED = re.compile(r"^(\d+)([.)])")  # "1. " or "1) " would start an ordered list


def markdown_escape(text: str) -> str:
    """One paragraph's text (white space already collapsed) with its markup characters escaped."""
    escaped = _INLINE.sub(r"\\\1", text)
    numbered = _NUMBERED.match(escaped)
    if numbered:
        return numbered.group(1) + "\\" + escaped[numbered.end(1) :]
    if escaped[:1] in ("-", "+", "="):  # a bullet, or a line a setext heading would underline
        return "\\" + escaped
    return escaped


def write_markdown(article: Article, out: TextIO) -> int:
    """Write the article; returns how many paragraphs (title included) were written."""
    blocks: list[str] = []
    if article.title:
        blocks.append("# " + markdown_escape(article.title))
    line = byline(article)
    if line:
        blocks.append("*" + markdown_escape(line) + "*")
    previous: str | None = None
    for paragraph in article.paragraphs:
        text = markdown_escape(paragraph.text)
        level = heading_level(paragraph.block)
        if level is not None:
            block = "#" * level + " " + text
        elif paragraph.block == "li":
            block = "- " + text
        elif paragraph.block == "quote":
            block = "> " + text
        else:
            block = text
        if paragraph.block == "li" and previous == "li":
            blocks[-1] += "\n" + block  # one list, not one list per item
        else:
            blocks.append(block)
        previous = paragraph.block
    out.write("\n\n".join(blocks) + "\n")
    return len(article.paragraphs) + (1 if article.title else 0)


def write_text(article: Article, out: TextIO) -> int:
    blocks: list[str] = []
    if article.title:
        blocks.append(article.title)
    line = byline(article)
    if line:
        blocks.append(line)
    for paragraph in article.paragraphs:
        prefix = {"li": "- ", "quote": "> "}.get(paragraph.block or "", "")
        blocks.append(prefix + paragraph.text)
    out.write("\n\n".join(blocks) + "\n")
    return len(article.paragraphs) + (1 if article.title else 0)
