"""The fact-checking desk's claim commands: approve, reject, assign, queue, similar, suggest.

Registered on the `workbench claims` group by `cli/claims.py`. The database, services and checks
are imported inside the commands (cli/lazy.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from workbench.cli.context import CliContext, expect_version_option, pass_context
from workbench.cli.output import echo, echo_header, json_line, plural
from workbench.cli.types import ROW_ID, TEXT
from workbench.services.claim_fields import allowed_values, parse_choice
from workbench.store.claim_labels import label
from workbench.store.vocabulary import ClaimStatus

if TYPE_CHECKING:
    from workbench.store.claim_queries import ClaimView

STATUS_NAMES = [status.value for status in ClaimStatus]


def _short(text: str | None, width: int) -> str:
    flat = " ".join((text or "").split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


@click.command("approve")
@click.argument("claim_id", type=ROW_ID)
@click.option("--verdict", type=TEXT, metavar="VALUE", help=allowed_values("verdict"))
@click.option("--comment", type=TEXT, metavar="TEXT", help="Why (kept in the claim's history).")
@expect_version_option("claim")
@pass_context
def approve_command(
    context: CliContext,
    claim_id: int,
    verdict: str | None,
    comment: str | None,
    expect_version: int | None,
) -> None:
    """Approve CLAIM_ID as a reviewer (not its tagger); it needs a verdict."""
    from workbench.services.claim_review import approve_claim

    claim = approve_claim(
        context.database(),
        context.settings.user,
        claim_id,
        expect_version=expect_version,
        verdict=verdict,
        comment=comment,
        allow_self_approval=context.settings.allow_self_approval,
    )
    echo(f"claim {claim.id} approved ({label(claim.verdict)}): version {claim.version}")


@click.command("reject")
@click.argument("claim_id", type=ROW_ID)
@click.option("--comment", required=True, type=TEXT, metavar="TEXT", help="Why (required).")
@expect_version_option("claim")
@pass_context
def reject_command(
    context: CliContext, claim_id: int, comment: str, expect_version: int | None
) -> None:
    """Reject CLAIM_ID as a reviewer (not its tagger), saying why."""
    from workbench.services.claim_review import reject_claim

    claim = reject_claim(
        context.database(),
        context.settings.user,
        claim_id,
        comment,
        expect_version=expect_version,
        allow_self_approval=context.settings.allow_self_approval,
    )
    echo(f"claim {claim.id} rejected: version {claim.version}")


@click.command("assign")
@click.argument("claim_id", type=ROW_ID)
@click.argument("name", required=False, type=TEXT)
@click.option("--nobody", is_flag=True, help="Take the claim off whoever has it.")
@expect_version_option("claim")
@pass_context
def assign_command(
    context: CliContext, claim_id: int, name: str | None, nobody: bool, expect_version: int | None
) -> None:
    """Give CLAIM_ID to the checker NAME (yourself: anyone; others: a reviewer or admin)."""
    from workbench.services.claim_review import assign_claim

    if (name is None) == (not nobody):
        raise click.UsageError("give a NAME or --nobody (not both)")
    claim = assign_claim(
        context.database(), context.settings.user, claim_id, name, expect_version=expect_version
    )
    echo(f"claim {claim.id} assigned to {claim.assignee or 'nobody'}: version {claim.version}")


def _choices(field: str, values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(parse_choice(field, value) for value in values)


@click.command("queue")
@click.option("--status", "statuses", multiple=True, type=TEXT, help=allowed_values("status"))
@click.option("--verdict", "verdicts", multiple=True, type=TEXT, help=allowed_values("verdict"))
@click.option("--type", "types", multiple=True, type=TEXT, help=allowed_values("claim_type"))
@click.option("--doc", "document_id", type=ROW_ID, metavar="ID", help="Only this document.")
@click.option("--assignee", type=TEXT, metavar="NAME", help='A checker\'s claims ("" = nobody).')
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line, with checks.")
@pass_context
def queue_command(
    context: CliContext,
    /,
    *,
    statuses: tuple[str, ...],
    verdicts: tuple[str, ...],
    types: tuple[str, ...],
    document_id: int | None,
    assignee: str | None,
    as_json: bool,
) -> None:
    """The claims board across documents, by state (draft … rejected); each filter repeatable."""
    from workbench.glossary.loading import glossary_index
    from workbench.qa.claim_checks import check_claim
    from workbench.store.claim_board import BoardFilter, claim_board

    wanted = BoardFilter(
        _choices("status", statuses),
        _choices("verdict", verdicts),
        _choices("claim_type", types),
        document_id,
        assignee,
    )
    with context.database().read() as session:
        claims = claim_board(session, wanted)
        glossary = glossary_index(session)
    current = None
    for claim in claims:
        checks = check_claim(claim, glossary)
        if as_json:
            echo(json_line({**claim.to_json(), "checks": [c.to_json() for c in checks]}))
            continue
        if claim.status != current:
            current = claim.status
            count = sum(1 for other in claims if other.status == current)
            echo_header(f"{label(current)} ({plural(count, 'claim')})")
        badges = " ".join(sorted({c.code for c in checks}))
        echo(
            f"{claim.id:>6} {label(claim.status):<9} doc {claim.document_id:<4} "
            f"seg {claim.segment_id:<6} "
            f"{label(claim.verdict) or '-':<16} {claim.assignee or '-':<12} "
            f"«{_short(claim.claim_text_en or claim.quote, 48)}» {badges}"
        )
    if not as_json and not claims:
        echo("no claims match", err=True)


def _similar_json(claim: ClaimView, score: float, by: str) -> dict[str, Any]:
    return {
        "id": claim.id,
        "score": round(score, 1),
        "by": by,
        "document_id": claim.document_id,
        "document_title": claim.document_title,
        "segment_id": claim.segment_id,
        "verdict": claim.verdict,
        "status": claim.status,
        "quote": claim.quote,
        "claim_text_en": claim.claim_text_en,
    }


@click.command("similar")
@click.argument("claim_id", type=ROW_ID)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@pass_context
def similar_command(context: CliContext, claim_id: int, as_json: bool) -> None:
    """Claims tagged before CLAIM_ID, in any document, that state the same thing."""
    from workbench.qa.claim_similarity import similar_claims
    from workbench.store.claim_queries import get_claim, list_claims

    with context.database().read() as session:
        claim = get_claim(session, claim_id)
        found = similar_claims(claim, list_claims(session))
    for item in found:
        if as_json:
            echo(json_line(_similar_json(item.claim, item.score, item.by)))
        else:
            other = item.claim
            echo(
                f"{other.id:>6} {item.score:5.1f} by {item.by:<7} {label(other.verdict) or '-':<16}"
                f" doc {other.document_id} «{_short(other.document_title, 30)}» "
                f"«{_short(other.claim_text_en or other.quote, 48)}»"
            )
    if not as_json and not found:
        echo(f"no earlier claim is close to claim {claim_id}", err=True)


@click.command("suggest")
@click.option("--doc", "document_id", required=True, type=ROW_ID, metavar="ID")
@click.option("--all", "show_all", is_flag=True, help="Every sentence, suggested or not.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@pass_context
def suggest_command(context: CliContext, document_id: int, show_all: bool, as_json: bool) -> None:
    """Sentences of document ID likely to hold a checkable claim, with the reasons."""
    from workbench.errors import NotFoundError
    from workbench.qa.claim_suggest import suggest
    from workbench.store.models import Document
    from workbench.store.queries import iter_segment_rows

    shown = 0
    with context.database().read() as session:
        if session.get(Document, document_id) is None:
            raise NotFoundError(
                f"document {document_id} does not exist; `workbench segments --json` shows the ids"
            )
        for row in iter_segment_rows(session, document_id):
            found = suggest(row.source)
            if not (found.checkable or show_all):
                continue
            shown += found.checkable
            if as_json:
                data = {"segment_id": row.id, "position": row.position, "source": row.source}
                echo(json_line({**data, "checkable": found.checkable, "reasons": found.reasons}))
            else:
                mark = "*" if found.checkable else " "
                echo(f"{mark} {row.id:>6} {', '.join(found.reasons):<40} {_short(row.source, 60)}")
    if not as_json:
        echo(f"{plural(shown, 'sentence')} likely to hold a claim", err=True)


DESK_COMMANDS = (
    approve_command,
    reject_command,
    assign_command,
    queue_command,
    similar_command,
    suggest_command,
)
