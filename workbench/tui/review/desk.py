"""The review desk: the queue of translated segments, their word diffs, approve / reject, history.

The other side is here too: "Returned to me" lists what reviewers sent back to the current user,
with their comments; Enter opens such a segment in the editor.

Every decision is made against the version shown: a save that came in after the segment was
shown makes the service refuse (StaleVersionError), and the new text is shown instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Literal

from rich.console import Group, RenderableType
from rich.text import Text
from sqlalchemy.exc import SQLAlchemyError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import DataTable, Label, Select, Static

from workbench.errors import StaleVersionError, WorkbenchError
from workbench.glossary.loading import glossary_index
from workbench.review.diff import DIFF_BASES, DiffBase
from workbench.review.history import segment_history
from workbench.review.queues import (
    QueueItem,
    ReturnedItem,
    editor_queue,
    queue_editors,
    review_queue,
)
from workbench.services.review import ReviewOutcome, approve_segment, reject_segment
from workbench.store.queries import list_documents
from workbench.store.stamps import Stamp, content_stamp
from workbench.tui.common.host import workbench_of
from workbench.tui.common.kept_styles import KeptStylesScreen
from workbench.tui.common.kept_table import KeptTable
from workbench.tui.common.key_footer import KeyFooter
from workbench.tui.common.naming import by_position
from workbench.tui.common.prompt import PromptScreen
from workbench.tui.review.history import HistoryScreen
from workbench.tui.review.shown import Shown, load_shown
from workbench.tui.review.view import ArabicText, issue_lines, short

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbench.tui.app import WorkbenchApp

Mode = Literal["queue", "returned"]
BASE_TITLES = {"mt": "MT → current", "previous": "previous revision → current"}
Item = QueueItem | ReturnedItem
PAGE = 100  # queue rows read at a time: the desk opens at once on a queue of thousands


class ReviewScreen(KeptStylesScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "approve", "Approve", id="review_approve"),
        Binding("r", "reject", "Reject", id="review_reject"),
        Binding("h", "history", "History", id="review_history"),
        Binding("tab", "switch_base", "Diff base", priority=True, id="review_diff_base"),
        Binding("m", "toggle_mode", "Returned to me", id="review_returned"),
        Binding("e", "filter('editor')", "Editor", id="review_filter_editor"),
        Binding("d", "filter('document')", "Document", id="review_filter_document"),
        Binding("escape", "close", "Back", id="review_close"),
        # the least confident MT first (and back to document order)
        Binding("s", "sort_queue", "Sort", id="review_sort", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.mode: Mode = "queue"
        self.base: DiffBase = "mt"
        self.items: dict[int, Item] = {}
        self.more = False  # the queue has rows after those read
        self.stale = True  # read everything again when next shown (set by whoever opens it)
        self.stamp: Stamp | None = None  # of what was read when last shown
        self.shown: Shown | None = None
        self.editor_filter: str | None = None
        self.document_filter: int | None = None
        self.queue_order = "document"  # or "mt-score", the least confident MT first

    @property
    def workbench(self) -> WorkbenchApp:
        return workbench_of(self)

    @property
    def table(self) -> DataTable[str]:
        return self.query_one("#review-queue", DataTable)

    def compose(self) -> ComposeResult:
        with Horizontal(id="review-body"):
            with Vertical(id="review-left"):
                with Horizontal(id="review-filters"):
                    yield Select[str]([], prompt="every editor", id="review-editor")
                    yield Select[int]([], prompt="every document", id="review-document")
                yield Label("", id="review-title")
                yield KeptTable(id="review-queue", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="review-detail"):
                yield Static("", id="review-segment")
        yield KeyFooter()

    def on_screen_resume(self) -> None:
        """Shown again (the app keeps this screen): read the queue afresh if asked to, unless
        nothing it is read from changed since it was read (store/stamps.py)."""
        if self.stale:
            self.stale = False
            with self.workbench.database.read() as session:
                # The checks shown read the glossary too.
                stamp = (*content_stamp(session), glossary_index(session).signature)
            if stamp != self.stamp:
                self.read_filters()
                self.reload()
                self.stamp = stamp
            self.table.focus()

    def read_filters(self) -> None:
        with self.workbench.database.read() as session:
            documents = list_documents(session)
            editors = queue_editors(session)
        self.query_one("#review-editor", Select).set_options((name, name) for name in editors)
        self.query_one("#review-document", Select).set_options(
            (f"{d.id}: {short(d.source_name, 24)}", d.id) for d in documents
        )

    # --- the list --------------------------------------------------------------------------------

    def reload(self, keep: int | None = None) -> None:
        """Read the queue afresh; the cursor stays on segment `keep` (or its row number)."""
        table = self.table
        row_index = table.cursor_row
        user = self.workbench.settings.user
        self.items, self.more = {}, False
        table.clear(columns=True)
        if self.mode == "queue":
            table.add_columns("doc", "#", "editor", "status", "English")
            self.load_page(at_least=max(row_index + 1, PAGE))
        else:
            with self.workbench.database.read() as session:
                returned = editor_queue(session, user)
            table.add_columns("doc", "#", "reviewer", "comment")
            for r in returned:
                cells = (str(r.document_id), str(r.position), r.reviewer, short(r.comment))
                table.add_row(*cells, key=str(r.segment_id))
                self.items[r.segment_id] = r
        self.show_title()
        if keep is not None and keep in self.items:
            row_index = list(self.items).index(keep)
        items = list(self.items.values())
        if items:
            table.move_cursor(row=min(row_index, len(items) - 1))
            self.show_segment(items[min(row_index, len(items) - 1)].segment_id)
        else:
            self.shown = None
            empty = (
                "Nothing waits for review here." if self.mode == "queue" else "Nothing returned."
            )
            self.query_one("#review-segment", Static).update(Text(empty, style="italic"))

    def load_page(self, at_least: int = PAGE) -> None:
        """The next page of the queue (a long queue is read as the cursor nears its end)."""
        last = list(self.items.values())[-1] if self.items else None
        # In document order a page starts after the last row's place (indexed); sorted by MT
        # confidence it starts after the rows already read.
        by_place = self.queue_order == "document" and last is not None
        after = (last.document_id, last.position) if by_place and last is not None else None
        offset = len(self.items) if self.queue_order != "document" else 0
        with self.workbench.database.read() as session:
            page = review_queue(
                session,
                editor=self.editor_filter,
                document_id=self.document_filter,
                order=self.queue_order,
                limit=at_least + 1,
                after=after,
                offset=offset,
            )
        self.more = len(page) > at_least
        for q in page[:at_least]:
            cells = (str(q.document_id), str(q.position), q.editor or "-", q.status)
            self.table.add_row(*cells, short(q.target), key=str(q.segment_id))
            self.items[q.segment_id] = q

    def show_title(self) -> None:
        count = len(self.items)
        if self.mode == "queue":
            more = "+ (more as you scroll)" if self.more else ""
            title = f"Waiting for review: {count}{more}"
            title += " (least confident MT first)" if self.queue_order == "mt-score" else ""
        else:
            user = self.workbench.settings.user
            title = f"Returned to {user}: {count} (Enter opens one in the editor)"
        self.query_one("#review-title", Label).update(title)

    @on(DataTable.RowHighlighted, "#review-queue")
    def highlighted(self, event: DataTable.RowHighlighted) -> None:
        if self.more and event.cursor_row >= len(self.items) - PAGE // 4:
            self.load_page()
            self.show_title()
        # The row `reload` put the cursor on is shown already: not read and drawn twice.
        shown = self.shown
        if event.row_key.value is not None and (
            shown is None or shown.row.id != int(event.row_key.value)
        ):
            self.show_segment(int(event.row_key.value))

    @on(DataTable.RowSelected, "#review-queue")
    def selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a returned segment: open it in the editor to fix it."""
        item = self.items.get(int(event.row_key.value or 0))
        main = self.workbench.main_screen
        if self.mode != "returned" or item is None or main is None:
            return
        self.dismiss(None)
        main.open_document(item.document_id, position=item.position)

    @on(Select.Changed)
    def filter_changed(self, event: Select.Changed) -> None:
        value = event.value
        if event.select.id == "review-editor":
            self.editor_filter = value if isinstance(value, str) else None
        else:
            self.document_filter = value if isinstance(value, int) else None
        if self.mode == "queue":
            self.reload()

    # --- the segment on the right ---------------------------------------------------------------

    def show_segment(self, segment_id: int) -> None:
        with self.workbench.database.read() as session:
            self.shown = load_shown(session, segment_id, self.workbench.settings)
        self.render_shown()

    def render_shown(self) -> None:
        shown = self.shown
        if shown is None:
            return
        row, item = shown.row, self.items.get(shown.row.id)
        who = f" · last saved by {row.updated_by}" if row.updated_by else ""
        heading = (
            f"Segment {row.position} of document {row.document} · {row.status} · v{row.version}"
        )
        other = next(base for base in DIFF_BASES if base != self.base)
        parts: list[RenderableType] = [
            Text(heading + who, style="bold"),
            Text("Arabic", style="bold underline"),
            ArabicText(row.source, self.workbench.bidi_active),
            Text(""),
            Text.assemble(
                (f"Diff {BASE_TITLES[self.base]}", "bold underline"),
                (f"   (tab: {BASE_TITLES[other]})", "dim"),
            ),
            shown.diffs[self.base],
            Text(""),
            Text("English now", style="bold underline"),
            Text(row.target or "(none)"),
            Text(""),
            Text("Checks", style="bold underline"),
            *issue_lines(shown.issues),
        ]
        comment = getattr(item, "comment", None) or getattr(item, "last_comment", None)
        if comment:
            by = getattr(item, "reviewer", None) or "a reviewer"
            parts += [Text(""), Text.assemble(("Sent back by ", "bold"), (by, "bold"), ": ")]
            parts.append(Text(comment, style="italic"))
        self.query_one("#review-segment", Static).update(Group(*parts))

    # --- decisions --------------------------------------------------------------------------------

    def decide(self, verb: str, write: Callable[[], ReviewOutcome]) -> None:
        shown = self.shown
        assert shown is not None
        try:
            outcome = write()
        except StaleVersionError as error:
            self.notify(
                f"Not {verb}: segment {shown.row.position} was saved by "
                f"{error.saved_by or 'someone'} after it was shown (now v{error.current}). "
                "Its new text is shown: look again, then decide.",
                severity="warning",
                timeout=15,
            )
            self.reload(keep=shown.row.id)
            return
        except (WorkbenchError, SQLAlchemyError) as error:
            row = shown.row
            message = by_position(str(error), row.id, row.position, row.document)
            self.notify(f"Not {verb}: {message}", severity="error", timeout=15, markup=False)
            return
        self.notify(f"Segment {shown.row.position} {outcome.status} (v{outcome.version}).")
        self.reload()

    def action_approve(self) -> None:
        shown, settings = self.shown, self.workbench.settings
        if shown is None:
            return
        segment_id, version = shown.row.id, shown.row.version

        def write() -> ReviewOutcome:
            return approve_segment(
                self.workbench.database,
                settings.user,
                segment_id,
                settings=settings,
                expect_version=version,
            )

        self.decide("approved", write)

    def action_reject(self) -> None:
        shown, user = self.shown, self.workbench.settings.user
        if shown is None:
            return
        segment_id, version = shown.row.id, shown.row.version

        def answered(comment: str | None) -> None:
            if comment is None:
                return
            if not comment.strip():
                self.notify("Not rejected: say what the editor should fix.", severity="warning")
                return

            def write() -> ReviewOutcome:
                database = self.workbench.database
                return reject_segment(database, user, segment_id, comment, expect_version=version)

            self.decide("rejected", write)

        title = f"Reject segment {shown.row.position}: what should the editor fix?"
        self.app.push_screen(PromptScreen(title, placeholder="comment (required)"), answered)

    # --- other actions -------------------------------------------------------------------------

    def action_history(self) -> None:
        if self.shown is None:
            return
        row = self.shown.row
        with self.workbench.database.read() as session:
            entries = segment_history(session, row.id)
        self.app.push_screen(HistoryScreen(row.position, row.document, entries))

    def action_switch_base(self) -> None:
        self.base = "previous" if self.base == "mt" else "mt"
        self.render_shown()

    def action_toggle_mode(self) -> None:
        self.mode = "returned" if self.mode == "queue" else "queue"
        self.query_one("#review-filters").display = self.mode == "queue"
        self.reload()

    def action_sort_queue(self) -> None:
        """Switch between document order and the least confident MT first."""
        self.queue_order = "mt-score" if self.queue_order == "document" else "document"
        self.reload()

    def action_filter(self, which: str) -> None:
        select = self.query_one(f"#review-{which}", Select)
        select.focus()
        select.action_show_overlay()

    def action_close(self) -> None:
        self.dismiss(None)
