"""`workbench export tmx|csv OUT`: the exchange files other tools read.

`export` is a group so that other exports (claims) join it as subcommands.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

import click

from workbench.cli.claim_export import export_claims_command
from workbench.cli.context import CliContext, pass_context
from workbench.cli.output import echo, plural
from workbench.cli.publish import export_article, export_bilingual, export_xliff
from workbench.cli.types import ROW_ID
from workbench.export.floors import DEFAULT_FLOOR, STATUS_FLOORS

if TYPE_CHECKING:
    from workbench.export.files import ExportJob

# The writers, the row query and rich are imported inside the commands (cli/lazy.py).

_OVERWRITES = (
    "OUT is written to a temporary file beside it and renamed when complete: an existing OUT is "
    "replaced, and an interrupted export leaves the previous file as it was."
)

document_option = click.option(
    "--doc", "document_id", type=ROW_ID, metavar="ID", help="Only this document (default: all)."
)
status_option = click.option(
    "--status",
    "status_floor",
    type=click.Choice(list(STATUS_FLOORS)),
    default=DEFAULT_FLOOR,
    show_default=True,
    help="Lowest status to include: approved; reviewed and approved; translated and above; any.",
)
out_argument = click.argument("out", type=click.Path(dir_okay=False, path_type=Path))


def _export(context: CliContext, job: ExportJob) -> None:
    from workbench.cli.progress import progress_bar
    from workbench.export.files import run_export

    with ExitStack() as stack:

        def start(total: int) -> Callable[[int], None]:
            return stack.enter_context(progress_bar("Exporting", total, "segments"))

        written = run_export(context.database(), job, start)
    echo(f"wrote {plural(written, 'segment')} to {job.path}")


@click.group("export")
def export_group() -> None:
    """Write exchange files (TMX, CSV, XLIFF) and documents (article, bilingual copy)."""


@export_group.command("tmx", epilog=_OVERWRITES)
@out_argument
@document_option
@status_option
@click.option(
    "--include-mt",
    is_flag=True,
    help="Add the machine translation as a prop (x-mt); with --status any, also export "
    "segments that have only MT (their English side is the MT, origin mt).",
)
@pass_context
def export_tmx(
    context: CliContext,
    out: Path,
    document_id: int | None,
    status_floor: str,
    include_mt: bool,
) -> None:
    """Write a TMX 1.4b file (Arabic source, English target) to OUT."""
    from workbench.export.files import ExportJob
    from workbench.export.rows import ExportFilter

    export = ExportFilter(document_id, status_floor, include_mt)
    _export(context, ExportJob(out, "tmx", export, context.user))


@export_group.command("csv", epilog=_OVERWRITES)
@out_argument
@document_option
@status_option
@click.option("--bom", is_flag=True, help="Start with a UTF-8 BOM (for Excel).")
@pass_context
def export_csv(
    context: CliContext, out: Path, document_id: int | None, status_floor: str, bom: bool
) -> None:
    """Write a CSV table of segments to OUT, one line per segment.

    Columns: document, position, arabic, mt, english, status, editor, updated_at, claims.
    RFC 4180, UTF-8; cells a spreadsheet would run as a formula get a leading apostrophe.
    """
    from workbench.export.files import ExportJob
    from workbench.export.rows import ExportFilter

    export = ExportFilter(document_id, status_floor)
    _export(context, ExportJob(out, "csv", export, context.user, bom=bom))


export_group.add_command(export_claims_command, name="claims")
# Publishing (issue 15): one document as an article, a review copy or XLIFF (cli/publish.py).
export_group.add_command(export_article, name="article")
export_group.add_command(export_bilingual, name="bilingual")
export_group.add_command(export_xliff, name="xliff")
