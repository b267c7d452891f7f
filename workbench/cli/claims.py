"""`workbench claims ...`: tag, edit, list claims (the desk's commands are in cli/claim_desk.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, cast

import click

from workbench.cli.context import CliContext, expect_version_option, pass_context
from workbench.cli.output import echo, echo_header, json_line, shorten
from workbench.cli.types import DB_INT, ROW_ID, TEXT
from workbench.services.claim_fields import ClaimChanges, ClaimFields, allowed_values
from workbench.store.claim_labels import label
from workbench.store.vocabulary import ClaimSide, ClaimStatus

if TYPE_CHECKING:
    from workbench.store.claim_queries import ClaimView, HistoryEntry

# The database, services and writers are imported inside the commands (cli/lazy.py).

F = TypeVar("F", bound=Callable[..., Any])

# CLI option name → claim field: what `--clear` accepts and what the field options fill.
CLEARABLE = {
    "claim-text": "claim_text_en",
    "worthiness": "check_worthiness",
    "type": "claim_type",
    "claimant": "claimant_name",
    "claimant-role": "claimant_role",
    "claimant-kind": "claimant_kind",
    "date": "claim_date",
    "place": "claim_place",
    "verdict": "verdict",
    "evidence": "evidence_links",
    "mt-distorted": "mt_distorted",
    "notes": "notes",
}
STATUS_NAMES = [status.value for status in ClaimStatus]


def _field_options(function: F) -> F:
    """The claim fields, shared by `claims add` and `claims edit`."""
    options = [
        click.option("--aligned-start", type=DB_INT, metavar="N", help="Aligned span, other side."),
        click.option("--aligned-end", type=DB_INT, metavar="N", help="End of the aligned span."),
        click.option(
            "--claim-text", type=TEXT, metavar="TEXT", help="The claim, stated in English."
        ),
        click.option(
            "--worthiness", type=TEXT, metavar="VALUE", help=allowed_values("check_worthiness")
        ),
        click.option(
            "--type", "claim_type", type=TEXT, metavar="VALUE", help=allowed_values("claim_type")
        ),
        click.option("--claimant", type=TEXT, metavar="NAME", help="Who made the claim."),
        click.option(
            "--claimant-role", type=TEXT, metavar="ROLE", help="The claimant's role or title."
        ),
        click.option(
            "--claimant-kind", type=TEXT, metavar="KIND", help=allowed_values("claimant_kind")
        ),
        click.option(
            "--date", "claim_date", type=TEXT, metavar="DATE", help="YYYY, YYYY-MM or YYYY-MM-DD."
        ),
        click.option("--place", type=TEXT, metavar="PLACE", help="Where the claim was made."),
        click.option("--verdict", type=TEXT, metavar="VALUE", help=allowed_values("verdict")),
        click.option(
            "--evidence",
            multiple=True,
            type=TEXT,
            metavar="URL",
            help="An http(s) link; repeat for more.",
        ),
        click.option(
            "--mt-distorted/--mt-faithful",
            default=None,
            help="Whether the machine translation distorted the claim.",
        ),
        click.option("--notes", type=TEXT, metavar="TEXT", help="Free notes."),
        click.option("--status", type=TEXT, metavar="STATUS", help=allowed_values("status")),
        click.option("--json", "as_json", is_flag=True, help="Print the claim as JSON."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def _fields(options: dict[str, Any]) -> dict[str, Any]:
    """The claim fields the user gave, by field name (absent options are left out)."""
    names = {
        "aligned_start": "aligned_start",
        "aligned_end": "aligned_end",
        "claim_text": "claim_text_en",
        "worthiness": "check_worthiness",
        "claim_type": "claim_type",
        "claimant": "claimant_name",
        "claimant_role": "claimant_role",
        "claimant_kind": "claimant_kind",
        "claim_date": "claim_date",
        "place": "claim_place",
        "verdict": "verdict",
        "mt_distorted": "mt_distorted",
        "notes": "notes",
        "status": "status",
    }
    fields = {field: options[key] for key, field in names.items() if options[key] is not None}
    if options["evidence"]:
        fields["evidence_links"] = list(options["evidence"])
    return fields


def _echo_claim(claim: ClaimView, as_json: bool) -> None:
    if as_json:
        echo(json_line(claim.to_json()))
        return
    kinds = ", ".join(label(v) for v in (claim.claim_type, claim.check_worthiness) if v)
    attention = ""
    if claim.anchor_state == "needs_attention":
        attention = "  [English span needs attention]"
    echo(
        f"{claim.id:>6} {claim.document_id:>4}:{claim.position:<5} seg {claim.segment_id:<6} "
        f"{claim.side} {claim.start}:{claim.end:<9} {claim.status:<9} v{claim.version:<3} "
        f"{kinds:<28} «{shorten(claim.quote, 50)}»{attention}"
    )


@click.group("claims")
def claims_group() -> None:
    """Tag checkable claims on Arabic or English spans, edit, list and export them.

    Offsets are code points of the stored (logical) text, [start, end) as in Python slicing,
    whatever the terminal shows; `workbench segments --json` gives the texts.
    """


@claims_group.command("add")
@click.argument("segment_id", type=ROW_ID)
@click.option("--side", required=True, type=click.Choice([s.value for s in ClaimSide]))
@click.option("--start", required=True, type=DB_INT, metavar="N", help="First code point.")
@click.option("--end", required=True, type=DB_INT, metavar="N", help="One past the last.")
@_field_options
@pass_context
def add_command(
    context: CliContext, /, *, segment_id: int, side: str, start: int, end: int, **options: Any
) -> None:
    """Tag [START, END) of one side of SEGMENT_ID as a claim."""
    from workbench.services.claim_writes import add_claim

    fields = cast(ClaimFields, _fields(options))
    database = context.database()  # first: opening it may settle who the user is
    settings = context.settings
    claim = add_claim(
        database,
        settings.user,
        segment_id,
        side,
        (start, end),
        fields=fields,
        allow_self_approval=settings.allow_self_approval,
    )
    if options["as_json"]:
        _echo_claim(claim, True)
    else:
        echo(
            f"claim {claim.id} tagged on segment {claim.segment_id} "
            f"({claim.side} {claim.start}:{claim.end}): «{claim.quote}»"
        )


@claims_group.command("edit")
@click.argument("claim_id", type=ROW_ID)
@click.option("--start", type=DB_INT, metavar="N", help="Move the span (the quote is re-read).")
@click.option("--end", type=DB_INT, metavar="N", help="Move the end of the span.")
@_field_options
@click.option(
    "--clear",
    multiple=True,
    type=click.Choice([*CLEARABLE, "aligned"]),
    help="Empty a field; repeat for more.",
)
@expect_version_option("claim")
@pass_context
def edit_command(
    context: CliContext,
    /,
    *,
    claim_id: int,
    start: int | None,
    end: int | None,
    clear: tuple[str, ...],
    expect_version: int | None,
    **options: Any,
) -> None:
    """Change fields of CLAIM_ID; --evidence replaces the list of links."""
    from workbench.services.claim_writes import edit_claim

    changes: dict[str, Any] = _fields(options)
    if start is not None:
        changes["start"] = start
    if end is not None:
        changes["end"] = end
    for name in clear:
        if name == "aligned":
            changes.update(aligned_start=None, aligned_end=None)
        else:
            changes[CLEARABLE[name]] = [] if name == "evidence" else None
    claim = edit_claim(
        context.database(),
        context.settings.user,
        claim_id,
        cast(ClaimChanges, changes),
        expect_version=expect_version,
        allow_self_approval=context.settings.allow_self_approval,
    )
    if options["as_json"]:
        _echo_claim(claim, True)
    else:
        echo(f"claim {claim.id} saved: version {claim.version}, status {claim.status}")


@claims_group.command("delete")
@click.argument("claim_id", type=ROW_ID)
@expect_version_option("claim")
@pass_context
def delete_command(context: CliContext, claim_id: int, expect_version: int | None) -> None:
    """Delete CLAIM_ID (its history is kept: `workbench claims history CLAIM_ID`)."""
    from workbench.services.claim_writes import remove_claim

    claim = remove_claim(
        context.database(), context.settings.user, claim_id, expect_version=expect_version
    )
    echo(f"claim {claim.id} deleted (version {claim.version})")


@claims_group.command("list")
@click.option("--doc", "document_id", type=ROW_ID, metavar="ID", help="Only this document.")
@click.option("--segment", "segment_id", type=ROW_ID, metavar="ID", help="Only this segment.")
@click.option(
    "--status", "statuses", multiple=True, type=click.Choice(STATUS_NAMES), help="Repeatable."
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@pass_context
def list_command(
    context: CliContext,
    document_id: int | None,
    segment_id: int | None,
    statuses: tuple[str, ...],
    as_json: bool,
) -> None:
    """List claims in document order, with their offsets and quotes."""
    from workbench.glossary.loading import glossary_index
    from workbench.qa.claim_checks import check_claim
    from workbench.store.claim_queries import list_claims

    if not as_json:
        echo_header(
            f"{'id':>6} {'doc':>4}:{'pos':<5} {'segment':<10} {'span':<12} {'status':<9} "
            f"{'ver':<4} {'type, worthiness':<28} «quote»"
        )
    with context.database().read() as session:
        claims = list_claims(session, document_id, segment_id, statuses)
        glossary = glossary_index(session) if as_json else None
    for claim in claims:
        if as_json:  # the automatic checks, computed now (qa/claim_checks.py says why)
            checks = [found.to_json() for found in check_claim(claim, glossary)]
            echo(json_line({**claim.to_json(), "checks": checks}))
        else:
            _echo_claim(claim, as_json)


def _history_line(entry: HistoryEntry) -> str:
    snap = entry.snapshot
    spans = f"{snap['side']} {snap['start']}:{snap['end']}"
    if snap["aligned_start"] is not None:
        other = "en" if snap["side"] == "ar" else "ar"
        spans += f" ~ {other} {snap['aligned_start']}:{snap['aligned_end']}"
    return (
        f"v{entry.version:<3} {entry.at:%Y-%m-%d %H:%M:%S} {entry.user or '?':<12} "
        f"{entry.action:<10} {spans:<28} {snap['status']:<9} {snap['anchor_state']}"
        + (f"  «{entry.comment}»" if entry.comment else "")
    )


@claims_group.command("history")
@click.argument("claim_id", type=ROW_ID)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@pass_context
def history_command(context: CliContext, claim_id: int, as_json: bool) -> None:
    """Every change to CLAIM_ID: who, when, what, and all fields after it."""
    from workbench.store.claim_queries import claim_history

    with context.database().read() as session:
        entries = claim_history(session, claim_id)
    for entry in entries:
        if as_json:
            echo(json_line(entry.to_json()))
        else:
            echo(_history_line(entry))


def _register_desk_commands() -> None:
    """approve, reject, assign, queue, similar, suggest: the desk's commands (cli/claim_desk.py)."""
    from workbench.cli.claim_desk import DESK_COMMANDS

    for command in DESK_COMMANDS:
        claims_group.add_command(command)


_register_desk_commands()
