"""`workbench glossary add|list|import|export`: the desk's Arabic -> English terms."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from workbench.cli.context import CliContext, pass_context
from workbench.cli.output import echo, echo_header, json_line, plural
from workbench.cli.types import TEXT
from workbench.errors import InputError
from workbench.files.inputs import text_cap

if TYPE_CHECKING:
    from workbench.services.glossary import GlossaryWrite

# The database and services are imported inside the commands (cli/lazy.py).


@click.group("glossary")
def glossary_group() -> None:
    """Arabic terms and the English to use for them, matched across spelling variants."""


@glossary_group.command("add")
@click.argument("term_ar", type=TEXT)
@click.argument("term_en", type=TEXT)
@click.option(
    "--note", type=TEXT, help="Shown beside the term in the editor (context, full name...)."
)
@pass_context
def add_command(context: CliContext, term_ar: str, term_en: str, note: str | None) -> None:
    """Add TERM_AR (Arabic) with its English TERM_EN; a known pair gets the new --note."""
    from workbench.services.glossary import add_term

    outcome = add_term(context.database(), term_ar, term_en, note, context.settings.user)
    if outcome.added:
        echo(f"added term {outcome.added[0]}: {term_ar.strip()} -> {term_en.strip()}")
    elif outcome.updated:
        echo(f"updated the note of term {outcome.updated[0]}")
    else:
        echo("already in the glossary; nothing changed")


@glossary_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@pass_context
def list_command(context: CliContext, as_json: bool) -> None:
    """List every term, in Arabic alphabetical order of its normalised form."""
    from workbench.glossary.loading import list_terms

    if not as_json:
        echo_header(f"{'id':>5}  arabic  ->  english  (note)")
    with context.database().read() as session:
        for term in list_terms(session):
            if as_json:
                data = {
                    "id": term.id,
                    "term_ar": term.term_ar,
                    "term_en": term.term_en,
                    "note": term.note,
                    "term_ar_norm": term.term_ar_norm,
                }
                echo(json_line(data))
            else:
                note = f"  ({term.note})" if term.note else ""
                echo(f"{term.id:>5}  {term.term_ar}  ->  {term.term_en}{note}")


def _report(outcome: GlossaryWrite) -> None:
    echo(outcome.summary())


@glossary_group.command("import")
@click.argument("path", required=False, type=click.Path(path_type=Path))
@click.option("--starter", is_flag=True, help="Import the starter glossary shipped with workbench.")
@pass_context
def import_command(context: CliContext, path: Path | None, starter: bool) -> None:
    """Import terms from a CSV file (columns term_ar, term_en, note) or the --starter glossary.

    Every line is checked first; one bad line stops the import with nothing written. Pairs already
    present are kept; a non-empty note in the file replaces theirs.
    """
    from workbench.services.glossary import import_csv, import_starter

    if (path is None) == (not starter):
        raise InputError("give either a CSV file or --starter (not both)")
    database = context.database()
    if starter:
        _report(import_starter(database, context.settings.user))
    else:
        assert path is not None
        cap = text_cap(context.settings.max_text_file_mb)
        _report(import_csv(database, path, context.settings.user, cap))


@glossary_group.command("export")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@pass_context
def export_command(context: CliContext, path: Path) -> None:
    """Write every term to a CSV file (RFC 4180, UTF-8) that `glossary import` reads back."""
    from workbench.glossary.csvfile import write_terms
    from workbench.glossary.loading import list_terms
    from workbench.store.files import database_files

    database = context.database()
    with database.read() as session:
        terms = [(term.term_ar, term.term_en, term.note) for term in list_terms(session)]
    count = write_terms(path, terms, database_files(database))
    echo(f"{plural(count, 'term')} written to {path}")
