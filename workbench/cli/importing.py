"""`workbench import PATH...`"""

from __future__ import annotations

from pathlib import Path

import click

from workbench.cli.context import CliContext, pass_context
from workbench.cli.output import echo
from workbench.cli.progress import Advance, progress_bar
from workbench.errors import InputError
from workbench.ingest.sources import ParsedDocument, collect_sources, read_source
from workbench.services.exact_matches import fill_exact_matches
from workbench.services.importing import ImportOutcome, import_documents
from workbench.store.queries import memory_is_empty

BIDI_SHOWN_PER_FILE = 5


def _read_all(paths: list[Path], advance: Advance) -> list[ParsedDocument]:
    """Read and check every file before writing any, so one bad file stops the whole import."""
    problems: list[str] = []
    parsed: list[ParsedDocument] = []
    for path in paths:
        try:
            parsed.append(read_source(path))
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
        echo(f"warning: {document.path}: {hidden} more bidi controls", err=True)


def _fill_from_memory(context: CliContext, document_ids: list[int]) -> None:
    """Exact translation-memory matches go straight into the new documents (origin tm, draft)."""
    database = context.database()
    with database.read() as session:
        if memory_is_empty(session):
            return  # nothing to fill from: spare a 100,000-file import 100,000 transactions
    for document_id in document_ids:
        filled = fill_exact_matches(database, document_id, user_name=context.settings.user)
        if filled:
            echo(f"filled  {filled} segments of document {document_id} from the memory")


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
    sources = collect_sources(paths)
    with progress_bar("Checking", total=len(sources), unit="files") as advance:
        parsed = _read_all(sources, advance)
        for document in parsed:
            if document.bidi:
                _warn_bidi(document)
        advance.restart("Importing", total=len(parsed))
        added = _store(context, parsed, advance)
    _fill_from_memory(context, [outcome.document_id for outcome in added])
    skipped = len(parsed) - len(added)
    echo(
        f"{len(added)} documents and {sum(o.segments for o in added)} segments added"
        + (f"; {skipped} already present" if skipped else "")
    )


def _store(
    context: CliContext, parsed: list[ParsedDocument], advance: Advance
) -> list[ImportOutcome]:
    """Store the documents, saying what became of each file; the outcomes of those added."""
    added: list[ImportOutcome] = []
    for outcome in import_documents(context.database(), parsed, context.settings.user):
        if outcome.added:
            added.append(outcome)
            echo(
                f"added   {outcome.name}: document {outcome.document_id}, "
                f"{outcome.segments} segments"
            )
        else:
            echo(f"skipped {outcome.name}: already imported as document {outcome.document_id}")
        advance(1)
    return added


def register(group: click.Group) -> None:
    group.add_command(import_command)
