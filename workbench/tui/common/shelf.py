"""Screens composed once and shown again: the app owns them, and nobody else keeps one.

Composing a dialog (mounting its widgets, applying the stylesheet to each) costs a Textual app
several times what drawing an already built one does: a screen opened all day is built on first
use, installed, and pushed again afterwards. A shelved screen reads what it shows afresh when it
is shown again (its `on_screen_resume`, told by whoever opens it), so reuse never shows stale data.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from textual.app import App
from textual.screen import Screen

S = TypeVar("S", bound=Screen[Any])


class ScreenShelf:
    def __init__(self, app: App[Any]) -> None:
        self.app = app

    def get(self, name: str, kind: type[S], make: Callable[[], S]) -> S:
        """The screen installed as `name`, built by `make` the first time."""
        key = f"shelf:{name}"
        if not self.app.is_screen_installed(key):
            self.app.install_screen(make(), key)
        screen = self.app.get_screen(key)
        assert isinstance(screen, kind)
        return screen
