"""Reading exports back with the tools people use: pandoc (as JSON), LibreOffice, pdftotext."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

from tests.integration.publish.conftest import Built, need_tool

Block = tuple[str, str]  # (kind, text): "h2", "p", "li", "quote"


def stringify(inlines: list[dict[str, Any]]) -> str:
    parts: list[str] = []
    for inline in inlines:
        kind, content = inline["t"], inline.get("c")
        if kind == "Str":
            parts.append(content)
        elif kind in ("Space", "SoftBreak", "LineBreak"):
            parts.append(" ")
        elif kind in ("Emph", "Strong", "Underline", "SmallCaps", "Strikeout"):
            parts.append(stringify(content))
        elif kind in ("Span", "Link", "Quoted"):
            parts.append(stringify(content[1]))
        elif kind == "Code":
            parts.append(content[1])
    return " ".join("".join(parts).split())


def _blocks(blocks: list[dict[str, Any]], out: list[Block], inside: str | None = None) -> None:
    for block in blocks:
        kind, content = block["t"], block.get("c")
        if kind == "Header":
            out.append((f"h{content[0]}", stringify(content[2])))
        elif kind in ("Para", "Plain"):
            out.append((inside or "p", stringify(content)))
        elif kind == "BulletList":
            for item in content:
                _blocks(item, out, "li")
        elif kind == "BlockQuote":
            _blocks(content, out, "quote")
        elif kind == "Div":
            _blocks(content[1], out, inside)


def pandoc_read(path: Path, reader: str) -> tuple[dict[str, str], list[Block]]:
    """(metadata as text, blocks) of a document as pandoc reads it."""
    need_tool("pandoc")
    result = subprocess.run(
        ["pandoc", "-f", reader, "-t", "json", str(path)],
        capture_output=True,
        check=True,
        timeout=120,
    )
    document = json.loads(result.stdout)
    meta = {
        key: stringify(value["c"]) if value["t"] == "MetaInlines" else str(value.get("c"))
        for key, value in document["meta"].items()
    }
    blocks: list[Block] = []
    _blocks(document["blocks"], blocks)
    return meta, blocks


def expected_blocks(built: Built) -> list[Block]:
    """What the article's body should hold, from the test's own paragraphs (the first is the
    title): headings below the title go one level down to at least h2."""
    blocks: list[Block] = []
    for paragraph in built.paragraphs[1:]:
        block = paragraph.block
        heading = bool(block) and str(block).startswith("h")
        kind = f"h{max(2, int(str(block)[1]))}" if heading else block or "p"
        blocks.append((kind, paragraph.english_text))
    return blocks


def to_pdf(path: Path, workdir: Path) -> Path:
    """LibreOffice's PDF export of `path` (its own profile folder: parallel runs do not clash)."""
    need_tool("soffice")
    profile = workdir / "lo-profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(workdir),
            str(path),
        ],
        capture_output=True,
        check=True,
        timeout=240,
    )
    pdf = workdir / (path.stem + ".pdf")
    assert pdf.exists(), f"LibreOffice wrote no PDF for {path}"
    return pdf


def pdf_text(pdf: Path) -> str:
    need_tool("pdftotext")
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True, timeout=60
    )
    return " ".join(result.stdout.decode("utf-8").split())
