"""What `workbench` with no command does: seed a fresh database, then open the terminal app.

When stdout is not a terminal (a script, a pipe, a test runner) it prints a summary instead.
"""

from __future__ import annotations

import sys

import click

from workbench.cli.context import CliContext, pass_context
from workbench.cli.output import echo
from workbench.cli.types import ROW_ID
from workbench.config import SEEDS_DIR, ConfigError
from workbench.ingest.sources import collect_sources, read_source
from workbench.services.glossary import seed_starter_glossary_if_empty
from workbench.services.importing import import_document
from workbench.store.database import Database
from workbench.store.queries import list_documents, status_counts


def seed_if_empty(database: Database, user: str) -> None:
    with database.read() as session:
        empty = not list_documents(session)
    if empty and SEEDS_DIR.is_dir():
        for path in collect_sources([SEEDS_DIR]):
            import_document(database, read_source(path), user)
        seed_starter_glossary_if_empty(database, user)  # the names and terms of the seeds


def print_summary(context: CliContext) -> None:
    with context.database().read() as session:
        documents = list_documents(session)
        counts = status_counts(session)
    echo(f"Database: {context.settings.db_url}")
    for document in documents:
        echo(f"  [{document.id}] {document.source_name}: {document.segment_count} segments")
    summary = ", ".join(f"{count} {status}" for status, count in sorted(counts.items()))
    echo(f"{len(documents)} documents; segments: {summary or 'none'}")


@click.command("start", hidden=True)
@pass_context
def start(context: CliContext) -> None:
    seed_if_empty(context.database(), context.settings.user)
    if sys.stdin.isatty() and sys.stdout.isatty():
        open_tui(context, None, translate=True)
    else:
        print_summary(context)


def open_tui(context: CliContext, document_id: int | None, *, translate: bool) -> None:
    from workbench.tui.app import run_app
    from workbench.tui.keymap import check_keymap

    try:
        check_keymap(context.settings.keymap)
    except ConfigError as error:
        raise click.UsageError(str(error)) from error
    run_app(context.settings, context.database(), document_id, translate=translate)


@click.command("tui")
@click.option("--doc", "document_id", type=ROW_ID, metavar="ID", help="Open this document first.")
@click.option("--no-mt", is_flag=True, help="Do not start machine translation in the background.")
@pass_context
def tui_command(context: CliContext, document_id: int | None, no_mt: bool) -> None:
    """Open the workbench screen (what `workbench` alone does on a terminal)."""
    seed_if_empty(context.database(), context.settings.user)
    open_tui(context, document_id, translate=not no_mt)


def register(group: click.Group) -> None:
    group.add_command(tui_command)
