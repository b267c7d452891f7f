"""`workbench import-tm FILE`: translation memories from CAT tools and spreadsheets."""

from __future__ import annotations

from pathlib import Path

import click

from workbench.cli.context import CliContext, pass_context
from workbench.cli.output import echo, plural
from workbench.files.inputs import memory_cap

# The readers (lxml) and the service are imported inside the command (cli/lazy.py).


@click.command("import-tm")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@pass_context
def import_tm_command(context: CliContext, file: Path) -> None:
    """Import a translation memory from FILE (.tmx, or .csv as written by `export csv` or with
    the header ar,en).

    Every Arabic-English pair becomes a TM entry (importing a file again adds nothing). Segments
    with the same Arabic (up to spelling variants) and no English yet get the pair's English as
    an "import" revision, status translated (draft when the file says new, draft or rejected);
    English someone already wrote is never replaced. A file with a DOCTYPE that declares
    entities, or that is malformed, is refused whole, with the line named.
    """
    from workbench.ingest.tmfiles import TmFile
    from workbench.services.tm import import_tm

    source = TmFile(file, memory_cap(context.settings.max_memory_file_mb))
    outcome = import_tm(context.database(), source.pairs(), file.name, context.settings.user)
    echo(
        f"read {plural(outcome.pairs, 'pair')} from {file.name}: "
        f"{plural(outcome.entries_added, 'new TM entry')}, "
        f"{outcome.entries_present} already in the TM"
    )
    echo(
        f"{plural(outcome.targets_set, 'segment')} got an English target; "
        f"{plural(outcome.targets_kept, 'matching segment')} kept the English they had"
    )
    for reason, count in sorted(source.skipped.items()):
        echo(f"skipped {count}: {reason}")
