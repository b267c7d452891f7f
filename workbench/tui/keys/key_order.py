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

A part of that chain that is idle (nothing in its queue, its task waiting there for the next
message) has handled everything posted to it: it is passed over rather than asked to call back,
which cost a turn of the loop per part (a millisecond of every Enter, where the parts are idle).
A part that is busy, or that cannot be seen to be idle, is waited for as before.

The other way round, a key the focused widget does not take as text (an arrow, Home, Backspace)
bubbles up through every container to the app, which only then runs the widget's own binding for
it; the characters typed after it, handed straight to the widget, were inserted first ("abc",
Home, "X" typed in one burst gave "abcX"). `run_own_binding` runs such a binding in the widget's
own turn instead, so every key acts in the order it was typed.
"""

from __future__ import annotations

import asyncio
from typing import Any

from textual import events
from textual._context import active_message_pump
from textual.app import App
from textual.message_pump import MessagePump
from textual.screen import Screen
from textual.widget import Widget

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


def is_idle(pump: MessagePump) -> bool:
    """True when `pump` waits in its queue for the next message, the queue empty: then every
    message posted to it before has been handled, and what that set off has been posted on. A
    pump in the middle of a message (an action awaiting something) is not idle, even with an
    empty queue. Read from Textual's queue and asyncio's event (private parts): should either
    change shape, False, and the caller waits for the pump's call back as it always did."""
    queue = getattr(pump, "_message_queue", None)
    ready = getattr(queue, "ready_event", None)
    waiters = getattr(ready, "_waiters", None)
    if queue is None or waiters is None or getattr(pump, "_pending_message", True) is not None:
        return False
    # A waiter whose future is done has been woken: a message came, being handled now.
    return bool(queue.empty()) and any(not waiter.done() for waiter in waiters)


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
        # A task cannot wait for its own queue; an idle pump has nothing left to hand on.
        if pump is not current and not is_idle(pump):
            await handled_so_far(pump)


async def run_own_binding(widget: Widget, event: events.Key) -> bool:
    """Run `widget`'s own binding for `event` now, in the widget's turn; False if it has none
    (or its action declined), and the key goes on up as Textual sends it.

    The same binding the app would run for it once the key had bubbled up: the focused widget's
    bindings come first in the app's search, after the priority ones (which the app ran before
    it handed the key on), with the user's `[keymap]` applied as the app applies it."""
    if event.is_printable:
        return False  # text: the widget inserts it in its turn already (as Textual does)
    bindings = widget._bindings.copy()
    keymap = widget.app._keymap
    if keymap:
        bindings.apply_keymap(keymap)
    for binding in bindings.key_to_bindings.get(event.key, ()):
        if not binding.priority and await widget.app.run_action(binding.action, widget):
            event.stop()  # handled: neither TextArea's own handler nor the app runs it again
            event.prevent_default()
            return True
    return False
