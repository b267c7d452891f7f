"""Pressing a run of keys without paying Textual's idle wait after every one of them.

`pilot.press(*keys)` waits for the process to go idle twice after each key (at least two 20 ms
sleeps, more while the screen redraws): 40-100 ms a key, so a test that moves the cursor over
80 characters and types two URLs spends most of its time waiting. `press_run` posts the very
same key events to the app, in order (Textual's own mapping of a character to its key name and
character), and waits once at the end until the app and every widget on the screen have handled
them. The keys still go one by one through the app's bindings and the focused widget's key
handler, exactly as typed; only the redraws between them are skipped.

Use it for a run of keys that stays in one widget and is all of one kind: characters typed, or
named keys (arrows, shift+arrows, backspace...). The two kinds travel different ways: a widget
inserts a character when it handles the key, while a named key bubbles up to the app, which runs
the widget's binding for it; keys sent faster than they are handled can therefore overtake one
another across the kinds (a run of "left", "backspace", "7" types the 7 first), never within one
kind. (The target editor now runs its own bindings in its turn, `key_order.run_own_binding`, so
there the kinds keep their order, as `test_tmux_input.py` checks in a real terminal; the other
widgets, such as the claim form's fields, still send a named key up first.) A key that opens
or closes a screen, or moves the focus, belongs in `pilot.press`, which waits for the new screen
before the next key is sent.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from textual import events
from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key
from textual.pilot import Pilot


def key_event(key: str) -> events.Key:
    """The event `pilot.press(key)` sends (as in Textual's `App._press_keys`)."""
    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    original = REPLACED_KEYS.get(key, key)
    try:
        char: str | None = unicodedata.lookup(_get_unicode_name_from_key(original))
    except KeyError:
        char = key if len(key) == 1 else None
    return events.Key(key, char)


async def press_run(pilot: Pilot[Any], *keys: str) -> None:
    """Press `keys` in order, then wait until the app has handled every one of them."""
    app = pilot.app
    screen = app.screen
    run = [key_event(key) for key in keys]
    kinds = {event.is_printable for event in run}
    assert len(kinds) <= 1, f"characters and named keys in one run (they may overtake): {keys}"
    for event in run:
        event.set_sender(app)
        assert app.post_message(event), f"the app refused the key {event.key!r}"
    # The app forwards each key to the focused widget's queue when it handles it: the first
    # pause drains the app's queue, the second the widgets' (and waits for the redraw).
    await pilot.pause()
    await pilot.pause()
    assert app.screen is screen, "a key of the run changed the screen: use pilot.press for it"
