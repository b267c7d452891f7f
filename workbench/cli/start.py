"""What `workbench` with no command does: make sure the seeds are in, then show a summary.

The terminal app replaces the summary once it lands; the seeding stays.
"""

from __future__ import annotations

import click

from workbench.cli.context import CliContext, pass_context
from workbench.config import SEEDS_DIR
from workbench.ingest.sources import collect_sources, read_source
from workbench.services.glossary import seed_starter_glossary_if_empty
from workbench.services.importing import import_document
from workbench.store.queries import list_documents, status_counts


@click.command("start", hidden=True)
@pass_context
def start(context: CliContext) -> None:
    database = context.database()
    with database.read() as session:
        empty = not list_documents(session)
    if empty and SEEDS_DIR.is_dir():
        for path in collect_sources([SEEDS_DIR]):
            import_document(database, read_source(path), context.settings.user)
        seed_starter_glossary_if_empty(database, context.settings.user)  # names of the seeds
    with database.read() as session:
        documents = list_documents(session)
        counts = status_counts(session)
    click.echo(f"Database: {context.settings.db_url}")
    for document in documents:
        click.echo(f"  [{document.id}] {document.source_name}: {document.segment_count} segments")
    summary = ", ".join(f"{count} {status}" for status, count in sorted(counts.items()))
    click.echo(f"{len(documents)} documents; segments: {summary or 'none'}")
