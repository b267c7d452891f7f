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
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any, Literal, TypeVar

from arabic_reshaper import ArabicReshaper
from bidi import algorithm, get_display

from workbench.config import BidiMode
from workbench.text.inert import inert

Base = Literal["L", "R"]
T = TypeVar("T")

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


class _ReadOnceConfig:
    """arabic_reshaper asks configparser for its settings on every call, two thirds of its time;
    ours never change, so each is read once."""

    def __init__(self, section: Any) -> None:
        self._section = section
        self._booleans: dict[str, bool] = {}

    def getboolean(self, name: str) -> bool:
        value = self._booleans.get(name)
        if value is None:
            value = self._booleans[name] = bool(self._section.getboolean(name))
        return value

    def get(self, name: str, *default: Any) -> Any:
        return self._section.get(name, *default)


_reshaper = ArabicReshaper(configuration={"delete_harakat": False})
_reshaper.configuration = _ReadOnceConfig(_reshaper.configuration)


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


def reorder_tagged(text: str, tags: Sequence[T], base: Base) -> list[tuple[str, T]]:
    """python-bidi's pure-Python algorithm on `text` (mirroring brackets), each character in
    display order with the tag of the logical character it came from, and rule L3 applied: in a
    reversed (odd-level) run a mark would precede its base letter, so it is moved after it."""
    storage = algorithm.get_empty_storage()
    storage["base_level"] = algorithm.PARAGRAPH_LEVELS[base]
    storage["base_dir"] = base
    algorithm.get_embedding_levels(text, storage)
    for char, tag in zip(storage["chars"], tags, strict=True):
        char["tag"] = tag  # python-bidi moves the characters as dicts: the tag travels along
    algorithm.explicit_embed_and_overrides(storage)
    algorithm.resolve_weak_types(storage)
    algorithm.resolve_neutral_types(storage, False)
    algorithm.resolve_implicit_levels(storage, False)
    algorithm.reorder_resolved_levels(storage, False)
    algorithm.apply_mirroring(storage, False)
    out: list[tuple[str, T]] = []
    pending: list[tuple[str, T]] = []
    for char in storage["chars"]:
        item = (char["ch"], char["tag"])
        if char["level"] % 2 == 1 and unicodedata.combining(char["ch"]):
            pending.append(item)
            continue
        out.append(item)
        if pending:
            out.extend(reversed(pending))
            pending.clear()
    out.extend(pending)
    return out


def _exact(shaped: str, base: Base) -> str:
    """python-bidi's pure-Python algorithm: mirrors brackets and reports levels (slow)."""
    return "".join(char for char, _ in reorder_tagged(shaped, [None] * len(shaped), base))


def _fast(shaped: str, base: Base) -> str:
    """python-bidi's Rust algorithm (40x faster), for text without mirrored characters, where
    it orders exactly as the pure one does; it reports no levels, so a mark is taken to belong
    to the right-to-left letter that follows it on screen unless a left-to-right letter precedes
    it (the mark then follows its Latin base already)."""
    visual: str = get_display(shaped, base_dir=base)
    out: list[str] = []
    pending: list[str] = []
    for char in visual:
        if unicodedata.combining(char):
            pending.append(char)
            continue
        if pending:
            after_latin = bool(out) and unicodedata.bidirectional(out[-1]) == "L"
            if unicodedata.bidirectional(char) in ("R", "AL", "AN") and not after_latin:
                out.append(char)
                out.extend(reversed(pending))
            else:
                out.extend(pending)
                out.append(char)
            pending.clear()
            continue
        out.append(char)
    out.extend(pending)
    return "".join(out)


@lru_cache(maxsize=65536)
def _shape_word(word: str) -> str:
    return str(_reshaper.reshape(word))


def shape(text: str) -> str:
    """Contextual letter forms. Letters never join across a space and the ligatures in use
    (lam-alef, Allah) lie within a word, so words are shaped one by one, each once."""
    return " ".join(_shape_word(word) for word in text.split(" "))


@lru_cache(maxsize=8192)
def to_visual(text: str, base: Base = "R") -> str:
    """One line of logical text as a terminal without bidi must receive it. `base` is the
    paragraph direction: "R" for the Arabic source, "L" for English that quotes Arabic."""
    if text.isascii() or not any(_needs_bidi(char) for char in text):
        return text
    shaped = shape(text)
    if any(unicodedata.mirrored(char) for char in shaped):
        return _exact(shaped, base)
    return _fast(shaped, base)


def _needs_bidi(char: str) -> bool:
    return unicodedata.bidirectional(char) in ("R", "AL", "AN", "RLE", "RLO", "RLI")


def display_line(text: str, enabled: bool, base: Base = "R") -> str:
    """What to draw for one line of `text`: control characters made visible (never sent to the
    terminal as escape sequences), then converted when bidi display is on."""
    text = inert(text)
    return to_visual(text, base) if enabled else text
