"""`workbench import-xliff FILE`: an outside translator's XLIFF back into its document."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from workbench.cli.context import CliContext, pass_context
from workbench.cli.output import echo, json_line, plural

HELD_BACK_EXIT = 3  # as for any write refused because someone else's work came first


@click.command("import-xliff")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the outcome as one JSON object.")
@pass_context
def import_xliff_command(context: CliContext, file: Path, as_json: bool) -> None:
    """Bring the English of an XLIFF file exported by `workbench export xliff` back.

    Each changed target becomes a revision by you (origin import, status translated), all in
    one transaction. Sentences whose English was changed in the workbench since the export are
    not overwritten: they are listed and the exit status is 3. A file that belongs to no
    document in this database, or declares entities, is refused and nothing is written.
    """
    from workbench.files.inputs import memory_cap
    from workbench.ingest.xliff_return import read_returned_xliff
    from workbench.services.xliff_return import import_returned_xliff

    returned = read_returned_xliff(file, memory_cap(context.settings.max_memory_file_mb))
    outcome = import_returned_xliff(context.database(), returned, context.user)
    if as_json:
        echo(
            json_line(
                {
                    "document": outcome.document_id,
                    "imported": outcome.imported,
                    "unchanged": outcome.unchanged,
                    "untranslated": outcome.untranslated,
                    "held_back": [
                        {
                            "segment": held.segment_id,
                            "position": held.position,
                            "reason": held.reason,
                        }
                        for held in outcome.held_back
                    ],
                }
            )
        )
    else:
        echo(
            f"document {outcome.document_id}: {plural(len(outcome.imported), 'sentence')} "
            f"updated from {file.name}, {outcome.unchanged} unchanged, "
            f"{outcome.untranslated} still untranslated"
        )
        for held in outcome.held_back:
            echo(f"held back: sentence {held.position} (segment {held.segment_id}): {held.reason}")
    if outcome.held_back:
        echo(
            f"{plural(len(outcome.held_back), 'sentence')} held back; compare them with "
            "`workbench history ID` and edit by hand",
            err=True,
        )
        sys.exit(HELD_BACK_EXIT)
