"""Small pieces of the CLI's printed output: counts in good English, column headers."""

from __future__ import annotations

import sys

import click

_SIBILANT_ENDINGS = ("s", "x", "z", "ch", "sh")


def plural(count: int, noun: str) -> str:
    """`1 document`, `2 documents`, `1 batch`, `3 batches`, `0 entries` (nouns of this CLI)."""
    if count == 1:
        return f"{count} {noun}"
    if noun.endswith(_SIBILANT_ENDINGS):
        return f"{count} {noun}es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return f"{count} {noun[:-1]}ies"
    return f"{count} {noun}s"


def echo_header(line: str) -> None:
    """Column headers for a person reading a terminal; a pipe or a script gets only the rows."""
    if sys.stdout.isatty():
        click.echo(click.style(line, bold=True))
