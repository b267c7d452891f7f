"""`workbench export claims`: claims as JSON Lines, CSV or schema.org ClaimReview (JSON-LD)."""

from __future__ import annotations

from pathlib import Path

import click

from workbench.cli.claims import STATUS_NAMES
from workbench.cli.context import CliContext, pass_context
from workbench.cli.output import echo, plural
from workbench.cli.types import ROW_ID, TEXT
from workbench.export.claim_formats import FORMATS, claims_format
from workbench.store.vocabulary import ClaimStatus

# The database, services and writers are imported inside the command (cli/lazy.py).


@click.command("claims")
@click.argument("out", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--format",
    "file_format",
    type=click.Choice(FORMATS),
    help="Default: from OUT's extension (.jsonl, .csv; .jsonld or .json for claimreview).",
)
@click.option("--doc", "document_id", type=ROW_ID, metavar="ID", help="Only this document.")
@click.option(
    "--status",
    "statuses",
    multiple=True,
    type=click.Choice([*STATUS_NAMES, "any"]),
    help="Only claims with this status; repeatable. Default: all, but for claimreview only "
    "approved ones (--status any for all).",
)
@click.option(
    "--organisation",
    type=TEXT,
    metavar="NAME",
    help="ClaimReview author (default: claimreview_author setting, else the reviewer).",
)
@click.option(
    "--base-url",
    type=TEXT,
    metavar="URL",
    help="ClaimReview url: URL plus the claim id (default: claimreview_base_url setting).",
)
@pass_context
def export_claims_command(
    context: CliContext,
    /,
    *,
    out: Path,
    file_format: str | None,
    document_id: int | None,
    statuses: tuple[str, ...],
    organisation: str | None,
    base_url: str | None,
) -> None:
    """Write claims to OUT as JSON Lines, CSV or schema.org ClaimReview (JSON-LD)."""
    from workbench.export.claims import export_claims
    from workbench.files.outputs import writable_target
    from workbench.store.claim_queries import list_claims
    from workbench.store.files import database_files

    database = context.database()
    writable_target(out, database_files(database))  # "that is the database" before all else
    chosen = claims_format(out, file_format)  # before reading: a wrong name writes nothing
    settings = context.settings
    base_url = _base_url(base_url if base_url is not None else settings.claimreview_base_url)
    organisation = organisation or settings.claimreview_author or None
    wanted = _export_statuses(statuses, chosen)
    with database.read() as session:
        claims = list_claims(session, document_id, None, wanted)
    count = export_claims(
        claims, out, chosen, organisation, database_files(database), base_url=base_url or None
    )
    if chosen == "claimreview" and not statuses:
        echo("approved claims only (--status any for all)", err=True)
    if chosen == "claimreview" and not base_url:
        echo(
            "warning: no url in the ClaimReview (Google requires one); set claimreview_base_url "
            "in the config file or pass --base-url",
            err=True,
        )
    echo(f"{plural(count, 'claim')} written to {out} ({chosen})")


def _export_statuses(statuses: tuple[str, ...], file_format: str) -> tuple[str, ...]:
    """What to export: a ClaimReview publishes verdicts, so by default only approved ones."""
    if "any" in statuses:
        return ()
    if not statuses and file_format == "claimreview":
        return (ClaimStatus.APPROVED.value,)
    return statuses


def _base_url(value: str) -> str:
    from workbench.config_rules import WebAddress
    from workbench.errors import InputError

    problem = WebAddress().problem(value)
    if problem is not None:
        raise InputError(f"--base-url {value!r} is not allowed: use {problem}; nothing was written")
    return value
