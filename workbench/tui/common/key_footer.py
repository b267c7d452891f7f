"""The footer of keys, rebuilt only when the keys it shows change.

Textual's Footer removes and mounts one widget per key (each styled by the whole stylesheet)
whenever its screen's bindings may have changed, and a screen says so each time a dialog opens
over it or closes: on the main screen's ~25 keys that was a third of the CPU of opening help or
search. The keys shown, their labels and whether each is enabled are compared first; the footer
is composed again only when one of them differs.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    """A Footer that skips its recompose when nothing it would show has changed."""

    _shown: tuple[Hashable, ...] | None = None

    def _signature(self, screen: Screen[object]) -> tuple[Hashable, ...]:
        """Everything Footer.compose reads from the bindings, in order."""
        app = screen.app
        keys = tuple(
            (
                key,
                binding.key,
                app.get_key_display(binding),
                binding.description,
                binding.action,
                binding.show,
                enabled,
                tooltip,
                binding.tooltip,
                binding.group,
            )
            for key, (_node, binding, enabled, tooltip) in screen.active_bindings.items()
        )
        return (*keys, self.compact, self.show_command_palette, app.ENABLE_COMMAND_PALETTE)

    def bindings_changed(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.screen and screen.app.app_focus:
            shown = self._signature(screen)
            if shown == self._shown:
                self._bindings_ready = True
                return
            self._shown = shown
        super().bindings_changed(screen)
