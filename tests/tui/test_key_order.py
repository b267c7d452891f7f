"""`handled_so_far` (tui/keys/key_order.py) under cancellation: the app stops its timers on quit by
cancelling them, and a timer waiting there must stop, or the quit waits for it for ever. And
`keys_delivered` passes idle parts over, but waits for one busy with a message."""

from __future__ import annotations

import asyncio

import pytest
from textual.app import App, ComposeResult
from textual.message import Message
from textual.widget import Widget

from workbench.tui.keys.key_order import handled_so_far, is_idle, keys_delivered


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


class Holder(Widget, can_focus=True):
    """A focusable part whose handler of `Hold` waits (as an action awaiting something does)."""

    class Hold(Message):
        pass

    def __init__(self) -> None:
        super().__init__()
        self.started = asyncio.Event()
        self.release = asyncio.Event()
        self.finished = False

    async def on_holder_hold(self, _message: Hold) -> None:
        self.started.set()
        await self.release.wait()
        self.finished = True


class HolderApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Holder()


async def test_idle_parts_are_passed_without_a_turn_of_the_loop() -> None:
    app = HolderApp()
    async with app.run_test() as pilot:
        app.query_one(Holder).focus()
        await pilot.pause()
        delivered = keys_delivered(app)
        try:
            # Run by hand: one step that does not stop to wait means nobody was asked back.
            with pytest.raises(StopIteration):
                delivered.send(None)
        finally:
            delivered.close()


async def test_a_part_with_a_message_queued_is_not_idle() -> None:
    app = HolderApp()
    async with app.run_test() as pilot:
        holder = app.query_one(Holder)
        await pilot.pause()
        assert is_idle(holder)
        holder.post_message(Holder.Hold())
        assert not is_idle(holder)
        holder.release.set()


async def test_a_part_in_the_middle_of_a_message_is_waited_for() -> None:
    app = HolderApp()
    async with app.run_test() as pilot:
        holder = app.query_one(Holder)
        holder.focus()
        await pilot.pause()
        holder.post_message(Holder.Hold())
        await asyncio.wait_for(holder.started.wait(), timeout=5)
        # Its queue is empty, but the message it handles is not done.
        assert holder.message_queue_size == 0
        assert not is_idle(holder)
        waiting = asyncio.create_task(keys_delivered(app))
        await asyncio.sleep(0.05)
        assert not waiting.done(), "the action went ahead of a part still handling a key"
        holder.release.set()
        await asyncio.wait_for(waiting, timeout=5)
        assert holder.finished
