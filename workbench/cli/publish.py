"""`workbench export article|bilingual|xliff OUT --doc ID`: one document for publishing, for a
reviewer, or for an outside translator's CAT tool. Registered on the `export` group in
cli/export.py."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

import click

from workbench.cli.context import CliContext, pass_context
from workbench.cli.output import echo, plural
from workbench.cli.types import ROW_ID

if TYPE_CHECKING:
    from workbench.export.publishing import PublishJob

# The writers (python-docx, lxml) and the database are imported inside the commands.

ARTICLE_FORMATS = ("txt", "md", "docx", "html")
BILINGUAL_FORMATS = ("docx", "html")
MISSING = ("fail", "mt", "source", "mark")
_ATOMIC = (
    "OUT is written to a temporary file beside it and renamed when complete: an existing OUT is "
    "replaced, and a refused or interrupted export leaves the previous file as it was."
)

out_argument = click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
document_option = click.option(
    "--doc", "document_id", type=ROW_ID, metavar="ID", required=True, help="The document."
)


def _run(context: CliContext, job: PublishJob, unit: str) -> int:
    from workbench.cli.progress import progress_bar
    from workbench.export.publishing import run_publish

    with ExitStack() as stack:

        def start(total: int) -> Callable[[int], None]:
            return stack.enter_context(progress_bar("Exporting", total, "sentences"))

        written = run_publish(context.database(), job, start)
    echo(f"wrote {plural(written, unit)} of document {job.document_id} to {job.path}")
    return written


@click.command("article", epilog=_ATOMIC)
@out_argument
@document_option
@click.option(
    "--format",
    "file_format",
    type=click.Choice(ARTICLE_FORMATS),
    help="txt, md (Markdown), docx (Word) or html [default: from OUT's extension].",
)
@click.option(
    "--missing",
    type=click.Choice(MISSING),
    default="fail",
    show_default=True,
    help="Sentences without English: fail (name them, write nothing); mt (use the machine "
    "translation); source (keep the Arabic); mark (write [untranslated sentence N]).",
)
@pass_context
def export_article(
    context: CliContext, out: Path, document_id: int, file_format: str | None, missing: str
) -> None:
    """Write the finished English article of a document to OUT.

    The title, then the paragraphs in the source's structure (headings, list items,
    quotations), each the English of its sentences. A target a reviewer rejected counts as
    missing.
    """
    from workbench.export.publishing import PublishJob, choose_format

    chosen = choose_format(out, file_format, ARTICLE_FORMATS, "article")
    _run(context, PublishJob("article", out, document_id, chosen, missing), "paragraph")


@click.command("bilingual", epilog=_ATOMIC)
@out_argument
@document_option
@click.option(
    "--format",
    "file_format",
    type=click.Choice(BILINGUAL_FORMATS),
    help="docx (Word) or html [default: from OUT's extension].",
)
@pass_context
def export_bilingual(
    context: CliContext, out: Path, document_id: int, file_format: str | None
) -> None:
    """Write a bilingual review copy to OUT: Arabic (right to left) beside the English,
    sentence by sentence, with each sentence's status and claims.

    Where a sentence has no English yet, its machine translation is shown in italics.
    """
    from workbench.export.publishing import PublishJob, choose_format

    chosen = choose_format(out, file_format, BILINGUAL_FORMATS, "bilingual copy")
    _run(context, PublishJob("bilingual", out, document_id, chosen), "sentence")


@click.command("xliff", epilog=_ATOMIC)
@out_argument
@document_option
@click.option(
    "--version",
    "xliff_version",
    type=click.Choice(("1.2", "2.0")),
    default="1.2",
    show_default=True,
    help="XLIFF version: 1.2 (Trados, memoQ, OmegaT, MateCat) or 2.0.",
)
@click.option(
    "--copy-source",
    is_flag=True,
    help="Put the Arabic in the target of untranslated sentences (OmegaT 3.6 translates "
    "<target> text only).",
)
@pass_context
def export_xliff(
    context: CliContext, out: Path, document_id: int, xliff_version: str, copy_source: bool
) -> None:
    """Write a document as XLIFF to OUT for a translator's CAT tool, one unit per sentence.

    Bring the translations back with `workbench import-xliff FILE`: units keep the segment ids,
    and the file names the document and what each sentence was at the export, so English
    changed in the workbench meanwhile is not overwritten.
    """
    from workbench.export.publishing import PublishJob
    from workbench.export.xliff import XliffOptions

    options = XliffOptions(xliff_version, copy_source)
    job = PublishJob("xliff", out, document_id, "xliff", xliff=options)
    _run(context, job, "unit")
