"""Everything the commands print goes through here, so stored text reaches the terminal inert.

A control character in an imported file (an ESC starting a title or clipboard sequence) is
shown as a visible symbol rather than obeyed; JSON keeps the exact text with escapes.
"""

from __future__ import annotations

from typing import Any

import click

from workbench.text.inert import inert, inert_json


def echo(message: str = "", *, err: bool = False, nl: bool = True) -> None:
    """click.echo, with control characters shown as symbols (one for one)."""
    click.echo(inert(message), err=err, nl=nl)


def json_line(data: Any) -> str:
    """`data` as one line of JSON: exact text, no raw control character or line separator."""
    return inert_json(data)
