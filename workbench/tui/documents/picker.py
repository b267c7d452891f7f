"""The list of documents (F2): what each entry shows, and the list that keeps its entries.

Each entry: id, date (publication, else import), how many of its segments are translated (●,
reviewed and approved included) and approved (✔), as the segment list marks them, the format,
and the title on a line of its own. The progress comes from one grouped
query (`store.documents.document_summaries`), the same the CLI's `documents list` reads.

The list is read afresh each time it is shown, but its entries are rebuilt only when what they
show changed: an OptionList cleared and filled again wraps and draws every entry anew. Nor is it
drawn again for a style update that changes nothing (its screen, kept by the app, gets one each
time it is shown): that second drawing was a sixth of F2's time.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from workbench.store.documents import DocumentSummary, document_summaries
from workbench.tui.common.host import workbench_of
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
        Binding("enter", "select", "Open"),  # OptionList's own, named in the footer
    ]

    _shown: tuple[tuple[DocumentSummary, ...], bool] | None = None  # what the entries show
    _drawn_with: tuple[object, ...] | None = None  # the styles of what is drawn

    def notify_style_update(self) -> None:
        """Drawn again only if the styles it draws with changed. They are its own rules (which
        follow its pseudo-classes and the theme) and the style it inherits; its component
        styles (highlight, hover) are compared by Textual, which refreshes it if they change."""
        Widget.notify_style_update(self)  # the caches of styles derived from the rules
        drawn_with = (self.rich_style, self.styles.get_rules())
        if drawn_with != self._drawn_with:
            self._drawn_with = drawn_with
            super().notify_style_update()

    def show_all(self, current: int | None, bidi: bool) -> None:
        """Every document, as the database has it now, with `current` highlighted."""
        with workbench_of(self).database.read() as session:
            summaries = document_summaries(session)
        self.show_summaries(summaries, current, bidi)

    def show_summaries(
        self, summaries: Sequence[DocumentSummary], current: int | None, bidi: bool
    ) -> None:
        shown = (tuple(summaries), bidi)
        if shown != self._shown:  # equal: the entries drawn last time are still right
            self._shown = shown
            self.clear_options()
            self.add_options(
                Option(document_label(summary, bidi), id=str(summary.id)) for summary in summaries
            )
        for index, summary in enumerate(summaries):
            if summary.id == current:
                self.highlighted = index
