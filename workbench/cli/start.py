"""What `workbench` with no command does: open the terminal app (which seeds a new database).

When stdout is not a terminal (a script, a pipe, a test runner) it prints a summary instead and
writes nothing: a script asking what is there should not fill the database with samples.
"""

from __future__ import annotations

import sys

import click

from workbench.cli.collector import resume_collector
from workbench.cli.context import CliContext, pass_context
from workbench.cli.output import echo, plural
from workbench.cli.types import ROW_ID
from workbench.config import ConfigError

# The database, readers and services are imported inside the commands (cli/lazy.py).


def print_summary(context: CliContext) -> None:
    from workbench.store.queries import list_documents, status_counts

    with context.database().read() as session:
        documents = list_documents(session)
        counts = status_counts(session)
    echo(f"Database: {context.settings.db_url}")
    for document in documents:
        segments = plural(document.segment_count, "segment")
        echo(f"  [{document.id}] {document.source_name}: {segments}")
    summary = ", ".join(f"{count} {status}" for status, count in sorted(counts.items()))
    echo(f"{plural(len(documents), 'document')}; segments: {summary or 'none'}")
    if not documents:
        echo(
            "Add documents with `workbench import FILE...`, or the sample articles and the "
            "starter glossary with `workbench init --seed` (the screen, `workbench` on a "
            "terminal, starts a new database with them too)."
        )


@click.command("start", hidden=True)
@pass_context
def start(context: CliContext) -> None:
    if sys.stdin.isatty() and sys.stdout.isatty():
        open_tui(context, None, translate=True)
    else:
        print_summary(context)


def open_tui(context: CliContext, document_id: int | None, *, translate: bool) -> None:
    from workbench.tui.app import run_app
    from workbench.tui.keys.keymap import check_keymap

    resume_collector()  # the screen's modules are loaded
    try:
        check_keymap(context.settings.keymap)
    except ConfigError as error:
        raise click.UsageError(str(error)) from error
    database = context.database()  # first: opening it settles who the user is
    run_app(context.settings, database, document_id, translate=translate)


@click.command("tui")
@click.option("--doc", "document_id", type=ROW_ID, metavar="ID", help="Open this document first.")
@click.option("--no-mt", is_flag=True, help="Do not start machine translation in the background.")
@pass_context
def tui_command(context: CliContext, document_id: int | None, no_mt: bool) -> None:
    """Open the workbench screen (what `workbench` alone does on a terminal)."""
    open_tui(context, document_id, translate=not no_mt)


@click.command("init")
@click.option(
    "--seed", is_flag=True, help="Fill an empty database with the sample articles and glossary."
)
@pass_context
def init_command(context: CliContext, seed: bool) -> None:
    """Create the database (or bring its schema up to date) and print what it holds."""
    if seed:
        from workbench.services.seeding import seed_if_empty

        seed_if_empty(context.database(), context.settings.user)
    print_summary(context)
