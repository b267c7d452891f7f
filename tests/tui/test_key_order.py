"""`handled_so_far` (tui/keys/key_order.py) under cancellation: the app stops its timers on quit by
cancelling them, and a timer waiting there must stop, or the quit waits for it for ever."""

from __future__ import annotations

import asyncio

from textual.app import App

from workbench.tui.keys.key_order import handled_so_far


async def test_a_cancel_in_the_same_turn_as_the_drain_is_not_swallowed() -> None:
    app: App[None] = App()
    async with app.run_test():
        pump = app.screen
        waiting = asyncio.create_task(handled_so_far(pump))
        await asyncio.sleep(0)  # it has asked the screen to call it back, and waits
        # The screen handles its queue in one go: the drain callback, then this cancel, with no
        # turn of the loop in between (as the quit's cancel met the refresh timer's drain).
        pump.call_later(waiting.cancel)
        done, _ = await asyncio.wait({waiting}, timeout=10)
        assert waiting in done, "handled_so_far never returned"
        assert waiting.cancelled(), "the cancel was swallowed: a timer cancelled here runs on"


async def test_a_drained_queue_returns_without_waiting_for_the_timeout() -> None:
    app: App[None] = App()
    async with app.run_test():
        await asyncio.wait_for(handled_so_far(app.screen), timeout=2)
