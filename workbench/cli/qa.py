"""`workbench qa`: quality checks over stored segments."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from workbench.cli.context import CliContext, pass_context
from workbench.cli.output import echo, json_line, plural
from workbench.cli.types import ROW_ID
from workbench.config import CHECKS

if TYPE_CHECKING:
    from workbench.qa.segments import SegmentIssue

# The database and the checks are imported inside the command (cli/lazy.py).


def _line(found: SegmentIssue) -> str:
    issue, row = found.issue, found.segment
    where = f" {issue.side}[{issue.start}:{issue.end}]" if issue.start is not None else ""
    flag = " BLOCKS-APPROVAL" if found.blocking else ""
    return (
        f"{row.id:>7} {row.document:>4}:{row.position:<5} {issue.severity:<7} "
        f"{issue.code}{where}{flag}: {issue.message}"
    )


def _json(found: SegmentIssue) -> str:
    data = {
        "segment": found.segment.id,
        "document": found.segment.document,
        "position": found.segment.position,
        "status": found.segment.status,
        **found.issue.to_json(),
        "blocking": found.blocking,
    }
    return json_line(data)


@click.command("qa", epilog="Checks: " + "; ".join(f"{c}: {d}" for c, (_, d) in CHECKS.items()))
@click.option("--doc", "document_id", type=ROW_ID, metavar="ID", help="Only this document.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per issue and line.")
@click.option("--strict", is_flag=True, help="Exit 1 when there is any issue.")
@pass_context
def qa_command(context: CliContext, document_id: int | None, as_json: bool, strict: bool) -> None:
    """Check segments: numbers, Arabic left in the English, glossary terms, lengths and more.

    One line per issue: segment id, document:position, severity, check code, where (source or
    target code-point offsets) and what is wrong. BLOCKS-APPROVAL marks checks listed in the
    qa_blocking setting. Segments nobody has translated yet are skipped.
    """
    from workbench.qa.segments import iter_issues

    count = 0
    with context.database().read() as session:
        for found in iter_issues(session, context.settings, document_id):
            echo(_json(found) if as_json else _line(found))
            count += 1
    if not as_json:
        echo(plural(count, "issue"), err=True)
    if strict and count:
        sys.exit(1)
