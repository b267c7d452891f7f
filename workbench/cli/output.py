"""Everything the commands print goes through here, so stored text reaches the terminal inert.

A control character in an imported file (an ESC starting a title or clipboard sequence) is
shown as a visible symbol rather than obeyed; JSON keeps the exact text with escapes. Also the
small pieces of printed output: counts in good English, column headers.
"""

from __future__ import annotations

import shutil
import sys
from typing import Any

import click

from workbench.text.inert import inert, inert_json

_SIBILANT_ENDINGS = ("s", "x", "z", "ch", "sh")


def echo(message: str = "", *, err: bool = False, nl: bool = True) -> None:
    """click.echo, with control characters shown as symbols (one for one)."""
    click.echo(inert(message), err=err, nl=nl)


def json_line(data: Any) -> str:
    """`data` as one line of JSON: exact text, no raw control character or line separator."""
    return inert_json(data)


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


def shorten(text: str | None, width: int) -> str:
    """`text` on one line of at most `width` characters, cut with "…" (whitespace runs folded)."""
    flat = " ".join((text or "").split())
    return flat if len(flat) <= width else flat[: max(width - 1, 0)] + "…"


def room_left(used: int, least: int = 12) -> int | None:
    """Columns left on a terminal after `used` (never under `least`); None for a pipe or a file.

    A person at an 80-column terminal reads one row per line; a script reading a pipe gets the
    whole text (and `--json` for exact values).
    """
    if not sys.stdout.isatty():
        return None
    return max(shutil.get_terminal_size().columns - used, least)
