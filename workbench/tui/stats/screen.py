"""Statistics: post-editing effort and review outcomes per editor and per document, and a chart.

The figures come from `load_stats`, as `workbench stats` prints them; they are computed in a
thread (chrF and TER over every finished segment) so the screen stays responsive.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.worker import Worker, WorkerState

from workbench.review.records import load_stats
from workbench.review.stats import CHART_METRICS, StatsReport
from workbench.tui.stats.view import BarChart, FittedLine, group_table, legend

if TYPE_CHECKING:
    from workbench.tui.app import WorkbenchApp


class StatsScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "cycle_chart", "Chart metric", id="stats_chart"),
        Binding("f5", "reload", "Reload", id="stats_reload"),
        Binding("escape,q", "close", "Back", id="stats_close"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.chart_metric = "hter"
        self.by_editor: StatsReport | None = None
        self.by_document: StatsReport | None = None
        self.stale = True  # compute again when next shown (set by whoever opens it)

    @property
    def workbench(self) -> WorkbenchApp:
        from workbench.tui.app import WorkbenchApp

        assert isinstance(self.app, WorkbenchApp)
        return self.app

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="stats"):
            yield Static("Computing statistics…", id="stats-editors")
            yield Static("", id="stats-chart")
            yield Static("", id="stats-documents")
            yield Static(legend(), id="stats-legend")
        yield Footer()

    def on_screen_resume(self) -> None:
        """Shown again (the app keeps this screen): compute afresh if asked to."""
        if self.stale:
            self.stale = False
            self.action_reload()

    def action_reload(self) -> None:
        self.compute()

    @work(thread=True, exclusive=True, group="stats", exit_on_error=False)
    def compute(self) -> None:
        with self.workbench.database.read() as session:
            by_editor = load_stats(session, "editor")
            by_document = load_stats(session, "document")
        self.app.call_from_thread(self.show_reports, by_editor, by_document)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "stats" and event.state is WorkerState.ERROR:
            message = f"Statistics could not be computed: {event.worker.error}"
            self.query_one("#stats-editors", Static).update(message)

    def show_reports(self, by_editor: StatsReport, by_document: StatsReport) -> None:
        self.by_editor, self.by_document = by_editor, by_document
        self.query_one("#stats-editors", Static).update(group_table(by_editor, "By editor"))
        bidi = self.workbench.bidi_active
        documents = group_table(by_document, "By document", lambda text: FittedLine(text, bidi))
        self.query_one("#stats-documents", Static).update(documents)
        self.show_chart()

    def show_chart(self) -> None:
        if self.by_editor is None:
            return
        chart = BarChart(self.chart_metric, self.by_editor.series(self.chart_metric))
        self.query_one("#stats-chart", Static).update(chart)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_cycle_chart(self) -> None:
        index = CHART_METRICS.index(self.chart_metric)
        self.chart_metric = CHART_METRICS[(index + 1) % len(CHART_METRICS)]
        self.show_chart()
