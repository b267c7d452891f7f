"""The open sentence translated by another installed model, offered as an alternative.

The background MT and the suggestion come from the default model; this key (and the palette)
asks the next other installed ar→en model, in a thread worker, and puts its English first among
the alternatives (alt+1 takes it). Pressed again, it asks the model after that. `OtherModels`
(drawing nothing itself) owns whose turn it is and the English each segment was given, and tells
the screen when a translation arrives (`OtherModelArrived`).
"""

from __future__ import annotations

from textual import work
from textual.widget import Widget

from workbench.config import Settings
from workbench.errors import WorkbenchError
from workbench.store.queries import SegmentRow
from workbench.tui.editor.messages import OtherModelArrived


class OtherModels(Widget):
    DEFAULT_CSS = "OtherModels { display: none; }"

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings
        self._turn = 0  # which of the other models is asked next
        # English another model gave, by segment: kept first among the alternatives.
        self._texts: dict[int, str] = {}

    def ask(self, row: SegmentRow, default: str | None) -> None:
        """Translate the row's source with the next installed model other than `default`."""
        from workbench.mt.catalogue import installed_names

        others = [name for name in installed_names() if name != default]
        if not others:
            self.notify(
                "No other Arabic→English model is installed; add one with "
                "`workbench models install PATH` (an .argosmodel file or a CTranslate2 folder).",
                severity="warning",
            )
            return
        name = others[self._turn % len(others)]
        self._turn += 1
        self.notify(f"Translating with {name} …", markup=False)
        self.translate_with(name, row.id, row.source)

    @work(thread=True, exclusive=True, group="other-model", exit_on_error=False)
    def translate_with(self, name: str, segment_id: int, source: str) -> None:
        from workbench.mt.engine import get_engine

        try:
            [scored] = get_engine(self.settings, name).translate_scored([source])
        except WorkbenchError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error", markup=False)
            return
        self.post_message(OtherModelArrived(segment_id, name, scored.text, scored.score))

    def keep(self, segment_id: int, text: str) -> None:
        """Kept, so that the default model's alternatives arriving later (or a redraw) keep it
        first."""
        self._texts[segment_id] = text

    def first_of(self, segment_id: int, alternatives: list[str]) -> list[str]:
        """`alternatives` with another model's English for the segment first, when asked for."""
        text = self._texts.get(segment_id)
        if text is None:
            return alternatives
        return [text, *(other for other in alternatives if other != text)]
