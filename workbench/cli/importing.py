"""`workbench import PATH|URL...`: articles in any kind the readers know (ingest/readers)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from workbench.cli.context import CliContext, pass_context
from workbench.cli.output import echo, plural
from workbench.errors import InputError
from workbench.files.inputs import text_cap

if TYPE_CHECKING:
    from workbench.cli.progress import Advance
    from workbench.files.inputs import SizeCap
    from workbench.ingest.sources import ParsedDocument
    from workbench.services.importing import ImportOutcome

# Readers, services and rich are imported inside the command (cli/lazy.py: --help stays light).

BIDI_SHOWN_PER_FILE = 5
ECHO_LINES = 1_000  # lines per echo (see _store)


def _read_all(
    sources: list[Path | str], advance: Advance, cap: SizeCap, timeout: float
) -> list[ParsedDocument]:
    """Read and check every file (and fetch every page) before writing any, so one bad source
    stops the whole import."""
    from workbench.ingest.readers import read_document, read_url

    problems: list[str] = []
    parsed: list[ParsedDocument] = []
    for source in sources:
        try:
            if isinstance(source, str):
                parsed.append(read_url(source, cap, timeout))
            else:
                parsed.append(read_document(source, cap))
        except InputError as error:
            problems.append(str(error))
        advance(1)
    if problems:
        listing = "\n  ".join(problems)
        raise InputError(f"nothing was imported; fix these files first:\n  {listing}")
    return parsed


def _warn_bidi(document: ParsedDocument) -> None:
    """Bidi controls can make a sentence read differently from what is stored: say where."""
    for mark in document.bidi[:BIDI_SHOWN_PER_FILE]:
        echo(
            f"warning: {document.label}: {mark.describe()}: a bidi control that can reorder or "
            "hide text; imported as written, listed by `workbench check`",
            err=True,
        )
    hidden = len(document.bidi) - BIDI_SHOWN_PER_FILE
    if hidden > 0:
        echo(f"warning: {document.label}: {plural(hidden, 'more bidi control')}", err=True)


def _sources(arguments: tuple[str, ...]) -> list[Path | str]:
    """The files (folders searched) and URLs named, in order; a URL stays a string."""
    from workbench.ingest.readers.web import check_url, is_url
    from workbench.ingest.sources import collect_sources

    found: list[Path | str] = []
    for argument in arguments:
        if is_url(argument):
            found.append(check_url(argument))
        else:
            found.extend(collect_sources([Path(argument)]))
    # By text, as collect_sources: a path's is never a URL's (a Path has no "//").
    return list({str(source): source for source in found}.values())


@click.command("import")
@click.argument("paths", nargs=-1, required=True, metavar="PATH|URL...")
@click.option(
    "--timeout",
    type=click.FloatRange(0.1, 600),
    default=20.0,
    show_default=True,
    help="Seconds to wait for a web page's server, at connecting and at each read.",
)
@pass_context
def import_command(context: CliContext, paths: tuple[str, ...], timeout: float) -> None:
    """Import articles (files, folders of them, or web pages) as documents cut into sentences.

    Kinds, by extension: .txt (UTF-8, a paragraph a line), .md (Markdown: headings and list
    items are paragraphs of their own), .html/.htm (a saved news page: its article only, with
    title, address, outlet, author and date), .docx (Word: paragraphs, headings, list items),
    .xlf/.xliff (XLIFF 1.2 or 2.0: sources become segments, targets "import" revisions). An
    http:// or https:// address is fetched (with --timeout and the max_text_file_mb cap) and
    read as a web page. Other extensions are read as plain text.

    Every source is checked before any is stored; documents are stored in transactions of whole
    documents, so an interrupted import can simply be run again. Importing content that is
    already in the database adds nothing (a web page's article counts, not its ads). Bidi control
    characters (which can hide or reorder text) are imported as written and reported.
    """
    from workbench.cli.progress import progress_bar

    sources = _sources(paths)
    with progress_bar("Checking", total=len(sources), unit="files") as advance:
        cap = text_cap(context.settings.max_text_file_mb)
        parsed = _read_all(sources, advance, cap, timeout)
        for document in parsed:
            if document.bidi:
                _warn_bidi(document)
        advance.restart("Importing", total=len(parsed))
        added = _store(context, parsed, advance)
    for outcome in added:
        if outcome.targets:
            echo(
                f"kept    {plural(outcome.targets, 'translation')} of document "
                f"{outcome.document_id} from the file (origin import)"
            )
        if outcome.filled:
            echo(
                f"filled  {plural(outcome.filled, 'segment')} of document {outcome.document_id} "
                "from the memory"
            )
    skipped = len(parsed) - len(added)
    echo(
        f"{plural(len(added), 'document')} and "
        f"{plural(sum(o.segments for o in added), 'segment')} added"
        + (f"; {skipped} already present" if skipped else "")
    )


def _store(
    context: CliContext, parsed: list[ParsedDocument], advance: Advance
) -> list[ImportOutcome]:
    """Store the documents, saying what became of each file; the outcomes of those added."""
    from workbench.services.importing import import_documents

    added: list[ImportOutcome] = []
    # One echo per committed batch's worth of lines, not per file: click.echo flushes on every
    # call (a write to the terminal or pipe per file of a 100,000-file folder). Outcomes come
    # only after their batch is committed, so what is held back is always stored already, and
    # it is printed even when a later batch fails.
    lines: list[str] = []
    try:
        for outcome in import_documents(context.database(), parsed, context.settings.user):
            if outcome.added:
                added.append(outcome)
                lines.append(
                    f"added   {outcome.name}: document {outcome.document_id}, "
                    f"{plural(outcome.segments, 'segment')}"
                )
            else:
                lines.append(
                    f"skipped {outcome.name}: already imported as document {outcome.document_id}"
                )
            advance(1)
            if len(lines) == ECHO_LINES:
                echo("\n".join(lines))
                lines.clear()
    finally:
        if lines:
            echo("\n".join(lines))
    return added
