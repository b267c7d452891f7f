"""The bilingual review copy as HTML: one table row per sentence, Arabic right-to-left beside the
English, the status and the claims of each sentence marked.

The Arabic cell is `dir="rtl" lang="ar"`, so browsers order and align it from the right (the
stored text is in logical order); the English cell is `lang="en"`. Paragraphs of the source
start a new `<tbody>` with a thin rule, so the structure of the article stays visible.
"""

from __future__ import annotations

from itertools import groupby
from typing import TextIO

from workbench.export.article_html import html_text
from workbench.export.bilingual_rows import ReviewRow, review_rows
from workbench.export.document_read import PublishDocument

STYLE = (
    "body{font-family:sans-serif;margin:1.5em}"
    "table{border-collapse:collapse;width:100%}"
    "th,td{border:1px solid #bbb;padding:.35em .5em;vertical-align:top}"
    "tbody{border-top:3px solid #666}"
    "td.ar{font-size:1.15em;text-align:right;width:38%}"
    "td.en{width:38%}td.pos{color:#666;text-align:right}"
    ".status{font-size:.8em;font-weight:bold;padding:.1em .4em;border-radius:.3em}"
    ".s-new,.s-rejected{background:#fdd}.s-draft{background:#ffd}"
    ".s-translated{background:#def}.s-reviewed,.s-approved{background:#dfd}"
    ".mt{color:#666;font-style:italic}.claims{font-size:.85em;margin:.3em 0 0 1.2em;padding:0}"
    ".block{color:#888;font-size:.75em}"
    "dt{display:inline;font-weight:bold}dd{display:inline;margin:0 1.2em 0 .3em}"
)


def _meta(document: PublishDocument) -> list[str]:
    info = document.info
    facts = [
        ("Document", f"{info.id}: {info.source_name}"),
        ("Source", info.source_url),
        ("Outlet", info.outlet),
        ("Author", info.author),
        ("Published", info.published_at),
    ]
    items = [f"<dt>{name}</dt><dd>{html_text(value)}</dd>" for name, value in facts if value]
    return ["<dl>", *items, "</dl>"]


def _row(row: ReviewRow) -> str:
    english = html_text(row.english) if row.english else ""
    if row.english_is_mt:
        english = f'<span class="mt" title="machine translation, not yet edited">{english}</span>'
    claims = ""
    if row.claims:
        notes = "".join(f"<li>{html_text(note)}</li>" for note in row.claims)
        claims = f'<ul class="claims">{notes}</ul>'
    block = f' <span class="block">{html_text(row.block)}</span>' if row.block else ""
    return (
        f'<tr id="s{row.segment_id}"><td class="pos">{row.position}{block}</td>'
        f'<td class="ar" dir="rtl" lang="ar">{html_text(row.arabic)}</td>'
        f'<td class="en" lang="en">{english}{claims}</td>'
        f'<td><span class="status s-{html_text(row.status)}">{html_text(row.status_label)}</span>'
        f"{' ' + str(len(row.claims)) + ' claim(s)' if row.claims else ''}</td></tr>"
    )


def write_bilingual_html(document: PublishDocument, out: TextIO) -> int:
    title = f"Review copy: {document.info.title}"
    lines = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{html_text(title)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        f'<h1>Review copy: <span dir="auto">{html_text(document.info.title)}</span></h1>',
        *_meta(document),
        "<table>",
        "<thead><tr><th>#</th><th>Arabic</th><th>English</th><th>Status</th></tr></thead>",
    ]
    count = 0
    for _, group in groupby(review_rows(document), key=lambda row: row.paragraph):
        lines.append("<tbody>")
        for row in group:
            lines.append(_row(row))
            count += 1
        lines.append("</tbody>")
    lines += ["</table>", "</body>", "</html>", ""]
    out.write("\n".join(lines))
    return count
