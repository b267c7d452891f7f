"""`workbench documents list|show|rename|delete`: the documents of the desk."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from workbench.cli.context import CliContext, pass_context
from workbench.cli.output import echo, echo_header, json_line, plural, room_left, shorten
from workbench.cli.types import ROW_ID, TEXT

if TYPE_CHECKING:
    from workbench.store.documents import DocumentSummary

# The store and services are imported inside the commands (cli/lazy.py: --help stays light).


@click.group("documents")
def documents_group() -> None:
    """List, show, rename and delete documents (titles, sources, progress)."""


def _data(summary: DocumentSummary) -> dict[str, Any]:
    return {
        "id": summary.id,
        "title": summary.title,
        "source_name": summary.source_name,
        "format": summary.source_format,
        "source_url": summary.source_url,
        "outlet": summary.outlet,
        "author": summary.author,
        "published_at": summary.published_at,
        "imported_at": summary.imported_at.isoformat(),
        "imported_by": summary.imported_by,
        "segments": summary.segments,
        "translated": summary.translated,
        "approved": summary.approved,
        "statuses": summary.statuses,
    }


def _read(context: CliContext, ids: list[int] | None) -> list[DocumentSummary]:
    from workbench.store.documents import document_summaries

    with context.database().read() as session:
        return document_summaries(session, ids)


@documents_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@pass_context
def list_command(context: CliContext, as_json: bool) -> None:
    """Every document: id, date, format, translated and approved of its segments, title."""
    summaries = _read(context, None)
    if as_json:
        for summary in summaries:
            echo(json_line(_data(summary)))
        return
    if not summaries:
        echo("no documents yet; bring some in with `workbench import FILE|URL`", err=True)
        return
    echo_header(
        f"{'id':>4}  {'date':<10}  {'format':<6}  {'translated':>10}  {'approved':>8}  title"
    )
    for s in summaries:
        progress = f"{s.translated}/{s.segments}"
        row = f"{s.id:>4}  {s.date:<10}  {s.source_format:<6}  {progress:>10}  {s.approved:>8}  "
        title_room = room_left(len(row))
        echo(row + (s.title if title_room is None else shorten(s.title, title_room)))


@documents_group.command("show")
@click.argument("document_id", type=ROW_ID, metavar="ID")
@click.option("--json", "as_json", is_flag=True, help="One JSON object.")
@pass_context
def show_command(context: CliContext, document_id: int, as_json: bool) -> None:
    """Everything known about document ID: title, source, who imported it, progress."""
    from workbench.errors import NotFoundError

    found = _read(context, [document_id])
    if not found:
        raise NotFoundError(
            f"document {document_id} does not exist; list them with `workbench documents list`"
        )
    data = _data(found[0])
    if as_json:
        echo(json_line(data))
        return
    statuses = data.pop("statuses")
    for key, value in data.items():
        echo(f"{key + ':':<13} {'' if value is None else value}")
    echo(f"{'statuses:':<13} " + ", ".join(f"{n} {status}" for status, n in statuses.items()))


@documents_group.command("rename")
@click.argument("document_id", type=ROW_ID, metavar="ID")
@click.argument("title", type=TEXT)
@pass_context
def rename_command(context: CliContext, document_id: int, title: str) -> None:
    """Give document ID the title TITLE (recorded with who and the old title)."""
    from workbench.services.documents import rename_document

    renamed = rename_document(context.database(), context.settings.user, document_id, title)
    echo(f"document {renamed.document_id} renamed: {renamed.title}")


@documents_group.command("delete")
@click.argument("document_id", type=ROW_ID, metavar="ID")
@click.option("--yes", is_flag=True, help="Delete without asking (needed when not on a terminal).")
@pass_context
def delete_command(context: CliContext, document_id: int, yes: bool) -> None:
    """Delete document ID with its segments, revisions, reviews and claims (admins only).

    Asks first on a terminal; elsewhere --yes is needed. The deletion is recorded (who, when,
    title, content hash, segment count). Its finished pairs stay in the translation memory.
    """
    from workbench.errors import InputError
    from workbench.services.documents import delete_document

    database = context.database()
    if not yes:
        found = _read(context, [document_id])
        what = f"document {document_id}" + (f" ({found[0].title})" if found else "")
        if not _interactive() or not click.confirm(
            f"Delete {what} and all its work?", default=False
        ):
            raise InputError(
                f"{what} was not deleted: deleting is for good; run it again with --yes"
            )
    deleted = delete_document(database, context.settings.user, document_id)
    echo(
        f"deleted document {deleted.document_id} ({deleted.title}) and "
        f"{plural(deleted.segments, 'segment')}"
    )


def _interactive() -> bool:
    import sys

    return sys.stdin.isatty() and sys.stdout.isatty()
