"""The garbage collector paused while the `workbench` process starts.

Starting a command imports SQLAlchemy (and the ORM), Textual and the workbench's own modules:
hundreds of thousands of objects that live as long as the process. With the collector on, every
700 new container objects start a young pass, and the older passes walk the same long-lived
objects again and again while they pile up: about a tenth of a command's start-up CPU, and a
fifth of the screen's (bench/startup_gc.py). The process entry (`python -m workbench`, the
console script: `workbench.__main__.run`) pauses it first; it is resumed once the command has
what it needs loaded (its database opened, the screen's modules imported, a models command
entered), and at the latest PAUSE_LIMIT_S after the pause, so that a command that works long
before opening the database (`import` reads every file first) is not left without it. What is
alive then is frozen (`gc.freeze`: out of every later pass; reference counting still frees it),
as tests/conftest.py does for the test sessions.

Resuming does nothing in a process that did not pause (click's test runner, a script importing
the CLI): only the process entry changes the collector.
"""

from __future__ import annotations

import gc
import threading

PAUSE_LIMIT_S = 2.0  # wall seconds: a loaded machine resumes early, never late

_lock = threading.Lock()
_pending: list[threading.Timer] = []  # the timer of a pause not yet resumed (at most one)


def pause_collector() -> None:
    """Turn the collector off for the start-up (the process entry only)."""
    with _lock:
        if _pending or not gc.isenabled():
            return  # already paused, or turned off by someone else: theirs to turn on
        gc.disable()
        timer = threading.Timer(PAUSE_LIMIT_S, resume_collector)
        timer.daemon = True
        timer.start()
        _pending.append(timer)


def resume_collector() -> None:
    """Start-up is over: freeze what is alive and turn the collector back on (once)."""
    with _lock:
        if not _pending:
            return
        _pending.pop().cancel()
        gc.freeze()
        gc.enable()
