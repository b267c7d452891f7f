"""The CLI starts like a shell tool: commands are imported when used, Alembic when needed.

These check properties (which modules a process imported, which commands the table lists), not
timings; bench/cli.py measures the times.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import click
import pytest

import workbench.cli
from tests.conftest import Cli
from workbench.cli import COMMANDS, main
from workbench.cli.lazy import LazyGroup
from workbench.store import migrate

HEAVY = ("sqlalchemy", "alembic", "textual", "rich", "argostranslate", "sacrebleu", "lxml")


def imported_after(code: str) -> dict[str, list[str]]:
    """Run `code` in a fresh interpreter; the heavy top-level packages it imported."""
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    modules = json.loads(result.stdout.splitlines()[-1])
    return {name: [m for m in modules if m.split(".")[0] == name] for name in HEAVY}


def test_importing_the_cli_and_asking_its_version_imports_no_heavy_library() -> None:
    code = (
        "from workbench.cli import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit as exit:\n    assert exit.code == 0\n"
    )
    imported = imported_after(code)
    assert {name: found for name, found in imported.items() if found} == {}


def test_main_help_lists_every_command_without_importing_them() -> None:
    code = (
        "from workbench.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit as exit:\n    assert exit.code == 0\n"
    )
    imported = imported_after(code)
    assert {name: found for name, found in imported.items() if found} == {}


def test_every_commands_help_imports_no_heavy_library() -> None:
    code = (
        "import click\n"
        "from workbench.cli import COMMANDS, main\n"
        "paths = []\n"
        "for entry in COMMANDS:\n"
        "    command = entry.load()\n"
        "    paths.append([entry.name])\n"
        "    if isinstance(command, click.Group):\n"
        "        paths += [[entry.name, sub] for sub in command.commands]\n"
        "for path in paths:\n"
        "    try:\n        main([*path, '--help'])\n"
        "    except SystemExit as exit:\n        assert exit.code == 0, path\n"
        "print(len(paths))\n"
    )
    imported = imported_after(code)
    assert {name: found for name, found in imported.items() if found} == {}


def test_a_database_at_the_current_schema_is_opened_without_alembic(seeded_cli: Cli) -> None:
    code = (
        "from workbench.cli import main\n"
        f"main(['--db', {seeded_cli.db_url!r}, 'segments', '--json'], standalone_mode=False)"
    )
    imported = imported_after(code)
    assert imported["alembic"] == []
    assert imported["sqlalchemy"] != []  # the probe really opened the database


def test_head_revision_constant_is_the_migrations_folders_head() -> None:
    assert migrate.head_revision() == migrate.HEAD_REVISION


def _defined_in(command: click.Command, module: str) -> bool:
    return command.callback is not None and command.callback.__module__ == module


def _real_commands() -> dict[str, click.Command]:
    """Every top-level command defined in workbench/cli/ ("module:attribute" → command)."""
    found: dict[str, click.Command] = {}
    for info in pkgutil.iter_modules(workbench.cli.__path__):
        module = importlib.import_module(f"workbench.cli.{info.name}")
        for attribute, value in vars(module).items():
            if isinstance(value, click.Command) and _defined_in(value, module.__name__):
                found[f"{module.__name__}:{attribute}"] = value
    below = {
        id(sub) for command in found.values() if isinstance(command, click.Group)
        for sub in command.commands.values()
    }  # fmt: skip
    started_without_a_name = {"workbench.cli.start:start"}  # `workbench` alone runs it
    return {
        target: command
        for target, command in found.items()
        if id(command) not in below and target not in started_without_a_name
    }


def test_the_command_table_lists_every_command_with_its_own_help() -> None:
    real = _real_commands()
    assert {entry.target for entry in COMMANDS} == set(real)
    for entry in COMMANDS:
        command = real[entry.target]
        assert entry.name == command.name
        assert not command.hidden
        wide = 1000  # the whole first sentence, as on a wide terminal
        from_table = click.Command(entry.name, help=entry.short_help)
        assert from_table.get_short_help_str(wide) == command.get_short_help_str(wide)


@pytest.mark.parametrize("width", [80, 200])
def test_help_from_the_table_reads_as_the_loaded_commands_would(width: int) -> None:
    def listing(group: click.Group) -> str:
        context = click.Context(group, info_name="workbench", terminal_width=width)
        formatter = context.make_formatter()
        group.format_commands(context, formatter)
        return formatter.getvalue()

    lazy = LazyGroup("workbench", lazy_commands=COMMANDS)
    before = listing(lazy)
    for entry in COMMANDS:
        assert lazy.get_command(click.Context(lazy), entry.name) is not None
    assert before == listing(lazy)
    assert all(entry.name in before for entry in COMMANDS)


def test_every_command_runs_its_help_through_the_lazy_group(cli: Cli) -> None:
    for entry in COMMANDS:
        result = cli(entry.name, "--help")
        assert result.exit_code == 0, result.output
        assert f"Usage: main {entry.name}" in result.stdout


def test_export_claims_is_still_under_export(cli: Cli, tmp_path: Path) -> None:
    result = cli("export", "--help")
    assert result.exit_code == 0, result.output
    assert "claims" in result.stdout
    assert main.get_command(click.Context(main), "export") is not None
