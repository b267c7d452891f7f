"""The footer of keys, rebuilt only when the keys it shows change.

Textual's Footer removes and mounts one widget per key (each styled by the whole stylesheet)
whenever its screen's bindings may have changed, and a screen says so each time a dialog opens
over it or closes: on the main screen's ~25 keys that was a third of the CPU of opening help or
search. The keys shown, their labels and whether each is enabled are compared first; the footer
is composed again only when one of them differs.

Each key is also told the footer's `compact` before it mounts: a FooterKey starts compact (its
reactive's default) and is bound to the footer's value only once styled, so every key of every
footer built was styled three times (on mount, compact on, compact off), each time with its two
component classes: 15% of the app's start-up CPU.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KeyFooter(Footer):
    """A Footer that skips its recompose when nothing it would show has changed."""

    _shown: tuple[Hashable, ...] | None = None

    def compose(self) -> ComposeResult:
        """Footer's keys, those bound to the footer's `compact` already as compact as it (the
        binding then changes nothing, so no key is styled again); the palette's key is not bound."""
        for widget in super().compose():
            if isinstance(widget, FooterKey) and "compact" in (widget._reactive_connect or {}):
                widget.set_reactive(FooterKey.compact, self.compact)
                widget.set_class(self.compact, "-compact", update=False)
            yield widget

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
