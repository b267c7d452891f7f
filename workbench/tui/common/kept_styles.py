"""Styles of a shelved screen kept when it is shown again (tui/common/shelf.py).

Textual restyles every node of a screen each time it is shown again (its resume): a third of the
cost of opening a dialog of some fifty widgets, and most of the review desk's. The styles a node
gets depend on the stylesheet and theme (the app's CSS generation, which a shelved screen out of
the stack misses), the app's focus, and the node's own classes and pseudo-classes, which
change through their own restyle when they change. So when neither the CSS generation nor the
app's focus changed since the screen was last styled, its styles still hold.

A shelved screen derives from `KeptStylesScreen`, which notes `style_generation` when it is
hidden (its suspend) and, in its `update_node_styles(animate=False)` (what the resume calls), skips
the restyle when `styles_hold` for what it noted.
"""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.screen import Screen

Generation = tuple[int, bool]


def style_generation(app: App[Any]) -> Generation | None:
    """The app's CSS generation and focus; None (always restyle) if a Textual release no longer
    counts CSS updates under this private name."""
    count = getattr(app, "_css_update_count", None)
    return None if not isinstance(count, int) else (count, app.app_focus)


def styles_hold(app: App[Any], kept: Generation | None) -> bool:
    """Whether styles computed at generation `kept` hold now."""
    return kept is not None and kept == style_generation(app)


def styled_in_stack(screen: Screen[Any]) -> Generation | None:
    """For a screen's mount: its nodes were just styled, as the screen they are on is shown (its
    first resume would style them all again); None if it was mounted out of the stack."""
    return style_generation(screen.app) if screen in screen.app.screen_stack else None


class KeptStylesScreen(Screen[Any]):
    """A screen the app keeps and shows again, whose styles are kept while they hold.

    Textual runs each class's own `on_mount` and `on_screen_suspend` along the MRO, so a subclass
    keeps its own handlers and these run too. A modal screen lists it after `ModalScreen`
    (`class X(ModalScreen[T], KeptStylesScreen)`): Textual's CSS inheritance follows the first
    base only, and ModalScreen's styles (its dimmed background) must stay in that line."""

    _styles_kept: Generation | None = None  # when last styled or hidden: see update_node_styles

    def on_mount(self) -> None:
        self._styles_kept = styled_in_stack(self)

    def on_screen_suspend(self) -> None:
        self._styles_kept = style_generation(self.app)

    def update_node_styles(self, animate: bool = True) -> None:
        """Shown again, Textual restyles every node; unless the stylesheet, theme or app focus
        changed since this screen was hidden, its styles still hold and the restyle is skipped."""
        if animate:  # a class changed (the screen's resume passes False)
            super().update_node_styles(animate)
            return
        kept, self._styles_kept = self._styles_kept, None
        if not styles_hold(self.app, kept):
            super().update_node_styles(animate)
