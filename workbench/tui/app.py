"""The Textual app: settings, database, keymap, the MT worker, and the screens it opens."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.actions import ActionParseResult
from textual.app import App
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.driver import Driver
from textual.filter import LineFilter
from textual.message import Message
from textual.screen import Screen
from textual.worker import Worker, WorkerState, get_current_worker

from workbench.config import BIDI_MODES, BidiMode, Settings
from workbench.mt.packages import MISSING_MODEL_HELP, InstalledModel, find_ar_en_model
from workbench.store.database import Database
from workbench.tui.aids.model_notes import models_note
from workbench.tui.common.shelf import ScreenShelf
from workbench.tui.display.bidi import resolve_mode
from workbench.tui.display.inert_filter import InertFilter
from workbench.tui.editor.main import MainScreen
from workbench.tui.editor.messages import ModelFound, MtFinished, MtProgress
from workbench.tui.keys.commands import WorkbenchCommands
from workbench.tui.keys.help import HelpScreen
from workbench.tui.keys.key_order import keys_delivered
from workbench.tui.keys.keymap import check_keymap, effective_keys, terminal_keys
from workbench.tui.keys.terminal_input import read_escape_digit_as_alt
from workbench.tui.recovery.db_file import DatabaseFile
from workbench.tui.recovery.journal import JOURNAL_SECONDS
from workbench.tui.recovery.unsaved import UnsavedKeeper

if TYPE_CHECKING:
    from workbench.mt.engine import MtEngine
    from workbench.services.translation import TranslationReport

PROGRESS_INTERVAL = 0.25  # seconds between progress updates from the MT worker
MODEL_RECHECK_SECONDS = 3.0  # while no model is installed, how often the MT panel looks again


_INERT = InertFilter()


class WorkbenchApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "workbench"
    COMMANDS: ClassVar = App.COMMANDS | {WorkbenchCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", priority=True, id="quit"),
    ]

    def __init__(
        self,
        settings: Settings,
        database: Database,
        *,
        document_id: int | None = None,
        environ: Mapping[str, str] | None = None,
        translate: bool = True,
        catch_hang_ups: bool = False,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.database = database
        self.document_id = document_id
        self.environ = dict(os.environ if environ is None else environ)
        self.bidi_mode: BidiMode = settings.bidi
        self.translate_on_start = translate
        self.model: InstalledModel | None = find_ar_en_model()
        self._model_checked = time.monotonic()
        self._engine_lock = threading.Lock()
        self.mt_worker: Worker[TranslationReport] | None = None
        self.database_file = DatabaseFile.of(database)
        # Every write of the screen (saves, claims, reviews, MT) checks the file is still there.
        database.write_guard = self.database_file.check
        self._database_problem: str | None = None
        self.unsaved = UnsavedKeeper(self)
        self.catch_hang_ups = catch_hang_ups
        self.shelf = ScreenShelf(self)  # screens built once, shown again
        check_keymap(settings.keymap)

    # --- display ---------------------------------------------------------------------------------

    def get_driver_class(self) -> type[Driver]:
        driver = super().get_driver_class()
        if driver.__name__ != "LinuxDriver":  # Windows, or one set through TEXTUAL_DRIVER
            return driver
        from workbench.tui.recovery.hang_up_driver import HangUpSafeDriver

        return HangUpSafeDriver  # see there: a hang-up during the exit must end the process

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters, then control characters shown inert on every line drawn."""
        return [*super().get_line_filters(), _INERT]

    def update_styles(self, node: DOMNode, animate: bool = True) -> None:
        """Restyle `node` after a class changed, unless it is not in the DOM yet (or any more).

        Textual's widgets set classes as they are built (`compact=True` on a Select, an Input or
        a Button toggles a class; a Button's variant another) and each change restyled the new
        widget with the whole stylesheet, although it is styled again, from the classes it then
        has, when it mounts: a tenth of the CPU of building the claim form."""
        if node.is_attached:
            super().update_styles(node, animate)

    @property
    def bidi_active(self) -> bool:
        return resolve_mode(self.bidi_mode, self.environ)

    def cycle_bidi(self) -> None:
        self.bidi_mode = BIDI_MODES[(BIDI_MODES.index(self.bidi_mode) + 1) % len(BIDI_MODES)]
        active = "on" if self.bidi_active else "off"
        self.notify(f"Arabic display: {self.bidi_mode} (conversion {active})")

    def current_model(self) -> InstalledModel | None:
        """The model; while there is none, the models folder is looked at again (at most every
        few seconds), so one installed while the app runs is used without a restart."""
        now = time.monotonic()
        if self.model is None and now - self._model_checked >= MODEL_RECHECK_SECONDS:
            self._model_checked = now
            self.model = find_ar_en_model()
            if self.model is not None:
                self.model_found()
        return self.model

    def model_found(self) -> None:
        assert self.model is not None
        self.notify(f"Machine translation model found: {self.model.label()}", markup=False)
        self._tell_main(ModelFound(self.model_label()))
        if self.translate_on_start and self.mt_worker is None:
            self.mt_worker = self.translate_in_background()

    def model_label(self) -> str:
        return self.model.label() if self.model is not None else "no MT model (F1 for help)"

    @property
    def main_screen(self) -> MainScreen | None:
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                return screen
        return None

    def on_mount(self) -> None:
        self.set_keymap({id: terminal_keys(keys) for id, keys in self.settings.keymap.items()})
        self.push_screen(MainScreen(self.document_id))
        self.set_interval(JOURNAL_SECONDS, self.unsaved.keep)
        if self.catch_hang_ups:
            self.unsaved.catch_hang_ups()
        self.call_after_refresh(self.unsaved.offer_left_behind)
        if self.model is None:
            self.notify(
                "No Arabic→English model is installed. F1 says how to install one.",
                title="Machine translation is off",
                severity="warning",
                timeout=10,
            )
        elif self.translate_on_start:
            self.mt_worker = self.translate_in_background()

    def database_changed(self) -> bool:
        """True if the database file was deleted, moved or replaced; said once, and kept on
        screen until the user reads it (it does not go away by itself)."""
        problem = self.database_file.problem()
        if problem is not None and problem != self._database_problem:
            self.notify(
                problem, title="Database file changed", severity="error", timeout=3600, markup=False
            )
        self._database_problem = problem
        return problem is not None

    # --- machine translation ---------------------------------------------------------------------

    def engine(self) -> MtEngine:
        """The loaded model; the first call (in a worker thread) loads CTranslate2."""
        from workbench.mt.engine import get_engine

        with self._engine_lock:
            return get_engine(self.settings)

    @work(thread=True, exclusive=True, group="mt", exit_on_error=False)
    def translate_in_background(self) -> TranslationReport:
        """The open document first (the translator is looking at it), then all the others."""
        from workbench.services.translation import TranslationReport, translate_segments

        worker = get_current_worker()
        last = 0.0

        def progress(done: int, total: int) -> None:
            nonlocal last
            now = time.monotonic()
            if now - last >= PROGRESS_INTERVAL or done in (0, total):
                last = now
                self.call_from_thread(self._show_mt_progress, done, total)

        self.engine()
        first = self.call_from_thread(lambda: getattr(self.main_screen, "document_id", None))
        total = TranslationReport()
        for document_id in (first, None) if first is not None else (None,):
            report = translate_segments(
                self.database,
                self.settings,
                document_id=document_id,
                on_progress=progress,
                should_stop=lambda: worker.is_cancelled,
            )
            total.translated += report.translated
            total.batches += report.batches
            total.seconds += report.seconds
            total.filled += report.filled
            total.cancelled = report.cancelled
            if report.cancelled:
                break
        return total

    def _show_mt_progress(self, done: int, total: int) -> None:
        stop_key = effective_keys(self.settings.keymap)["stop_mt"]
        self._tell_main(MtProgress((done, total) if done < total else None, stop_key))

    def _tell_main(self, message: Message) -> None:
        """The main screen shows what the app has to say (it owns the status bar)."""
        screen = self.main_screen
        if screen is not None and screen.is_mounted:
            screen.post_message(message)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group != "mt" or event.state not in (
            WorkerState.SUCCESS,
            WorkerState.ERROR,
            WorkerState.CANCELLED,
        ):
            return
        result = worker.result if event.state is WorkerState.SUCCESS else None
        # The memory's English put in targets is shown at once, as `workbench translate` does.
        self._tell_main(MtFinished(filled=result is not None and bool(result.filled)))
        if event.state is WorkerState.ERROR:
            self.notify(f"Machine translation stopped: {worker.error}", severity="error")
        elif event.state is WorkerState.CANCELLED:
            self.notify("Machine translation stopped; `workbench translate` resumes it.")
        elif worker.result is not None and (worker.result.translated or worker.result.filled):
            report = worker.result
            filled = f"; {report.filled} filled from the memory" if report.filled else ""
            self.notify(
                f"Machine translation: {report.translated} segments in {report.seconds:.0f} s"
                + filled
            )

    def action_stop_mt(self) -> None:
        running = [w for w in self.workers if w.group == "mt" and w.is_running]
        if not running:
            self.notify("No machine translation is running.")
        for worker in running:
            worker.cancel()

    async def run_action(
        self,
        action: str | ActionParseResult,
        default_namespace: DOMNode | None = None,
        namespaces: Mapping[str, DOMNode] | None = None,
    ) -> bool:
        """Every action (a key binding, the palette) first lets the keys typed before it land
        where they were typed (key_order.py): a fast Enter confirms the whole text."""
        await keys_delivered(self)
        return await super().run_action(action, default_namespace, namespaces)

    # --- app actions -----------------------------------------------------------------------------

    def action_help(self) -> None:
        missing = MISSING_MODEL_HELP if self.model is None else None
        name = "help" if missing is None else "help without a model"
        keymap = self.settings.keymap
        models = None if self.model is None else models_note()
        # The models installed can change while the app runs: the shelved help is rebuilt then.
        name += f" {models}" if models else ""
        self.push_screen(
            self.shelf.get(name, HelpScreen, lambda: HelpScreen(keymap, missing, models))
        )

    def action_open_review(self) -> None:
        from workbench.tui.review.desk import ReviewScreen

        screen = self.shelf.get("review desk", ReviewScreen, ReviewScreen)
        screen.stale = True
        self._open_from_main(screen)

    def action_open_statistics(self) -> None:
        from workbench.tui.stats.screen import StatsScreen

        screen = self.shelf.get("statistics", StatsScreen, StatsScreen)
        screen.stale = True
        self._open_from_main(screen)

    def action_open_claims_board(self) -> None:  # the claims board
        from workbench.tui.claims.board import open_claims_board

        open_claims_board(self)

    def action_open_claim_suggestions(self) -> None:  # likely claims
        from workbench.tui.claims.suggestions import open_claim_suggestions

        open_claim_suggestions(self)

    def _open_from_main(self, screen: Screen[None]) -> None:
        """Save the open segment first; back on the main screen, show what changed meanwhile."""
        main = self.main_screen
        if main is None or self.screen is not main or not main.leave_current():
            return
        self.push_screen(screen, lambda _: main.refresh_from_database())

    async def action_quit(self) -> None:
        """Save the open segment first; a conflict keeps the app open to resolve it. With the
        database file gone, the text goes to the recovery journal, offered at the next start."""
        screen = self.main_screen
        if screen is None or screen.leave_current():
            self.exit()
        elif self.database_changed() and self.unsaved.keep():
            self.exit(message=f"Your unsaved text is kept in {self.unsaved.journal.folder}.")


def run_app(
    settings: Settings,
    database: Database,
    document_id: int | None = None,
    *,
    translate: bool = True,
) -> None:
    from workbench.services.seeding import seed_if_empty

    seed_if_empty(database, settings.user)  # a new database opens on the seed articles
    read_escape_digit_as_alt()
    app = WorkbenchApp(
        settings, database, document_id=document_id, translate=translate, catch_hang_ups=True
    )
    try:
        app.run()
    finally:
        app.unsaved.journal.close()
    if app.return_code:
        raise SystemExit(app.return_code)
