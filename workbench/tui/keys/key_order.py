"""Actions act on every key received before them, whatever the typing speed.

Textual reads the terminal in the app's task and hands each key to the focused widget's own
message queue, except that a priority binding (Enter to confirm, ctrl+s, ctrl+q...) runs at once
in the app's task. Text typed or pasted at machine speed and confirmed right away therefore met
a confirm that read the editor while the end of the text still waited in the editor's queue: the
target was saved cut in two and the rest was typed into the next segment.

`keys_delivered` closes that gap: before an action runs, it waits until the focused widget, and
each container up to the screen, has handled every message posted to it before (the keys, and
then what they set off, such as the keystroke count). The app's task waits meanwhile, so keys
after the action's own key are handed on only once the action is done: they land in whatever the
action left open (the next segment).
"""

from __future__ import annotations

import asyncio
from typing import Any

from textual._context import active_message_pump
from textual.app import App
from textual.message_pump import MessagePump
from textual.screen import Screen

# A queue that does not drain in this time belongs to a widget that is stuck or closing: the
# action then goes ahead rather than freezing the app.
DRAIN_TIMEOUT_SECONDS = 5.0


async def handled_so_far(pump: MessagePump) -> None:
    """Return once `pump` has handled every message posted to it before this call."""
    done = asyncio.Event()
    if not pump.call_later(done.set):
        return  # closed or closing: nothing more will be handled there
    # Not `asyncio.wait_for`: on Python 3.11 it swallows a cancel that arrives in the same turn
    # of the loop as `done` is set. The screen's refresh timer waits here, and the app stops its
    # timers by cancelling them on quit: the timer went on ticking and the quit hung for ever.
    try:
        async with asyncio.timeout(DRAIN_TIMEOUT_SECONDS):
            await done.wait()
    except TimeoutError:
        return


async def keys_delivered(app: App[Any]) -> None:
    """Wait until the focused widget and its containers up to the screen have handled every key
    (and bracketed paste) the app gave them so far, and what those keys posted on the way up."""
    focused = app.focused
    if focused is None:
        return
    current = active_message_pump.get(None)
    # The focused widget twice: what it posted to itself while handling keys is handled (and
    # bubbled to its parent) only after the keys themselves.
    chain: list[MessagePump] = [focused]
    for node in focused.ancestors_with_self:
        chain.append(node)
        if isinstance(node, Screen):
            break
    for pump in chain:
        if pump is not current:  # a task cannot wait for its own queue
            await handled_so_far(pump)
