"""The footer lists each screen's keys, and a screen shown again keeps its footer's widgets
when its keys did not change (rebuilding them was most of the CPU of opening a screen)."""

from __future__ import annotations

from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from tests.tui.conftest import AppFactory
from workbench.tui.app import WorkbenchApp


def _keys(app: WorkbenchApp) -> list[FooterKey]:
    return list(app.screen.query_one(Footer).query(FooterKey))


async def test_footer_lists_the_screens_keys_and_keeps_them_when_shown_again(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        main_keys = _keys(app)
        assert "Confirm" in [key.description for key in main_keys]
        for opener in ("f10", "f9"):  # statistics, then the review desk
            await pilot.press(opener)
            await app.workers.wait_for_complete()
            await pilot.pause()
            first = _keys(app)
            described = [key.description for key in first]
            assert ("Chart metric" if opener == "f10" else "Approve") in described
            assert "Confirm" not in described
            await pilot.press("escape")
            await pilot.pause()
            assert _keys(app) == main_keys  # the main screen's own, the same widgets
            await pilot.press(opener)
            await app.workers.wait_for_complete()
            await pilot.pause()
            again = _keys(app)
            assert len(again) == len(first)
            assert all(a is b for a, b in zip(again, first, strict=True))
            await pilot.press("escape")
            await pilot.pause()
