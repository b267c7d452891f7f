"""Arabic for terminals that do not reorder text themselves.

Textual writes cells in logical order. Terminals without a bidi engine (kitty, Alacritty, xterm,
Windows Terminal, tmux) then show Arabic reversed and unjoined, so for them the text is converted to
visual order before it is drawn: shape (arabic_reshaper, harakat kept) → resolve the bidi levels
of the whole sentence (UAX #9, `uax9.py`: isolates, bracket pairs) → wrap → reorder each line
(L1–L4: mirrored brackets, each combining mark back after its base letter). Terminals that
reorder by themselves (VTE, Konsole, mlterm, Apple Terminal, WezTerm, iTerm2) must get logical
text, or it is reversed twice.

Only what is drawn is converted; storage and editing stay in logical order.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any, Literal, TypeVar

from arabic_reshaper import ArabicReshaper
from rich.cells import cell_len

from workbench.config import BidiMode
from workbench.text.inert import inert
from workbench.tui.display import uax9

Base = Literal["L", "R"]
T = TypeVar("T")
_WORD = re.compile(r"[^ ]+")

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


_BASE_LEVELS: dict[Base, int] = {"L": 0, "R": 1}


def reorder_tagged(text: str, tags: Sequence[T], base: Base) -> list[tuple[str, T]]:
    """`text` as one line in display order (UAX #9, brackets mirrored, marks after their base
    letter), each character with the tag of the logical character it came from."""
    paragraph = uax9.resolve(text, _BASE_LEVELS[base])
    return _line(text, tags, paragraph, 0, len(text))


def _line(
    text: str, tags: Sequence[T], paragraph: uax9.Paragraph, start: int, end: int
) -> list[tuple[str, T]]:
    levels = paragraph.levels
    mirror = uax9.MIRRORED
    return [
        (mirror.get(text[i], text[i]) if levels[i] % 2 else text[i], tags[i])
        for i in uax9.reorder_line(text, paragraph, start, end)
    ]


def line_spans(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of `text` (words apart by single spaces) by cell width, as [start, end)
    spans in logical order; a word wider than a line is cut into full lines."""
    spans: list[tuple[int, int]] = []
    line_start: int | None = None
    used = 0
    for match in _WORD.finditer(text):
        start, end = match.span()
        size = cell_len(match.group())
        while size > width:  # a very long word (a URL): cut it into full lines
            if line_start is not None:
                spans.append((line_start, _before_space(text, start)))
                line_start, used = None, 0
            cut = _fit(text, start, end, width)
            spans.append((start, cut))
            start, size = cut, cell_len(text[cut:end])
        if start == end:
            continue
        if line_start is not None and used + 1 + size > width:
            spans.append((line_start, _before_space(text, start)))
            line_start, used = None, 0
        if line_start is None:
            line_start, used = start, size
        else:
            used += 1 + size
    if line_start is not None:
        spans.append((line_start, len(text.rstrip(" "))))
    return spans


def _before_space(text: str, start: int) -> int:
    end = start
    while end > 0 and text[end - 1] == " ":
        end -= 1
    return end


def _fit(text: str, start: int, end: int, width: int) -> int:
    """The end of the longest piece of text[start:end] within `width` cells (at least one)."""
    used = 0
    for index in range(start, end):
        used += cell_len(text[index])
        if used > width:
            return max(index, start + 1)
    return end


def wrapped_tagged(
    text: str, tags: Sequence[T], width: int, base: Base
) -> list[list[tuple[str, T]]]:
    """`text` wrapped at `width` cells, each line in display order: the levels are resolved
    once for the whole text (UAX #9 X1–I2), then each line is reordered on its own (L1–L4),
    so a line reads the same wherever the text wraps."""
    paragraph = uax9.resolve(text, _BASE_LEVELS[base])
    return [_line(text, tags, paragraph, start, end) for start, end in line_spans(text, width)]


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
    return "".join(char for char, _ in reorder_tagged(shaped, shaped, base))


@lru_cache(maxsize=2048)
def wrap_visual(text: str, width: int, base: Base = "R") -> tuple[str, ...]:
    """`text` wrapped at `width` cells (whitespace runs become one space), each line as a
    terminal without bidi must receive it, the levels resolved on the whole text."""
    flat = " ".join(text.split())
    if flat.isascii() or not any(_needs_bidi(char) for char in flat):
        return tuple(flat[start:end] for start, end in line_spans(flat, width))
    shaped = shape(flat)
    lines = wrapped_tagged(shaped, shaped, width, base)
    return tuple("".join(char for char, _ in line) for line in lines)


@lru_cache(maxsize=8192)
def head_to_visual(head: str, whole: str, base: Base = "R") -> str:
    """`head`, the start of `whole` cut to fit a row (whitespace collapsed, maybe an ellipsis at
    its logical end), in display order with its levels resolved in the context of the whole
    sentence: the row shows what the first line of the wrapped sentence would show."""
    prefix = head[:-1] if head.endswith("…") else head
    flat = " ".join(whole.split())
    if not flat.startswith(prefix) or not any(_needs_bidi(char) for char in flat):
        return to_visual(head, base)
    shown = shape(head)
    # Shaping is per word and the cut may fall inside one: shape the two sides apart. Presentation
    # forms keep their letters' bidi class, so the levels are those of the logical sentence.
    text = shown + shape(flat[len(prefix) :])
    paragraph = uax9.resolve(text, _BASE_LEVELS[base])
    return "".join(char for char, _ in _line(text, text, paragraph, 0, len(shown)))


def display_head(head: str, whole: str, enabled: bool, base: Base = "R") -> str:
    """What to draw for a row that shows the start of `whole`: see `head_to_visual`."""
    head = inert(head)
    return head_to_visual(head, inert(whole), base) if enabled else head


def display_lines(text: str, width: int, enabled: bool, base: Base = "R") -> tuple[str, ...]:
    """`text` wrapped at `width` cells for drawing: converted per line when bidi is on, with the
    levels resolved once for the whole text."""
    text = inert(text)
    if enabled:
        return wrap_visual(text, width, base)
    flat = " ".join(text.split())
    return tuple(flat[start:end] for start, end in line_spans(flat, width))


def _needs_bidi(char: str) -> bool:
    return unicodedata.bidirectional(char) in _RTL_CLASSES


# Any of these can move characters even in a left-to-right paragraph.
_RTL_CLASSES = frozenset({"R", "AL", "AN", "RLE", "RLO", "RLI", "FSI", "LRE", "LRO", "LRI"})


def display_line(text: str, enabled: bool, base: Base = "R") -> str:
    """What to draw for one line of `text`: control characters made visible (never sent to the
    terminal as escape sequences), then converted when bidi display is on."""
    text = inert(text)
    return to_visual(text, base) if enabled else text
