"""Markdown (.md): headings and list items become paragraphs of their own.

Parsed with markdown-it-py (CommonMark; Textual already depends on it), not with hand-made rules,
so that emphasis, links, setext headings, nested lists and block quotes come out as a CommonMark
reader (pandoc, GitHub) sees them. Inline markup is dropped and its text kept: a link gives its
words, an image its alt text. Code blocks and raw HTML blocks are not prose to translate and are
left out.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token

from workbench.ingest.structure import Block, SourceMeta, SourceText

_INLINE_TEXT = {"text", "code_inline"}
_BREAKS = {"softbreak", "hardbreak"}


def _inline_text(token: Token) -> str:
    parts: list[str] = []
    for child in token.children or []:
        if child.type in _INLINE_TEXT:
            parts.append(child.content)
        elif child.type in _BREAKS:
            parts.append(" ")
        elif child.type == "image":
            parts.append(_inline_text(child))
    return "".join(parts)


def _kind(open_tags: list[str], heading: str | None) -> str | None:
    if heading is not None:
        return heading
    if "li" in open_tags:
        return "li"
    if "blockquote" in open_tags:
        return "quote"
    return None


def read_markdown(text: str) -> SourceText:
    """The paragraphs of a Markdown text, each with its block kind."""
    tokens = MarkdownIt("commonmark").parse(text)
    blocks: list[Block] = []
    open_tags: list[str] = []  # the enclosing list items and quotes
    heading: str | None = None
    for token in tokens:
        if token.type in {"list_item_open", "blockquote_open"}:
            open_tags.append(token.tag)
        elif token.type in {"list_item_close", "blockquote_close"}:
            open_tags.pop()
        elif token.type == "heading_open":
            heading = token.tag
        elif token.type == "heading_close":
            heading = None
        elif token.type == "inline":
            blocks.append(Block(_inline_text(token), _kind(open_tags, heading)))
    return SourceText(SourceMeta("md"), blocks)
