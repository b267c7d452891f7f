"""Running a publishing export (article, bilingual copy, XLIFF) to a file.

The format comes from the caller or OUT's extension; where OUT may be is checked before the
database is read; the document is read in one read transaction and written to a temporary file
renamed over OUT when complete (atomic.py), so a refused export (`--missing fail`) or a crash
writes nothing.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from workbench.errors import InputError
from workbench.export.article import Article, build_article
from workbench.export.article_docx import write_docx
from workbench.export.article_html import write_html
from workbench.export.article_text import write_markdown, write_text
from workbench.export.atomic import atomic_output
from workbench.export.bilingual_docx import write_bilingual_docx
from workbench.export.bilingual_html import write_bilingual_html
from workbench.export.document_read import PublishDocument, count_sentences, read_document
from workbench.export.xliff import XliffOptions, write_xliff
from workbench.files.outputs import writable_target
from workbench.store.database import Database
from workbench.store.files import database_files

ARTICLE_FORMATS = ("txt", "md", "docx", "html")
BILINGUAL_FORMATS = ("docx", "html")
EXTENSIONS = {".txt": "txt", ".md": "md", ".markdown": "md", ".docx": "docx", ".html": "html"}
EXTENSIONS[".htm"] = "html"
# Told the number of sentences once known, returns the `advance(n)` to call while reading.
ProgressStart = Callable[[int], Callable[[int], None]]


@dataclass(frozen=True, slots=True)
class PublishJob:
    kind: str  # "article", "bilingual" or "xliff"
    path: Path
    document_id: int
    format: str
    missing: str = "fail"  # article only
    xliff: XliffOptions | None = None  # xliff only


def choose_format(path: Path, given: str | None, allowed: tuple[str, ...], what: str) -> str:
    """`given`, else the format OUT's extension names; InputError when neither is allowed."""
    chosen = given or EXTENSIONS.get(path.suffix.lower())
    if chosen not in allowed:
        names = "|".join(allowed)
        raise InputError(
            f"{path}: cannot tell the {what} format from the name; end it in "
            f"{', '.join('.' + name for name in allowed)} or give --format {names}"
        )
    return chosen


def _render(
    job: PublishJob, document: PublishDocument, article: Article | None, out: IO[bytes]
) -> int:
    if job.kind == "xliff":
        return write_xliff(document, out, job.xliff or XliffOptions())
    if job.kind == "bilingual":
        if job.format == "docx":
            return write_bilingual_docx(document, out)
        return _as_text(out, lambda text: write_bilingual_html(document, text))
    assert article is not None
    if job.format == "docx":
        return write_docx(article, out)
    writer = {"txt": write_text, "md": write_markdown, "html": write_html}[job.format]
    return _as_text(out, lambda text: writer(article, text))


def _as_text(out: IO[bytes], write: Callable[[io.TextIOWrapper], int]) -> int:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="\n")
    try:
        return write(text)
    finally:
        text.flush()
        text.detach()


def run_publish(database: Database, job: PublishJob, start: ProgressStart | None = None) -> int:
    """Write the export; returns how many paragraphs (article) or sentences it holds."""
    protected = database_files(database)
    writable_target(job.path, protected)  # "that is the database" before reading anything
    with database.read() as session:
        advance = start(count_sentences(session, job.document_id)) if start else None
        document = read_document(session, job.document_id, advance)
    # Built before the file is opened: a refusal (--missing fail) leaves not even a temporary file.
    article = build_article(document, job.missing) if job.kind == "article" else None
    with atomic_output(job.path, protected) as out:
        return _render(job, document, article, out)
