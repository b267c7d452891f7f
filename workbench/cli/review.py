"""`workbench review approve|reject|queue|returned`, `workbench history` and `workbench diff`."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from workbench.cli.context import CliContext, expect_version_option, pass_context
from workbench.cli.output import echo, echo_header, json_line, plural
from workbench.cli.types import ROW_ID, TEXT
from workbench.review.diff import DIFF_BASES, DiffPiece, plain
from workbench.text.inert import inert

if TYPE_CHECKING:
    from rich.text import Text

    from workbench.review.history import HistoryEntry
    from workbench.services.review import ReviewOutcome

# rich, the database and the services are imported inside the commands (cli/lazy.py).

WHY_EXPECT_VERSION = ", the one you read: nothing is decided on a text you did not see"
DIFF_STYLES = {"equal": "", "delete": "red strike", "insert": "green bold"}


def _short(text: str | None, width: int = 70) -> str:
    flat = " ".join((text or "").split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _report(outcome: ReviewOutcome) -> None:
    echo(
        f"segment {outcome.segment_id} {outcome.decision}: version {outcome.version} "
        f"(judged revision {outcome.revision_id}: {_short(outcome.text)})"
    )


@click.group("review")
def review_group() -> None:
    """Approve or reject segments, and list what waits for review."""


@review_group.command("approve")
@click.argument("segment_id", type=ROW_ID)
@click.option(
    "--comment", type=TEXT, metavar="TEXT", help="An optional note kept with the approval."
)
@expect_version_option("segment", WHY_EXPECT_VERSION)
@pass_context
def approve_command(
    context: CliContext, segment_id: int, comment: str | None, expect_version: int | None
) -> None:
    """Approve the current English text of a segment (reviewers and admins)."""
    from workbench.services.review import approve_segment

    database = context.database()  # first: opening it may settle who the user is
    settings = context.settings
    outcome = approve_segment(
        database,
        settings.user,
        segment_id,
        settings=settings,
        expect_version=expect_version,
        comment=comment,
    )
    _report(outcome)


@review_group.command("reject")
@click.argument("segment_id", type=ROW_ID)
@click.option(
    "--comment", type=TEXT, metavar="TEXT", required=True, help="What the editor should fix."
)
@expect_version_option("segment", WHY_EXPECT_VERSION)
@pass_context
def reject_command(
    context: CliContext, segment_id: int, comment: str, expect_version: int | None
) -> None:
    """Send a segment back to its editor with a comment (reviewers and admins)."""
    from workbench.services.review import reject_segment

    database, user = context.database(), context.settings.user
    outcome = reject_segment(database, user, segment_id, comment, expect_version=expect_version)
    _report(outcome)


@review_group.command("queue")
@click.option("--editor", type=TEXT, metavar="NAME", help="Only texts written by this editor.")
@click.option("--doc", "document_id", type=ROW_ID, metavar="ID", help="Only this document.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.option(
    "--sort",
    type=click.Choice(["document", "mt-score"]),
    default="document",
    show_default=True,
    help="mt-score: segments whose MT the engine was least sure of first.",
)
@pass_context
def queue_command(
    context: CliContext, editor: str | None, document_id: int | None, as_json: bool, sort: str
) -> None:
    """List segments waiting for a reviewer (translated, not yet approved), in document order."""
    from workbench.review.queues import review_queue

    if not as_json:
        echo_header(f"{'id':>7} {'doc':>4}:{'pos':<5} {'ver':<4} {'editor':<12} english")
    with context.database().read() as session:
        items = review_queue(session, editor=editor, document_id=document_id, order=sort)
    for item in items:
        if as_json:
            echo(json_line(item.to_json()))
            continue
        again = f"  [after {item.last_decision}: {item.last_comment}]" if item.last_decision else ""
        echo(
            f"{item.segment_id:>7} {item.document_id:>4}:{item.position:<5} v{item.version:<3} "
            f"{item.editor or '-':<12} {_short(item.target)}{again}"
        )
    if not as_json:
        echo(f"{plural(len(items), 'segment')} waiting for review", err=True)


@review_group.command("returned")
@click.option(
    "--editor", type=TEXT, metavar="NAME", help="Whose returned segments [default: --user]."
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@pass_context
def returned_command(context: CliContext, editor: str | None, as_json: bool) -> None:
    """List rejected segments sent back to an editor, with the reviewer's comment."""
    from workbench.review.queues import editor_queue

    with context.database().read() as session:
        items = editor_queue(session, editor or context.settings.user)
    for item in items:
        if as_json:
            echo(json_line(item.to_json()))
            continue
        echo(
            f"{item.segment_id:>7} {item.document_id:>4}:{item.position:<5} v{item.version:<3} "
            f"{item.reviewer}: {item.comment}\n{'':>19}{_short(item.target)}"
        )


def _history_line(entry: HistoryEntry) -> str:
    when = entry.at.strftime("%Y-%m-%d %H:%M:%S")
    who = entry.who or "-"
    if entry.kind == "review":
        note = f": {entry.comment}" if entry.comment else ""
        return f"v{entry.version:<3} {when} {who:<12} {entry.decision}{note}"
    effort = []
    if entry.seconds is not None:
        effort.append(f"{entry.seconds:g}s")
    if entry.keystrokes is not None:
        effort.append(f"{entry.keystrokes} keys")
    extra = f" ({', '.join(effort)})" if effort else ""
    return (
        f"v{entry.version:<3} {when} {who:<12} {entry.origin} → {entry.status}{extra}: {entry.text}"
    )


@click.command("history")
@click.argument("segment_id", type=ROW_ID)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line, oldest first.")
@pass_context
def history_command(context: CliContext, segment_id: int, as_json: bool) -> None:
    """Show every revision and review of a segment, oldest first (the edit log)."""
    from workbench.review.history import segment_history

    with context.database().read() as session:
        entries = segment_history(session, segment_id)
    for entry in entries:
        if as_json:
            echo(json_line(entry.to_json()))
        else:
            echo(_history_line(entry))


def _coloured(pieces: list[DiffPiece]) -> Text:
    from rich.text import Text

    text = Text()
    for piece in pieces:
        text.append(inert(piece.text), style=DIFF_STYLES[piece.op])
    return text


@click.command("diff")
@click.argument("segment_id", type=ROW_ID)
@click.option(
    "--from",
    "base",
    type=click.Choice(DIFF_BASES),
    default="mt",
    show_default=True,
    help="Compare with the machine translation or with the previous revision.",
)
@pass_context
def diff_command(context: CliContext, segment_id: int, base: str) -> None:
    """Show a word diff to the current English target: deleted words red, inserted green.

    When the output is not a terminal, it is written as [-deleted-]{+inserted+}.
    """
    from rich.console import Console

    from workbench.review.history import segment_diff

    with context.database().read() as session:
        diff = segment_diff(session, segment_id, "mt" if base == "mt" else "previous")
    console = Console(highlight=False)
    if console.is_terminal:
        console.print(_coloured(diff.pieces))
    else:
        echo(plain(diff.pieces))
