"""Arabic for terminals that do not reorder text themselves.

Textual writes cells in logical order. Terminals without a bidi engine (kitty, Alacritty, xterm,
Windows Terminal, tmux) then show Arabic reversed and unjoined, so for them the text is converted to
visual order before it is drawn: shape (arabic_reshaper, harakat kept) → reorder (python-bidi's
pure-Python algorithm, which also mirrors brackets) → put each combining mark back after its base
letter (rule L3, which neither library applies). Terminals that reorder by themselves (VTE, Konsole,
mlterm, Apple Terminal, WezTerm, iTerm2) must get logical text, or it is reversed twice.

Only what is drawn is converted; storage and editing stay in logical order.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from functools import lru_cache

from arabic_reshaper import ArabicReshaper
from bidi import algorithm

from workbench.config import BidiMode

# Terminals that run a bidi algorithm of their own: (environment variable, value or None for "set").
_REORDERING_TERMINALS: tuple[tuple[str, str | None], ...] = (
    ("KONSOLE_VERSION", None),
    ("MLTERM", None),
    ("TERM_PROGRAM", "Apple_Terminal"),
    ("TERM_PROGRAM", "WezTerm"),
    ("TERM_PROGRAM", "iTerm.app"),
)
# VTE gained bidi in 0.58; VTE_VERSION is major*10000 + minor*100 + micro (0.58.0 -> 5800).
_VTE_FIRST_BIDI = 5800
# Multiplexers draw through their own screen model, which keeps logical order.
_MULTIPLEXERS = ("TMUX", "STY")

_reshaper = ArabicReshaper(configuration={"delete_harakat": False})


def terminal_reorders(environ: Mapping[str, str]) -> bool:
    """True when the terminal described by `environ` applies bidi reordering by itself."""
    if any(environ.get(name) for name in _MULTIPLEXERS):
        return False
    if environ.get("TERM", "").startswith("screen") or environ.get("TERM", "").startswith("tmux"):
        return False
    vte = environ.get("VTE_VERSION", "")
    if vte.isdigit() and int(vte) >= _VTE_FIRST_BIDI:
        return True
    for name, value in _REORDERING_TERMINALS:
        present = environ.get(name)
        if present and (value is None or present == value):
            return True
    return False


def resolve_mode(mode: BidiMode, environ: Mapping[str, str]) -> bool:
    """Whether to convert Arabic to visual order: `auto` decides from the terminal."""
    if mode == "auto":
        return not terminal_reorders(environ)
    return mode == "on"


def _visual_chars(text: str) -> list[tuple[str, int]]:
    """Characters in display order with their resolved embedding levels (paragraph base RTL)."""
    storage = algorithm.get_empty_storage()
    storage["base_level"] = algorithm.PARAGRAPH_LEVELS["R"]
    storage["base_dir"] = "R"
    algorithm.get_embedding_levels(text, storage)
    algorithm.explicit_embed_and_overrides(storage)
    algorithm.resolve_weak_types(storage)
    algorithm.resolve_neutral_types(storage, False)
    algorithm.resolve_implicit_levels(storage, False)
    algorithm.reorder_resolved_levels(storage, False)
    algorithm.apply_mirroring(storage, False)
    return [(char["ch"], char["level"]) for char in storage["chars"]]


def _marks_after_bases(chars: list[tuple[str, int]]) -> str:
    """Rule L3: in a reversed (odd-level) run a mark now precedes its base; move it after."""
    out: list[str] = []
    pending: list[str] = []
    for char, level in chars:
        if level % 2 == 1 and unicodedata.combining(char):
            pending.append(char)
            continue
        out.append(char)
        if pending:
            out.extend(reversed(pending))
            pending.clear()
    out.extend(pending)
    return "".join(out)


@lru_cache(maxsize=8192)
def to_visual(text: str) -> str:
    """One line of logical text as a terminal without bidi must receive it."""
    if not text or not any(_needs_bidi(char) for char in text):
        return text
    return _marks_after_bases(_visual_chars(_reshaper.reshape(text)))


def _needs_bidi(char: str) -> bool:
    return unicodedata.bidirectional(char) in ("R", "AL", "AN", "RLE", "RLO", "RLI")


def display_line(text: str, enabled: bool) -> str:
    """What to draw for one line of `text`: converted when bidi display is on."""
    return to_visual(text) if enabled else text
