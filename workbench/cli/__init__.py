"""The `workbench` command: global options, error reporting, and the table of commands.

Command modules are imported only when their command is used (cli/lazy.py), so that
`workbench --version` and `--help` start like a shell tool and each command pays only for the
libraries it needs.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from workbench import __version__
from workbench.cli.context import CliContext
from workbench.cli.lazy import LazyCommand, LazyGroup
from workbench.config import BIDI_MODES, ConfigError, load_settings
from workbench.errors import WorkbenchError
from workbench.text.inert import inert

# Every command: name, where it lives, and the first line of its help (what `workbench --help`
# shows without importing it). tests/unit/test_cli_table.py checks this against the commands.
COMMANDS = (
    # In the order of the work: ingest, MT, edit, claims, review, memory and checks, exchange.
    LazyCommand(
        "init",
        "workbench.cli.start:init_command",
        "Create the database (or bring its schema up to date) and print what it holds.",
    ),
    LazyCommand(
        "import",
        "workbench.cli.importing:import_command",
        "Import articles (files, folders of them, or web pages) as documents cut into sentences.",
    ),
    LazyCommand(
        "documents",
        "workbench.cli.documents:documents_group",
        "List, show, rename and delete documents (titles, sources, progress).",
    ),
    LazyCommand(
        "models",
        "workbench.cli.models:models_group",
        "Machine-translation models: Argos packages and CTranslate2 folders ($ARGOS_PACKAGES_DIR).",
    ),
    LazyCommand(
        "translate",
        "workbench.cli.translating:translate_command",
        "Machine-translate segments that have no MT yet, offline, committing each batch.",
    ),
    LazyCommand(
        "segments",
        "workbench.cli.segments:segments_command",
        "List segments in document order (Arabic in logical order, as stored).",
    ),
    LazyCommand(
        "edit",
        "workbench.cli.segments:edit_command",
        "Save TEXT as the English target of a segment, as a new revision by --user.",
    ),
    LazyCommand(
        "claims",
        "workbench.cli.claims:claims_group",
        "Tag checkable claims on Arabic or English spans, edit, list and export them.",
    ),
    LazyCommand(
        "review",
        "workbench.cli.review:review_group",
        "Approve or reject segments, and list what waits for review.",
    ),
    LazyCommand(
        "history",
        "workbench.cli.review:history_command",
        "Show every revision and review of a segment, oldest first (the edit log).",
    ),
    LazyCommand(
        "diff",
        "workbench.cli.review:diff_command",
        "Show a word diff to the current English target: deleted words red, inserted green.",
    ),
    LazyCommand(
        "users",
        "workbench.cli.users:users_group",
        "Manage who may edit, review and administer (roles: editor, reviewer, admin).",
    ),
    LazyCommand(
        "stats",
        "workbench.cli.stats:stats_command",
        "Post-editing effort (HTER, chrF, BLEU, seconds per word, keystrokes) and review rates.",
    ),
    LazyCommand(
        "glossary",
        "workbench.cli.glossary:glossary_group",
        "Arabic terms and the English to use for them, matched across spelling variants.",
    ),
    LazyCommand(
        "tm",
        "workbench.cli.tm:tm_group",
        "Translation memory: finished segments and imported TMX/CSV pairs.",
    ),
    LazyCommand(
        "qa",
        "workbench.cli.qa:qa_command",
        "Check segments: numbers, Arabic left in the English, glossary terms, lengths and more.",
    ),
    LazyCommand(
        "export",
        "workbench.cli.export:export_group",
        "Write exchange files (TMX, CSV, XLIFF) and documents (article, bilingual copy).",
    ),
    LazyCommand(
        "import-tm",
        "workbench.cli.import_tm:import_tm_command",
        "Import a translation memory from FILE (.tmx, or .csv as written by `export csv` or "
        "with the header ar,en).",
    ),
    LazyCommand(
        "import-xliff",
        "workbench.cli.import_xliff:import_xliff_command",
        "Bring the English of an XLIFF file exported by `workbench export xliff` back.",
    ),
    LazyCommand(
        "tui",
        "workbench.cli.start:tui_command",
        "Open the workbench screen (what `workbench` alone does on a terminal).",
    ),
    LazyCommand(
        "check",
        "workbench.cli.maintenance:check_command",
        "Check the database: storage integrity, orphaned rows, segment counts, history.",
    ),
    LazyCommand(
        "backup",
        "workbench.cli.maintenance:backup_command",
        "Copy the SQLite database to OUT while others keep working in it.",
    ),
)


class WorkbenchGroup(LazyGroup):
    """Turns a WorkbenchError into its message on stderr and its exit code, without a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except WorkbenchError as error:
            click.echo(inert(f"error: {error}"), err=True)
            sys.exit(error.exit_code)


@click.group(cls=WorkbenchGroup, invoke_without_command=True, lazy_commands=COMMANDS)
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
        from workbench.cli.start import start

        ctx.invoke(start)
