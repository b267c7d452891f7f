"""The `workbench` command: global options, error reporting, and the command modules."""

from __future__ import annotations

import sys
from typing import Any

import click

from workbench import __version__
from workbench.cli import (
    claims,
    export,
    glossary,
    import_tm,
    importing,
    maintenance,
    models,
    qa,
    review,
    segments,
    start,
    stats,
    tm,
    translating,
    users,
)
from workbench.cli.context import CliContext
from workbench.config import BIDI_MODES, ConfigError, load_settings
from workbench.errors import WorkbenchError
from workbench.text.inert import inert


class WorkbenchGroup(click.Group):
    """Turns a WorkbenchError into its message on stderr and its exit code, without a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except WorkbenchError as error:
            click.echo(inert(f"error: {error}"), err=True)
            sys.exit(error.exit_code)


@click.group(cls=WorkbenchGroup, invoke_without_command=True)
@click.option(
    "--db",
    "db_url",
    metavar="URL",
    help="Database URL or SQLite file path [env WORKBENCH_DB; default db/workbench.sqlite].",
)
@click.option(
    "--user", metavar="NAME", help="Who is working [env WORKBENCH_USER; default: OS user]."
)
@click.option("--bidi", type=click.Choice(BIDI_MODES), help="Arabic display: reorder in the app?")
@click.version_option(__version__, prog_name="workbench")
@click.pass_context
def main(ctx: click.Context, db_url: str | None, user: str | None, bidi: str | None) -> None:
    """Translate and fact-check Arabic news into English, offline.

    Run with no command to open the workbench on the default database.
    """
    try:
        settings = load_settings(db_url=db_url, user=user, bidi=bidi)
    except ConfigError as error:
        raise click.UsageError(str(error)) from error
    context = CliContext(settings)
    ctx.obj = context
    ctx.call_on_close(context.close)
    if ctx.invoked_subcommand is None:
        ctx.invoke(start.start)


# In the order of the work: ingest, MT, edit, claims, review, memory and checks, exchange, upkeep.
COMMAND_MODULES = (
    *(importing, models, translating, segments, claims, review, users, stats),
    *(glossary, tm, qa, export, import_tm, start),
    maintenance,
)
for module in COMMAND_MODULES:
    module.register(main)
