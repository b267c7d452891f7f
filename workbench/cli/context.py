"""What every command gets: the settings and, opened on first use, the database."""

from __future__ import annotations

from dataclasses import dataclass, field

import click

from workbench.config import Settings
from workbench.store.database import Database, open_database


@dataclass
class CliContext:
    settings: Settings
    _database: Database | None = field(default=None, repr=False)

    def database(self) -> Database:
        if self._database is None:
            self._database = open_database(self.settings.db_url)
        return self._database

    def close(self) -> None:
        if self._database is not None:
            self._database.dispose()


pass_context = click.make_pass_decorator(CliContext)
