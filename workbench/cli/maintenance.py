"""`workbench check` and `workbench backup OUT`."""

from __future__ import annotations

from pathlib import Path

import click

from workbench.cli.context import CliContext, pass_context
from workbench.cli.output import echo, json_line, plural
from workbench.errors import WorkbenchError

# The database and its checks are imported inside the commands (cli/lazy.py).


@click.command("check")
@click.option("--quick", is_flag=True, help="SQLite quick_check instead of the full check.")
@click.option("--strict", is_flag=True, help="Fail on warnings (bidi controls) too.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per finding.")
@pass_context
def check_command(context: CliContext, quick: bool, strict: bool, as_json: bool) -> None:
    """Check the database: storage integrity, orphaned rows, segment counts, history.

    Also lists bidi control characters in sources and targets (warnings: they can hide or
    reorder text). Exits 1 when an error is found (with --strict, a warning too).
    """
    from workbench.store.maintenance import run_checks

    errors = warnings = 0
    with context.database().read() as session:
        for finding in run_checks(session, quick=quick):
            if finding.severity == "error":
                errors += 1
            else:
                warnings += 1
            if as_json:
                echo(json_line(finding.to_json()))
            else:
                echo(f"{finding.severity:<8} {finding.kind:<16} {finding.message}")
    failed = errors + (warnings if strict else 0)
    if failed:
        raise WorkbenchError(
            f"the check found {plural(errors, 'error')} and {plural(warnings, 'warning')} "
            "(listed above)"
        )
    if not as_json:
        echo(f"database ok: no errors, {plural(warnings, 'warning')}")


@click.command("backup")
@click.argument("out", type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="Replace OUT if it exists.")
@pass_context
def backup_command(context: CliContext, out: Path, force: bool) -> None:
    """Copy the SQLite database to OUT while others keep working in it.

    The copy is written beside OUT, checked, and renamed to OUT only when complete. For a
    PostgreSQL database this prints the pg_dump command to use instead.
    """
    from workbench.store.backup import backup, refuse_unless_sqlite
    from workbench.store.database import parse_url

    refuse_unless_sqlite(parse_url(context.settings.db_url), out)
    result = backup(context.database(), out, overwrite=force)
    echo(f"backed up to {result.path} ({result.size:,} bytes, checked)")
