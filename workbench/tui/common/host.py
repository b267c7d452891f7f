"""The app as the main screen's parts know it: typed, and imported only when asked for (the app
module imports the screens, so the screens cannot import it at their top)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.dom import DOMNode

if TYPE_CHECKING:
    from workbench.tui.app import WorkbenchApp


def workbench_of(node: DOMNode) -> WorkbenchApp:
    from workbench.tui.app import WorkbenchApp

    app = node.app
    assert isinstance(app, WorkbenchApp)
    return app
