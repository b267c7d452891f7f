"""Notices (Textual toasts) stay above the main screen's status line and footer.

The status line sits directly above the footer, on the row where Textual docks its toast rack
(one row above the bottom). What is tested is what a person sees: the widget drawn on each cell
of the status line (the compositor's hit test, which honours the clipping of each toast) must not
be a toast, whatever the size and however many notices are up.
"""

from __future__ import annotations

import pytest
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._toast import Toast

from tests.tui.conftest import AppFactory
from workbench.tui.app import WorkbenchApp
from workbench.tui.editor.status_bar import StatusBar

LONG = "Segment 12 of document 3 was saved by karim after it was shown; look again. " * 2


def _in_toast(widget: Widget) -> bool:
    return any(isinstance(node, Toast) for node in (widget, *widget.ancestors))


def _covered_cells(app: WorkbenchApp, widget: Widget) -> list[tuple[int, int]]:
    """Cells of `widget`'s region where a toast is drawn instead."""
    region = widget.region
    return [
        (x, y)
        for y in range(region.y, region.bottom)
        for x in range(region.x, region.right)
        if _in_toast(app.screen.get_widget_at(x, y)[0])
    ]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
@pytest.mark.parametrize("notices", [1, 3])
async def test_notices_leave_the_status_line_and_footer_visible(
    make_app: AppFactory, size: tuple[int, int], notices: int
) -> None:
    app = make_app()
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.pause()
        for number in range(notices):
            app.notify(f"{number + 1}. {LONG}", severity="warning", timeout=60)
        await pilot.pause(0.2)
        toasts = list(app.screen.query(Toast))
        assert len(toasts) >= notices  # the notices are up (with any the start-up gave)
        status = app.screen.query_one(StatusBar)
        assert _covered_cells(app, status) == []
        assert _covered_cells(app, app.screen.query_one(Footer)) == []
        # The notice itself is readable: its text is drawn just above the status line.
        above = app.screen.get_widget_at(size[0] - 4, status.region.y - 1)[0]
        assert _in_toast(above)
