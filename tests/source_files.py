"""Source files the import tests build: Arabic news pages with the clutter real sites have, Word
files, Markdown, XLIFF. Each builder returns what the article holds, in order, so that a test can
compare the import with it (and with an independent reader: pandoc, lxml, translate-toolkit).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

SEEDS_DIR = Path(__file__).resolve().parents[1] / "seeds"

# What a news site puts around an article: none of it may be imported.
CLUTTER = (
    "الصفحة الرئيسية للموقع",  # menu
    "أقسام رياضة واقتصاد وثقافة",
    "إعلان: اشترك الآن في النشرة البريدية واحصل على خصم خاص",
    "اقرأ أيضا",
    "الكرملين يعلق على نتائج الزيارة المرتقبة",
    "أسعار النفط ترتفع في الأسواق الآسيوية",
    "تعليق من قارئ: مقال رائع جدا وشكرا للكاتب",
    "جميع الحقوق محفوظة لوكالة الأنباء العربية",
    "var trackingPixel",
)


@dataclass(frozen=True)
class Article:
    """An article's paragraphs in order, each with its block kind (None for body text)."""

    title: str
    blocks: list[tuple[str | None, str]]

    @property
    def texts(self) -> list[str]:
        return [text for _, text in self.blocks]


def seed_article(path: Path) -> Article:
    """A seed's lines as an article: its first line the headline (h1), a subheading (h2) before
    the second half, and its shortest lines a bulleted list at the end."""
    lines = [" ".join(line.split()) for line in path.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if len(line) > 40]
    # A page does not print a paragraph twice in a row (seed 000 does, as pasted).
    lines = [line for index, line in enumerate(lines) if index == 0 or line != lines[index - 1]]
    head, body = lines[0], lines[1:]
    half = len(body) // 2
    blocks: list[tuple[str | None, str]] = [("h1", head)]
    blocks += [(None, line) for line in body[:half]]
    blocks.append(("h2", "تفاصيل إضافية حول الخبر"))
    blocks += [(None, line) for line in body[half:]]
    blocks += [("li", "النقطة الأولى في ملخص الخبر"), ("li", "النقطة الثانية في ملخص الخبر")]
    blocks.append(("quote", "«هذه الزيارة تاريخية» كما قال المتحدث باسم الرئاسة."))
    return Article(head, blocks)


def _article_html(article: Article) -> str:
    parts: list[str] = []
    in_list = False
    for kind, text in article.blocks:
        if kind == "li" and not in_list:
            parts.append("<ul>")
            in_list = True
        if kind != "li" and in_list:
            parts.append("</ul>")
            in_list = False
        escaped = html.escape(text)
        if kind is None:
            parts.append(f"<p>{escaped}</p>")
        elif kind == "li":
            parts.append(f"<li>{escaped}</li>")
        elif kind == "quote":
            parts.append(f"<blockquote><p>{escaped}</p></blockquote>")
        else:
            parts.append(f"<{kind}>{escaped}</{kind}>")
    if in_list:
        parts.append("</ul>")
    return "\n".join(parts)


def news_page(
    article: Article,
    *,
    url: str = "https://news.example.com/2023/11/10/putin-kazakhstan",
    outlet: str = "وكالة الأنباء العربية",
    author: str = "سامي الأحمد",
    published: str = "2023-11-10T08:30:00+00:00",
) -> str:
    """A saved news page: the article amid a menu, an ad, "read also" links, comments, a footer
    and scripts, in Arabic, as real sites have them."""
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{html.escape(article.title)} | {html.escape(outlet)}</title>
<link rel="canonical" href="{url}">
<meta property="og:site_name" content="{html.escape(outlet)}">
<meta name="author" content="{html.escape(author)}">
<meta property="article:published_time" content="{published}">
<script>var trackingPixel = "إعلان"; window.ads = [];</script>
<style>.ad {{ color: red }}</style>
</head><body>
<header><nav class="menu"><ul><li><a href="/">{CLUTTER[0]}</a></li>
<li><a href="/sections">{CLUTTER[1]}</a></li></ul></nav></header>
<div class="ad banner">{CLUTTER[2]}</div>
<main><article class="story">
{_article_html(article)}
</article>
<aside class="related"><h3>{CLUTTER[3]}</h3><ul>
<li><a href="/a">{CLUTTER[4]}</a></li><li><a href="/b">{CLUTTER[5]}</a></li></ul></aside>
<section id="comments" class="comments"><h3>التعليقات</h3>
<div class="comment"><p>{CLUTTER[6]}</p></div></section>
</main>
<footer class="site-footer"><p>{CLUTTER[7]}</p></footer>
<script>document.write("{CLUTTER[8]}");</script>
</body></html>
"""


def seed_paths() -> list[Path]:
    return sorted(SEEDS_DIR.glob("*.txt"))


def write_docx(article: Article, path: Path, *, title: str | None = None) -> Path:
    """The article as a Word file made by python-docx: headings by style ("Heading N"), list
    items in "List Bullet", quotations in "Quote"."""
    import docx

    document = docx.Document()
    if title is not None:
        document.core_properties.title = title
    document.core_properties.author = "سامي الأحمد"
    for kind, text in article.blocks:
        if kind is not None and kind.startswith("h"):
            document.add_heading(text, level=int(kind[1]))
        elif kind == "li":
            document.add_paragraph(text, style="List Bullet")
        elif kind == "quote":
            document.add_paragraph(text, style="Quote")
        else:
            document.add_paragraph(text)
    document.save(str(path))
    return path


def markdown_text(article: Article) -> str:
    """The article in Markdown: ATX headings, "-" list items, ">" quotations."""
    lines: list[str] = []
    for kind, text in article.blocks:
        if kind is not None and kind.startswith("h"):
            lines.append(f"{'#' * int(kind[1])} {text}")
        elif kind == "li":
            lines.append(f"- {text}")
        elif kind == "quote":
            lines.append(f"> {text}")
        else:
            lines.append(text)
        lines.append("")
    return "\n".join(lines)


def pandoc_blocks(path: Path, reader: str) -> list[tuple[str | None, str]]:
    """What pandoc reads from the file: (block kind, text) in order, from its JSON AST."""
    import json
    import subprocess

    output = subprocess.run(
        ["pandoc", "-f", reader, "-t", "json", str(path)],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    found: list[tuple[str | None, str]] = []
    for block in json.loads(output)["blocks"]:
        _pandoc_block(block, None, found)
    return found


def _pandoc_block(block: dict, kind: str | None, found: list[tuple[str | None, str]]) -> None:  # type: ignore[type-arg]
    tag, content = block["t"], block.get("c")
    if tag in {"Para", "Plain"}:
        found.append((kind, _inline_text(content)))
    elif tag == "Header":
        found.append((f"h{content[0]}", _inline_text(content[2])))
    elif tag == "BulletList" or tag == "OrderedList":
        items = content if tag == "BulletList" else content[1]
        for item in items:
            for inner in item:
                _pandoc_block(inner, "li", found)
    elif tag == "BlockQuote":
        for inner in content:
            _pandoc_block(inner, "quote", found)
    elif tag == "Div":
        for inner in content[1]:
            _pandoc_block(inner, kind, found)


def _inline_text(inlines: list) -> str:  # type: ignore[type-arg]
    parts: list[str] = []
    for inline in inlines:
        tag, content = inline["t"], inline.get("c")
        if tag == "Str":
            parts.append(content)
        elif tag in {"Space", "SoftBreak", "LineBreak"}:
            parts.append(" ")
        elif tag in {"Emph", "Strong", "Underline", "Strikeout", "SmallCaps"}:
            parts.append(_inline_text(content))
        elif tag in {"Span", "Link"}:
            parts.append(_inline_text(content[1]))
        elif tag == "Quoted":
            mark = "“”" if content[0]["t"] == "DoubleQuote" else "‘’"
            parts.append(mark[0] + _inline_text(content[1]) + mark[1])
    return " ".join("".join(parts).split())


def xliff_12(units: list[tuple[str, str | None, str | None]], language: str = "ar") -> str:
    """XLIFF 1.2: one trans-unit per (source, target, state)."""
    body = "\n".join(
        f'<trans-unit id="{number}"><source>{html.escape(source)}</source>'
        + (
            ""
            if target is None
            else f"<target{f' state={chr(34)}{state}{chr(34)}' if state else ''}>"
            f"{html.escape(target)}</target>"
        )
        + "</trans-unit>"
        for number, (source, target, state) in enumerate(units, start=1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        f'<file original="article.txt" source-language="{language}" target-language="en" '
        f'datatype="plaintext"><body>\n{body}\n</body></file></xliff>\n'
    )


def xliff_20(units: list[list[tuple[str, str | None, str | None]]]) -> str:
    """XLIFF 2.0: one unit per paragraph, one segment per (source, target, state)."""
    parts: list[str] = []
    for number, segments in enumerate(units, start=1):
        inner = "".join(
            f"<segment{f' state={chr(34)}{state}{chr(34)}' if state else ''}>"
            f"<source>{html.escape(source)}</source>"
            + ("" if target is None else f"<target>{html.escape(target)}</target>")
            + "</segment>"
            for source, target, state in segments
        )
        parts.append(f'<unit id="u{number}">{inner}</unit>')
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ar" '
        f'trgLang="en"><file id="f1">\n{chr(10).join(parts)}\n</file></xliff>\n'
    )
