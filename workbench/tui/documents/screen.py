"""F2: the document list, on a screen of its own over the main screen.

The list lies over the left of the main screen, which stays as it was beneath it (the screen is
transparent elsewhere). Before, the list was a widget of the main screen shown beside the work
area: showing it moved the focus off the editor, so the footer of ~25 keys was composed again,
and it took 40 columns from the segment list and the open segment, which were laid out and drawn
again; both again on closing. On its own screen nothing of the main screen changes: its focus,
footer and layout stay, and this screen (built once, app.shelf) brings its own footer of the
list's keys. Its `DocumentPicker` keeps its entries while they stay the same.

Keys: Enter (or a click) opens the highlighted document; F2 (the `documents` id of the keymap, so
a remapped key follows) or Escape closes; a click beside the list closes too.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import OptionList

from workbench.tui.common.key_footer import KeyFooter
from workbench.tui.documents.picker import DocumentPicker
from workbench.tui.keys.keymap import MAIN_ACTIONS, terminal_keys

_DOCUMENTS_KEYS = next(action.keys for action in MAIN_ACTIONS if action.id == "documents")


class DocumentsScreen(ModalScreen[int | None]):
    """Dismissed with the id of the document chosen, or None when closed."""

    DEFAULT_CSS = """
    DocumentsScreen {
        background: transparent;
    }
    /* Where the list was beside the work area: the left 40 columns, from the top, as tall as
       its entries and at most down to the status line (`_fit`). Nothing else is drawn here:
       any other widget would hide the main screen beneath it. */
    DocumentsScreen > #documents {
        width: 40;
        border-right: tall $primary;
    }
    /* Notices above the main screen's status line, as there (app.tcss). */
    DocumentsScreen ToastRack {
        margin-bottom: 2;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        # The id is the main screen's: the user's [keymap] moves this key with F2 (app.set_keymap).
        Binding(terminal_keys(_DOCUMENTS_KEYS), "documents", "Close list", id="documents"),
        Binding("escape", "close", "Close", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.current: int | None = None  # highlighted when shown
        self.bidi = False

    def compose(self) -> ComposeResult:
        yield DocumentPicker(id="documents")
        yield KeyFooter()

    def show(self, current: int | None, bidi: bool) -> None:
        """Fill the list, read now, before the screen is pushed: its first frame is then the
        right one, not one drawn again once filled. Built the first time: filled on mount."""
        self.current, self.bidi = current, bidi
        if self.is_mounted:
            picker = self.query_one(DocumentPicker)
            picker.show_all(current, bidi)
            self._fit(picker, self.app.size.height)

    def on_mount(self) -> None:
        picker = self.query_one(DocumentPicker)
        picker.show_all(self.current, self.bidi)
        self._fit(picker, self.app.size.height)
        picker.focus()

    def on_resize(self, event: events.Resize) -> None:
        self._fit(self.query_one(DocumentPicker), event.size.height)

    @staticmethod
    def _fit(picker: DocumentPicker, rows: int) -> None:
        """At most down to the main screen's status line: its footer and status line stay."""
        picker.styles.max_height = max(rows - 2, 3)  # unchanged, Textual does nothing

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(int(event.option.id) if event.option.id is not None else None)

    def on_click(self, event: events.Click) -> None:
        if event.widget is self:  # beside the list: the work area is what is wanted
            self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_documents(self) -> None:  # F2 again, as on the main screen: the list goes
        self.dismiss(None)
