"""The footer, rebuilt only when the keys it lists changed.

Textual's Footer removes and mounts all its key widgets whenever its screen's bindings are
updated, which happens every time a kept screen is shown again (tui/shelf.py): some twenty
widgets styled anew, more than half the CPU of opening the review desk or the statistics. The
keys listed are the same as last time in nearly every case: then the widgets already shown stay.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer

Keys = tuple[tuple[str, str, str, bool, str | None], ...]


class KeyFooter(Footer):
    def __init__(self) -> None:
        super().__init__()
        self._listed: Keys | None = None  # the keys the widgets shown were composed from

    def _keys(self) -> Keys:
        return tuple(
            (binding.key, binding.action, binding.description, enabled, tooltip)
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show
        )

    def bindings_changed(self, screen: Screen[object]) -> None:
        """As Footer's, but the rebuild is skipped when the keys are those already listed."""
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self.call_after_refresh(self._rebuild_if_changed)

    async def _rebuild_if_changed(self) -> None:
        keys = self._keys()
        if keys != self._listed:
            self._listed = keys
            await self.recompose()
