"""`workbench tm match|fill`: the translation memory from the command line."""

from __future__ import annotations

import click

from workbench.cli.context import CliContext, pass_context
from workbench.cli.output import echo, json_line, plural
from workbench.cli.types import ROW_ID, TEXT

# The memory (rapidfuzz) and services are imported inside the commands (cli/lazy.py).


@click.group("tm")
def tm_group() -> None:
    """Translation memory: finished segments and imported TMX/CSV pairs."""


@tm_group.command("match")
@click.argument("source", type=TEXT)
@click.option("--limit", type=click.IntRange(1, 50), default=3, show_default=True)
@click.option(
    "--min-score", type=click.IntRange(0, 100), help="Lowest percentage shown [tm_min_score]."
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@pass_context
def match_command(
    context: CliContext, source: str, limit: int, min_score: int | None, as_json: bool
) -> None:
    """Show the memory's closest matches for the Arabic SOURCE, with their percentage and status.

    A pair its file called new, draft or rejected comes after every finished pair and shows at
    most 99% (its similarity is in --json), marked with its status.
    """
    from workbench.tm.lookup import tm_matches

    cutoff = context.settings.tm_min_score if min_score is None else min_score
    with context.database().read() as session:
        matches = tm_matches(session, source, limit, min_score=cutoff)
    for match in matches:
        if as_json:
            data = {
                "score": match.score,
                "source": match.source,
                "target": match.target,
                "origin": match.origin,
                "origin_name": match.origin_name,
                "status": match.status,
                "finished": match.finished,
                "similarity": match.similarity,
                "entry": match.entry_id,
            }
            echo(json_line(data))
        else:
            origin = f"{match.origin}: {match.origin_name}" if match.origin_name else match.origin
            status = match.status or "no status"
            if not match.finished:
                status = f"{status.upper()}, not a finished translation"
            echo(f"{match.score:>3}%  {match.source}\n      {match.target}  [{origin} · {status}]")
    if not matches and not as_json:
        echo(f"no match of {cutoff}% or more", err=True)


@tm_group.command("fill")
@click.option("--doc", "document_id", type=ROW_ID, metavar="ID", help="Only this document.")
@pass_context
def fill_command(context: CliContext, document_id: int | None) -> None:
    """Fill untouched segments whose source is in the memory word for word (origin tm, draft).

    Segments a person has edited are never overwritten. Import runs this by itself.
    """
    from workbench.services.exact_matches import fill_exact_matches

    filled = fill_exact_matches(context.database(), document_id, user_name=context.settings.user)
    echo(f"{plural(filled, 'segment')} filled from exact translation-memory matches")
