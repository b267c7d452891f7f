"""A click group that imports a command's module only when that command is used.

Importing every command module up front pulled SQLAlchemy, Alembic, rich and the exporters into
`workbench --version`. The group knows each command's name, its one-line help and where it lives;
`workbench --help` is written from that table, and a module is imported when its command runs,
its own `--help` is asked, or the shell completes inside it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import click


@dataclass(frozen=True, slots=True)
class LazyCommand:
    """A command not imported yet: its name, "module:attribute", and its short help as the
    command's own help starts (tests/unit/test_cli_table.py keeps the two equal)."""

    name: str
    target: str
    short_help: str

    def load(self) -> click.Command:
        module_name, attribute = self.target.split(":")
        command = getattr(importlib.import_module(module_name), attribute)
        if not isinstance(command, click.Command):
            raise TypeError(f"{self.target} is not a click command")
        return command


class LazyGroup(click.Group):
    def __init__(self, *args: Any, lazy_commands: tuple[LazyCommand, ...] = (), **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.lazy_commands = {entry.name: entry for entry in lazy_commands}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *self.lazy_commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy_commands:
            self.add_command(self.lazy_commands[cmd_name].load(), cmd_name)
        return self.commands.get(cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Click's listing, with the table's help for the commands not imported yet."""
        rows = [(name, self._short_help(name)) for name in self.list_commands(ctx)]
        shown = [(name, text) for name, text in rows if text is not None]
        if not shown:
            return
        limit = formatter.width - 6 - max(len(name) for name, _ in shown)
        with formatter.section("Commands"):
            formatter.write_dl([(name, text(limit)) for name, text in shown])

    def _short_help(self, name: str) -> Callable[[int], str] | None:
        """A function of the width limit giving the row's help; None for a hidden command."""
        command = self.commands.get(name)
        if command is not None:
            return None if command.hidden else command.get_short_help_str
        # A stand-in with the table's help, shortened by click's own rule.
        return click.Command(name, help=self.lazy_commands[name].short_help).get_short_help_str
