"""The list of documents, shown beside the segments when the user wants to switch."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from workbench.store.models import Document
from workbench.tui.bidi import display_line
from workbench.tui.widgets.segment_list import fit_logical

TITLE_CELLS = 30


class DocumentPicker(OptionList):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "screen.documents", "Close", show=False),
    ]

    def show_documents(
        self, documents: Sequence[Document], current: int | None, bidi: bool
    ) -> None:
        self.clear_options()
        for document in documents:
            label = Text()
            label.append(f"{document.id:>3} ", style="bold")
            label.append(f"{document.segment_count} segments", style="dim")
            label.append(f"  {document.source_name}\n", style="dim")
            label.append(display_line(fit_logical(document.title, TITLE_CELLS), bidi))
            self.add_option(Option(label, id=str(document.id)))
        for index, document in enumerate(documents):
            if document.id == current:
                self.highlighted = index
