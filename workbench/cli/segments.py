"""`workbench segments` and `workbench edit`: the scripting contract for segments."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from workbench.cli.collector import resume_collector
from workbench.cli.context import CliContext, expect_version_option, pass_context
from workbench.cli.output import echo, echo_header, json_line, shorten
from workbench.cli.types import ROW_ID, TEXT
from workbench.errors import NotFoundError
from workbench.store.vocabulary import EDITOR_STATUSES, SegmentStatus

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from workbench.store.segment_list import SegmentRow

# The database and services are imported inside the commands (cli/lazy.py: --help stays light).

STATUS_NAMES = [status.value for status in SegmentStatus]
# Rows printed per echo: click.echo flushes on every call, so a row per call was a write (a
# system call into the pipe) per row; the joined lines are the same bytes (inert maps "\n" to
# itself). `segments --json` of 119,156 rows, in-process: 5.2 -> 4.0 s. A reader of the pipe
# still gets rows as they come, a thousand at a time.
ECHO_ROWS = 1_000


@click.command("segments")
@click.option("--doc", "document_id", type=ROW_ID, metavar="ID", help="Only this document.")
@click.option("--status", type=click.Choice(STATUS_NAMES), help="Only segments with this status.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.option(
    "--sort",
    type=click.Choice(["document", "mt-score"]),
    default="document",
    show_default=True,
    help="mt-score: the least confident machine translation first (unscored last).",
)
@pass_context
def segments_command(
    context: CliContext, document_id: int | None, status: str | None, as_json: bool, sort: str
) -> None:
    """List segments in document order (Arabic in logical order, as stored)."""
    # SQLAlchemy Core only (store/segment_list.py): scripts call this once per segment, and the
    # ORM and the models would cost more start-up than the whole query.
    from workbench.store.database import open_reader, reading
    from workbench.store.segment_list import stream_segment_rows

    reader = open_reader(context.settings.db_url)
    # A new, older or PostgreSQL database: the full open, with its upgrade and login check.
    engine = reader if reader is not None else context.database().engine
    resume_collector()  # SQLAlchemy Core is loaded
    if not as_json:
        score = "mt   " if sort == "mt-score" else ""
        echo_header(
            f"{'id':>7} {'doc':>4}:{'pos':<5} {'status':<10} {'ver':<4} {score}arabic  |  english"
        )
    try:
        with reading(engine) as connection:
            if document_id is not None:
                _check_document(connection, document_id)
            lines: list[str] = []
            try:
                for row in stream_segment_rows(connection, document_id, status, sort):
                    lines.append(json_line(row.to_json()) if as_json else _text_line(row, sort))
                    if len(lines) == ECHO_ROWS:
                        echo("\n".join(lines))
                        lines.clear()
            finally:  # the rows read before a failure are printed, as they were row by row
                if lines:
                    echo("\n".join(lines))
    finally:
        if reader is not None:  # the context disposes of its own database
            reader.dispose()


def _text_line(row: SegmentRow, sort: str) -> str:
    english = row.target or row.mt or ""
    score = "" if sort != "mt-score" else _score(row.mt_score)
    return (
        f"{row.id:>7} {row.document:>4}:{row.position:<5} {row.status:<10} "
        f"v{row.version:<3} {score}{shorten(row.source, 60)}  |  {shorten(english, 60)}"
    )


def _score(value: float | None) -> str:
    """The MT confidence column shown when sorting by it."""
    return f"{'-' if value is None else f'{value:.2f}':>4} "


def _check_document(connection: Connection, document_id: int) -> None:
    from workbench.store.segment_list import document_exists, document_id_range

    first, last = document_id_range(connection)
    if first is None or last is None:
        raise NotFoundError(
            f"document {document_id} does not exist: the database holds no documents yet; "
            "add some with `workbench import`"
        )
    if not first <= document_id <= last or not document_exists(connection, document_id):
        raise NotFoundError(
            f"document {document_id} does not exist; document ids run from {first} to {last}"
        )


@click.command("edit")
@click.argument("segment_id", type=ROW_ID)
@click.option("--text", type=TEXT, required=True, help="The new English target.")
@click.option("--status", type=click.Choice([s.value for s in EDITOR_STATUSES]))
@expect_version_option("segment")
@pass_context
def edit_command(
    context: CliContext,
    segment_id: int,
    text: str,
    status: str | None,
    expect_version: int | None,
) -> None:
    """Save TEXT as the English target of a segment, as a new revision by --user.

    Without --status a new segment becomes a draft; a reviewed or approved one goes back to
    translated (and so to the review queue); any other keeps its status.
    """
    from workbench.services.editing import save_segment

    saved = save_segment(
        context.database(),
        context.settings.user,
        segment_id,
        text,
        status=status,
        expect_version=expect_version,
    )
    echo(f"segment {saved.segment_id} saved: version {saved.version}, status {saved.status}")
    for claim in saved.reanchored:
        which = "aligned span" if claim.aligned else "span"
        if claim.anchor_state == "needs_attention":
            flags = "--aligned-start N --aligned-end N" if claim.aligned else "--start N --end N"
            echo(
                f"claim {claim.claim_id} needs attention: the quote of its English {which} is "
                f"gone from the new text; set it with `workbench claims edit {claim.claim_id} "
                f"{flags}`"
            )
        else:
            echo(f"claim {claim.claim_id}: {which} re-anchored to en {claim.start}:{claim.end}")
