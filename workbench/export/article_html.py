"""The article as an HTML5 document: lang="en", every text escaped, headings, lists, quotes."""

from __future__ import annotations

from html import escape
from typing import TextIO

from workbench.export.article import Article, byline_parts, heading_level
from workbench.export.xmltext import drop_forbidden

STYLE = (
    "body{max-width:42em;margin:2em auto;padding:0 1em;font-family:Georgia,serif;"
    "line-height:1.5}.byline{color:#555;font-style:italic}"
)


def html_text(text: str) -> str:
    """Escaped character data (quotes too, so it is also safe in attributes)."""
    return escape(drop_forbidden(text), quote=True)


def _head(title: str, article: Article) -> list[str]:
    lines = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{html_text(title)}</title>",
        f'<meta name="generator" content="workbench (document {article.document_id})">',
    ]
    if article.author:
        lines.append(f'<meta name="author" content="{html_text(article.author)}">')
    if article.source_url:
        lines.append(f'<link rel="alternate" hreflang="ar" href="{html_text(article.source_url)}">')
    lines += [f"<style>{STYLE}</style>", "</head>", "<body>", "<article>"]
    return lines


def _body(article: Article) -> list[str]:
    lines: list[str] = []
    in_list = False
    for paragraph in article.paragraphs:
        if paragraph.block == "li" and not in_list:
            lines.append("<ul>")
        elif paragraph.block != "li" and in_list:
            lines.append("</ul>")
        in_list = paragraph.block == "li"
        text = html_text(paragraph.text)
        level = heading_level(paragraph.block)
        if level is not None:
            lines.append(f"<h{level}>{text}</h{level}>")
        elif paragraph.block == "li":
            lines.append(f"<li>{text}</li>")
        elif paragraph.block == "quote":
            lines.append(f"<blockquote><p>{text}</p></blockquote>")
        else:
            lines.append(f"<p>{text}</p>")
    if in_list:
        lines.append("</ul>")
    return lines


def write_html(article: Article, out: TextIO) -> int:
    title = article.title or f"Document {article.document_id}"
    lines = _head(title, article)
    if article.title:
        lines.append(f"<h1>{html_text(article.title)}</h1>")
    parts = byline_parts(article)
    if parts:  # each part isolated (<bdi>): an Arabic outlet's name must not capture the date
        line = " · ".join(f"<bdi>{html_text(part)}</bdi>" for part in parts)
        lines.append(f'<p class="byline">{line}</p>')
    lines += _body(article)
    lines += ["</article>", "</body>", "</html>", ""]
    out.write("\n".join(lines))
    return len(article.paragraphs) + (1 if article.title else 0)
