"""A DataTable that keeps its drawn cells when a style update changes nothing it draws with.

Textual's DataTable forgets every rendered cell on each style update, and a kept screen shown
again (tui/shelf.py) gets one: the claims panel and the review desk then drew each visible cell
afresh through Rich, most of the CPU of opening them. Its caches are keyed by the table's
pseudo-classes (focus, hover) and base style already; what the keys lack are the component
styles (cursor, header, stripes). They are compared here, per pseudo-class state: unchanged, the
cells drawn before are still right; changed (a theme, a class), they are dropped as before.
"""

from __future__ import annotations

from typing import Any

from textual.widgets import DataTable

Signature = tuple[object, ...]


class KeptTable(DataTable[Any]):
    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        # Component styles the caches were filled with, by pseudo-class state.
        self._drawn_with: dict[object, Signature] = {}

    def _signature(self) -> Signature | None:
        """None while the stylesheet has not yet given the component styles (mounting)."""
        names = sorted(self.COMPONENT_CLASSES)
        try:
            return (self.rich_style, *(self.get_component_rich_style(name) for name in names))
        except KeyError:
            return None

    def notify_style_update(self) -> None:
        state = self._pseudo_class_state
        # The widget's own style caches are always refreshed (the signature reads them), and so
        # are the table's caches of styles, which are not keyed by the pseudo-classes.
        super(DataTable, self).notify_style_update()
        self._styles_cache.clear()
        self._get_styles_to_render_cell.cache_clear()
        signature = self._signature()
        if signature is None:
            super().notify_style_update()
            return
        known = self._drawn_with.get(state)
        if known is not None and known != signature:
            # A real change (a theme, a class): what was drawn under any state is stale.
            self._drawn_with.clear()
            super().notify_style_update()
        # Otherwise the cells cached under this state (none yet, for a new one) are right.
        self._drawn_with[state] = signature
        self.refresh()
