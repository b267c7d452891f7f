"""`workbench import PATH...`"""

from __future__ import annotations

from pathlib import Path

import click

from workbench.cli.context import CliContext, pass_context
from workbench.cli.progress import progress_bar
from workbench.errors import InputError
from workbench.ingest.sources import ParsedDocument, collect_sources, read_source
from workbench.services.exact_matches import fill_exact_matches
from workbench.services.importing import import_document


def _read_all(paths: list[Path]) -> list[ParsedDocument]:
    """Read and check every file before writing any, so one bad file stops the whole import."""
    problems: list[str] = []
    parsed: list[ParsedDocument] = []
    for path in paths:
        try:
            parsed.append(read_source(path))
        except InputError as error:
            problems.append(str(error))
    if problems:
        listing = "\n  ".join(problems)
        raise InputError(f"nothing was imported; fix these files first:\n  {listing}")
    return parsed


def _fill_from_memory(context: CliContext, document_ids: list[int]) -> None:
    """Exact translation-memory matches go straight into the new documents (origin tm, draft)."""
    database = context.database()
    for document_id in document_ids:
        filled = fill_exact_matches(database, document_id, user_name=context.settings.user)
        if filled:
            click.echo(f"filled  {filled} segments of document {document_id} from the memory")


@click.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@pass_context
def import_command(context: CliContext, paths: tuple[Path, ...]) -> None:
    """Import UTF-8 .txt files (or folders of them) as documents cut into sentences.

    Importing a file whose content is already in the database adds nothing.
    """
    parsed = _read_all(collect_sources(paths))
    database = context.database()
    added_documents = added_segments = 0
    added: list[int] = []
    with progress_bar("Importing", total=len(parsed), unit="files") as advance:
        for document in parsed:
            outcome = import_document(database, document, context.settings.user)
            if outcome.added:
                added_documents += 1
                added_segments += outcome.segments
                added.append(outcome.document_id)
                click.echo(
                    f"added   {outcome.name}: document {outcome.document_id}, "
                    f"{outcome.segments} segments"
                )
            else:
                click.echo(
                    f"skipped {outcome.name}: already imported as document {outcome.document_id}"
                )
            advance(1)
    skipped = len(parsed) - added_documents
    _fill_from_memory(context, added)
    click.echo(
        f"{added_documents} documents and {added_segments} segments added"
        + (f"; {skipped} already present" if skipped else "")
    )


def register(group: click.Group) -> None:
    group.add_command(import_command)
