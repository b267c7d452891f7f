"""Exporting the open document from the screen: the command palette's "Export ..." entries.

Each entry opens `ExportDialog` for one kind of file (the English article, the bilingual review
copy, XLIFF, TMX, CSV): the user types where the file goes (the suggestion names the document),
the export runs in a thread worker with a progress bar, and a notice says where the file went.
The exports are the CLI's (export/publishing.py, export/files.py): same checks, same atomic
write, so a refused export (untranslated sentences, OUT being the database) writes nothing and
the dialog stays open with the reason.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, ProgressBar, Select

from workbench.errors import WorkbenchError
from workbench.store.database import Database
from workbench.text.inert import inert


@dataclass(frozen=True, slots=True)
class ExportKind:
    key: str
    title: str  # the palette entry
    help: str
    suffix: str  # of the suggested file name


KINDS = (
    ExportKind("article", "Export article", "The English article (.docx .md .html .txt).", ".docx"),
    ExportKind("bilingual", "Export bilingual copy", "Arabic beside English, for review.", ".docx"),
    ExportKind("xliff", "Export XLIFF", "XLIFF 1.2 for a translator's CAT tool.", ".xlf"),
    ExportKind("tmx", "Export TMX", "The finished pairs as a TMX memory.", ".tmx"),
    ExportKind("csv", "Export CSV", "Every segment as a spreadsheet row.", ".csv"),
)  # fmt: skip
# The writers (python-docx, lxml) are imported when an export runs, not when the palette opens.
MISSING_LABELS = {
    "fail": "untranslated sentences: refuse",
    "mt": "untranslated sentences: machine translation",
    "source": "untranslated sentences: keep the Arabic",
    "mark": "untranslated sentences: mark them",
}
# Told the total once known, returns the `advance(n)` the export calls while it works.
Start = Callable[[int], Callable[[int], None]]


def run_document_export(
    database: Database,
    kind: str,
    path: Path,
    *,
    document_id: int,
    user: str,
    missing: str,
    start: Start,
) -> int:
    """One export of one document, as the CLI's commands run it; returns what it counted."""
    from workbench.export.files import ExportJob, run_export
    from workbench.export.publishing import (
        ARTICLE_FORMATS,
        BILINGUAL_FORMATS,
        PublishJob,
        choose_format,
        run_publish,
    )
    from workbench.export.rows import ExportFilter

    if kind == "article":
        chosen = choose_format(path, None, ARTICLE_FORMATS, "article")
        return run_publish(database, PublishJob(kind, path, document_id, chosen, missing), start)
    if kind == "bilingual":
        chosen = choose_format(path, None, BILINGUAL_FORMATS, "bilingual copy")
        return run_publish(database, PublishJob(kind, path, document_id, chosen), start)
    if kind == "xliff":
        return run_publish(database, PublishJob(kind, path, document_id, "xliff"), start)
    job = ExportJob(path, "tmx" if kind == "tmx" else "csv", ExportFilter(document_id), user)
    return run_export(database, job, start)


class ExportDialog(ModalScreen[Path | None]):
    """Asks for the file; returns the path written, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, database: Database, document_id: int, user: str, kind: ExportKind) -> None:
        super().__init__(classes="dialog-screen")
        self.database, self.document_id, self.user, self.kind = database, document_id, user, kind
        self.running = False

    def compose(self) -> ComposeResult:
        suggestion = f"document-{self.document_id}-{self.kind.key}{self.kind.suffix}"
        with Vertical(classes="dialog"):
            yield Label(f"{self.kind.title} of document {self.document_id}", classes="dialog-title")
            yield Label(self.kind.help, classes="dialog-hint")
            yield Input(suggestion, placeholder="file to write", id="export-path")
            if self.kind.key == "article":
                options = [(label, name) for name, label in MISSING_LABELS.items()]
                yield Select(options, value="fail", allow_blank=False, id="export-missing")
            yield ProgressBar(id="export-progress", show_eta=False)
            yield Label("Enter to export · Escape to cancel", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(ProgressBar).display = False

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if self.running or not event.value.strip():
            return
        path = Path(event.value.strip()).expanduser().absolute()
        missing = "fail"
        if self.kind.key == "article":
            missing = str(self.query_one("#export-missing", Select).value)
        self.running = True
        self.query_one(ProgressBar).display = True
        self.export(path, missing)

    @work(thread=True, exclusive=True)
    def export(self, path: Path, missing: str) -> None:
        bar = self.query_one(ProgressBar)

        def start(total: int) -> Callable[[int], None]:
            self.app.call_from_thread(bar.update, total=total, progress=0)
            return lambda count: self.app.call_from_thread(bar.advance, count)

        try:
            count = run_document_export(
                self.database,
                self.kind.key,
                path,
                document_id=self.document_id,
                user=self.user,
                missing=missing,
                start=start,
            )
        except WorkbenchError as error:
            self.app.call_from_thread(self._failed, str(error))
            return
        self.app.call_from_thread(self._done, path, count)

    def _failed(self, message: str) -> None:
        self.running = False
        self.query_one(ProgressBar).display = False
        self.notify(inert(message), title="Nothing exported", severity="error", markup=False)

    def _done(self, path: Path, count: int) -> None:
        self.app.notify(
            inert(f"{self.kind.title}: {count} written to {path}"),
            title="Exported",
            markup=False,
            timeout=10,
        )
        self.dismiss(path)

    def action_cancel(self) -> None:
        if not self.running:
            self.dismiss(None)


def export_commands(screen: Any, app: Any) -> Iterator[tuple[str, Callable[[], Any], str]]:
    """The palette entries for the open document (none when no document is open)."""
    if screen.document_id is None:
        return
    for kind in KINDS:
        dialog = partial(ExportDialog, app.database, screen.document_id, app.settings.user, kind)
        yield f"{kind.title} of document {screen.document_id}", _opener(app, dialog), kind.help


def _opener(app: Any, dialog: Callable[[], ExportDialog]) -> Callable[[], None]:
    """Opens a fresh dialog each time the palette entry is chosen."""

    def open_dialog() -> None:
        app.push_screen(dialog())

    return open_dialog
