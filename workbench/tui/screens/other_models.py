"""The open sentence translated by another installed model, offered as an alternative.

The background MT and the suggestion come from the default model; this key (and the palette)
asks the next other installed ar→en model, in a thread worker, and puts its English first among
the alternatives (alt+1 takes it). Pressed again, it asks the model after that.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.screen import Screen

from workbench.errors import WorkbenchError
from workbench.tui.session import OpenSegment

if TYPE_CHECKING:
    from workbench.tui.app import WorkbenchApp
    from workbench.tui.widgets.detail import DetailPane


class OtherModels(Screen[None]):
    """A base of MainScreen, which provides what is declared here."""

    current: OpenSegment | None
    _other_model_turn: int = 0
    _other_model_texts: dict[int, str]

    if TYPE_CHECKING:

        @property
        def workbench(self) -> WorkbenchApp: ...
        @property
        def detail(self) -> DetailPane: ...

    def action_other_model_mt(self) -> None:
        from workbench.mt.catalogue import installed_names

        current = self.current
        if current is None:
            return
        default = self.workbench.model.name if self.workbench.model is not None else None
        others = [name for name in installed_names() if name != default]
        if not others:
            self.notify(
                "No other Arabic→English model is installed; add one with "
                "`workbench models install PATH` (an .argosmodel file or a CTranslate2 folder).",
                severity="warning",
            )
            return
        name = others[self._other_model_turn % len(others)]
        self._other_model_turn += 1
        self.notify(f"Translating with {name} …", markup=False)
        self.translate_with(name, current.row.id, current.row.source)

    @work(thread=True, exclusive=True, group="other-model", exit_on_error=False)
    def translate_with(self, name: str, segment_id: int, source: str) -> None:
        from workbench.mt.engine import get_engine

        try:
            [scored] = get_engine(self.workbench.settings, name).translate_scored([source])
        except WorkbenchError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error", markup=False)
            return
        self.app.call_from_thread(
            self.show_other_model, name, segment_id, scored.text, scored.score
        )

    def with_other_model(self, segment_id: int, alternatives: list[str]) -> list[str]:
        """`alternatives` with another model's English for the segment first, when asked for."""
        text = self._other_model_texts.get(segment_id)
        if text is None:
            return alternatives
        return [text, *(other for other in alternatives if other != text)]

    def show_other_model(self, name: str, segment_id: int, text: str, score: float | None) -> None:
        current = self.current
        if current is None or current.row.id != segment_id or not text:
            return
        # Kept, so that the default model's alternatives arriving later (or a redraw) keep it first.
        self._other_model_texts[segment_id] = text
        self.detail.set_alternatives(self.with_other_model(segment_id, self.detail.alternatives))
        sure = f", confidence {score:.2f}" if score is not None else ""
        self.notify(
            f"Alternative 1 is {name}'s translation{sure}; alt+1 puts it in the target.",
            markup=False,
        )
