"""Statistics: post-editing effort and review outcomes per editor and per document, and a chart.

The figures come from `load_reports`, as `workbench stats` prints them; they are computed in a
thread (chrF and TER over every finished segment) so the screen stays responsive. Shown again,
the screen first reads a stamp of what they are computed from (a few aggregates): unchanged, the
figures shown are still right and nothing is recomputed; changed, only the pairs of texts not
measured before cost sacrebleu time (`metrics.pair_stats` keeps the others).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import Worker, WorkerState

from workbench.review.records import load_reports
from workbench.review.stats import CHART_METRICS, StatsReport
from workbench.store.stamps import Stamp, content_stamp
from workbench.tui.common.host import workbench_of
from workbench.tui.common.key_footer import KeyFooter
from workbench.tui.stats.view import COMPACT_BELOW, BarChart, FittedLine, GroupTable, legend

if TYPE_CHECKING:
    from workbench.tui.app import WorkbenchApp


class Legend(Static):
    """The legend; where the tables are compact (as narrow), it spells their short headings."""

    compact: bool | None = None

    def on_resize(self, event: events.Resize) -> None:
        compact = event.size.width < COMPACT_BELOW
        if compact != self.compact:
            self.compact = compact
            self.update(legend(compact))


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
        self.stamp: Stamp | None = None  # of the figures shown
        self.stale = True  # compute again when next shown (set by whoever opens it)

    @property
    def workbench(self) -> WorkbenchApp:
        return workbench_of(self)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="stats"):
            yield Static("Computing statistics…", id="stats-editors")
            yield Static("", id="stats-chart")
            yield Static("", id="stats-documents")
            yield Legend(legend(), id="stats-legend")
        yield KeyFooter()

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
            stamp = content_stamp(session)
            if stamp == self.stamp:
                return  # nothing they are computed from changed: the figures shown stand
            reports = load_reports(session, ("editor", "document"))
        self.app.call_from_thread(self.show_reports, reports["editor"], reports["document"], stamp)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "stats" and event.state is WorkerState.ERROR:
            message = f"Statistics could not be computed: {event.worker.error}"
            self.query_one("#stats-editors", Static).update(message)

    def show_reports(
        self, by_editor: StatsReport, by_document: StatsReport, stamp: Stamp | None = None
    ) -> None:
        self.by_editor, self.by_document, self.stamp = by_editor, by_document, stamp
        self.query_one("#stats-editors", Static).update(GroupTable(by_editor, "By editor"))
        bidi = self.workbench.bidi_active
        documents = GroupTable(by_document, "By document", lambda text: FittedLine(text, bidi))
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
