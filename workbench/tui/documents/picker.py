"""The list of documents (F2), shown beside the segments when the user wants to switch.

Each entry: id, date (publication, else import), how many of its segments are translated (●,
reviewed and approved included) and approved (✔), as the segment list marks them, the format,
and the title on a line of its own. The progress comes from one grouped
query (`store.documents.document_summaries`), the same the CLI's `documents list` reads.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from workbench.store.documents import DocumentSummary, document_summaries
from workbench.store.models import Document
from workbench.tui.display.bidi import display_line
from workbench.tui.editor.segment_list import fit_logical

TITLE_CELLS = 30


def document_label(summary: DocumentSummary, bidi: bool) -> Text:
    """Two lines: id, date, progress and format; then the title."""
    label = Text()
    label.append(f"{summary.id:>3} ", style="bold")
    label.append(f"{summary.date} ", style="dim")
    label.append(f"●{summary.translated}/{summary.segments}", style="green")
    label.append(f" ✔{summary.approved}", style="bold green" if summary.approved else "dim")
    label.append(f" {summary.source_format}\n", style="dim")
    label.append(display_line(fit_logical(summary.title, TITLE_CELLS), bidi))
    return label


class DocumentPicker(OptionList):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "screen.documents", "Close", show=False),
    ]

    def show_documents(
        self, documents: Sequence[Document], current: int | None, bidi: bool
    ) -> None:
        self.show_summaries(self._summaries([document.id for document in documents]), current, bidi)

    def show_summaries(
        self, summaries: Sequence[DocumentSummary], current: int | None, bidi: bool
    ) -> None:
        self.clear_options()
        for summary in summaries:
            self.add_option(Option(document_label(summary, bidi), id=str(summary.id)))
        for index, summary in enumerate(summaries):
            if summary.id == current:
                self.highlighted = index

    def _summaries(self, ids: list[int]) -> list[DocumentSummary]:
        """The documents' progress, read now: the list the screen passed says only who they are."""
        from workbench.tui.app import WorkbenchApp  # the app imports this widget

        app = self.app
        assert isinstance(app, WorkbenchApp)
        with app.database.read() as session:
            return document_summaries(session, ids)
