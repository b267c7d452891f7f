"""The command palette (ctrl+p): every key action by name, plus filters and documents."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Provider

from workbench.store.models import SegmentStatus
from workbench.store.queries import list_documents
from workbench.tui.aids.mt_confidence import commands as confidence_commands
from workbench.tui.display.bidi import display_line
from workbench.tui.editor.rows import RowFilter
from workbench.tui.keys.keymap import MAIN_ACTIONS, effective_keys

Command = tuple[str, Callable[[], Any], str]


class WorkbenchCommands(Provider):
    def _commands(self) -> Iterator[Command]:
        from workbench.tui.app import WorkbenchApp
        from workbench.tui.editor.main import MainScreen

        screen, app = self.screen, self.app
        if not isinstance(screen, MainScreen) or not isinstance(app, WorkbenchApp):
            return
        keys = effective_keys(app.settings.keymap)
        for action in MAIN_ACTIONS:
            target = screen if not action.action.startswith("app.") else app
            name = action.action.removeprefix("app.")
            yield (
                action.title,
                partial(target.run_action, name),
                f"{action.help} [{keys[action.id]}]",
            )
        search = screen.rows.filter.search if screen.rows is not None else None
        yield (
            "Show all statuses",
            partial(screen.apply_filter, RowFilter(None, search)),
            "Remove the status filter.",
        )
        for status in SegmentStatus:
            yield (
                f"Show only {status.value}",
                partial(screen.apply_filter, RowFilter(status.value, search)),
                f"List only segments whose status is {status.value}.",
            )
        yield from confidence_commands(screen, app)
        # Exports of the open document (issue 15, tui/documents/export_dialog.py).
        from workbench.tui.documents.export_dialog import export_commands

        yield from export_commands(screen, app)
        with app.database.read() as session:
            documents = list_documents(session)
        for document in documents:
            yield (
                f"Open document {document.id}: {document.source_name}",
                partial(screen.open_document, document.id),
                display_line(document.title, app.bidi_active),
            )

    async def discover(self) -> Hits:
        for title, callback, help_text in self._commands():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, callback, help_text in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)
