"""`workbench import PATH...`"""

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


def _read_all(paths: list[Path], advance: Advance, cap: SizeCap) -> list[ParsedDocument]:
    """Read and check every file before writing any, so one bad file stops the whole import."""
    from workbench.ingest.sources import read_source

    problems: list[str] = []
    parsed: list[ParsedDocument] = []
    for path in paths:
        try:
            parsed.append(read_source(path, cap))
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
            f"warning: {document.path}: {mark.describe()}: a bidi control that can reorder or "
            "hide text; imported as written, listed by `workbench check`",
            err=True,
        )
    hidden = len(document.bidi) - BIDI_SHOWN_PER_FILE
    if hidden > 0:
        echo(f"warning: {document.path}: {plural(hidden, 'more bidi control')}", err=True)


@click.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@pass_context
def import_command(context: CliContext, paths: tuple[Path, ...]) -> None:
    """Import UTF-8 .txt files (or folders of them) as documents cut into sentences.

    Every file is checked before any is stored; files are stored in transactions of whole
    documents, so an interrupted import can simply be run again. Importing a file whose content
    is already in the database adds nothing. Bidi control characters (which can hide or reorder
    text) are imported as written and reported as warnings.
    """
    from workbench.cli.progress import progress_bar
    from workbench.ingest.sources import collect_sources

    sources = collect_sources(paths)
    with progress_bar("Checking", total=len(sources), unit="files") as advance:
        parsed = _read_all(sources, advance, text_cap(context.settings.max_text_file_mb))
        for document in parsed:
            if document.bidi:
                _warn_bidi(document)
        advance.restart("Importing", total=len(parsed))
        added = _store(context, parsed, advance)
    for outcome in added:
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
    for outcome in import_documents(context.database(), parsed, context.settings.user):
        if outcome.added:
            added.append(outcome)
            echo(
                f"added   {outcome.name}: document {outcome.document_id}, "
                f"{plural(outcome.segments, 'segment')}"
            )
        else:
            echo(f"skipped {outcome.name}: already imported as document {outcome.document_id}")
        advance(1)
    return added
