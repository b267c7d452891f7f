"""Arabic for terminals that do not reorder text themselves.

Textual writes cells in logical order. Terminals without a bidi engine (kitty, Alacritty, xterm,
Windows Terminal, tmux) then show Arabic reversed and unjoined, so for them the text is converted to
visual order before it is drawn: shape (arabic_reshaper, harakat kept) → resolve the bidi levels
of the whole sentence (UAX #9, `uax9.py`: isolates, bracket pairs) → wrap → reorder each line
(L1–L4: mirrored brackets, each combining mark back after its base letter). Terminals that
reorder by themselves (VTE, Konsole, mlterm, Apple Terminal, WezTerm, iTerm2) must get logical
text, or it is reversed twice.

Only what is drawn is converted; storage and editing stay in logical order.

Most sentences need no algorithm: one with no digits, no Latin letters and no controls (Arabic
letters, marks, spaces and punctuation) resolves to level 1 everywhere in a right-to-left
paragraph, so each of its lines reads as its characters reversed, a mark kept after its letter
and brackets mirrored (`rtl_lines`; checked against FriBidi in tests/unit/test_bidi_fribidi.py).
Only the others go through uax9.py, whose pure-Python resolve costs about a millisecond each.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
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


# W1–W7, N0–N2 turn every one of these into R in a right-to-left paragraph without L, EN, AN
# or explicit controls: the whole text is at level 1 (L1 puts S and trailing WS at the paragraph
# level, 1 too).
_ONE_LEVEL = frozenset({"R", "AL", "WS", "ON", "NSM", "CS", "ES", "ET", "S"})


def rtl_lines(text: str, spans: Sequence[tuple[int, int]], base: Base) -> list[str] | None:
    """Each line [start, end) of `text` in display order when all of `text` resolves to one
    right-to-left level (see _ONE_LEVEL), else None: the full algorithm is needed."""
    marks = _one_level_marks(text, base)
    if marks is None:
        return None
    return [_reversed_clusters(text, start, end, marks) for start, end in spans]


def _one_level(text: str, base: Base) -> bool:
    return _one_level_marks(text, base) is not None


def _one_level_marks(text: str, base: Base) -> str | None:
    """The nonspacing marks of `text` (maybe none) when it resolves to one right-to-left level,
    else None."""
    if base != "R":
        return None
    chars = set(text)
    if not chars <= _ONE_LEVEL_CHARS:  # classify what was not seen before, once for good
        for char in chars - _ONE_LEVEL_CHARS:
            cls = uax9.bidi_class(char)
            if cls not in _ONE_LEVEL:
                return None
            _ONE_LEVEL_CHARS.add(char)
            if cls == "NSM":
                _MARKS.add(char)
    return "".join(sorted(chars & _MARKS))


# Characters found in _ONE_LEVEL classes so far, and the nonspacing marks among them: a text
# made of them is recognised at C speed (bounded by the characters ever drawn).
_ONE_LEVEL_CHARS: set[str] = set()
_MARKS: set[str] = set()

_MIRROR = str.maketrans(uax9.MIRRORED)


def _reversed_clusters(text: str, start: int, end: int, marks: str | None = None) -> str:
    """L2 on a line at one odd level, with L3 (each letter's marks stay after it) and L4.
    `marks`: the nonspacing marks of `text`, when the caller knows them."""
    line = text[start:end]
    if marks is None:
        marks = "".join(sorted({c for c in line if uax9.bidi_class(c) == "NSM"}))
    if not marks or not any(mark in line for mark in marks):
        return line[::-1].translate(_MIRROR)  # no marks: the characters reversed, at C speed
    # Marks that open the line have no letter: they stay one cluster, which goes last, in order.
    return "".join(reversed(_clusters(marks).findall(line))).translate(_MIRROR)


@lru_cache(maxsize=256)
def _clusters(marks: str) -> re.Pattern[str]:
    """A letter with the marks after it, or a run of marks with no letter (a line's start)."""
    cls = "".join(re.escape(mark) for mark in marks)
    return re.compile(f"[{cls}]+|[^{cls}][{cls}]*", re.DOTALL)


def _visual_lines(text: str, spans: Sequence[tuple[int, int]], base: Base) -> list[str]:
    """Each line [start, end) of the paragraph `text` in display order."""
    fast = rtl_lines(text, spans, base)
    if fast is not None:
        return fast
    paragraph = uax9.resolve(text, _BASE_LEVELS[base])
    return ["".join(c for c, _ in _line(text, text, paragraph, s, e)) for s, e in spans]


def line_spans(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of `text` (words apart by single spaces) by cell width, as [start, end)
    spans in logical order; a word wider than a line is cut into full lines."""
    spans: list[tuple[int, int]] = []
    line_start: int | None = None
    used = 0
    measure = _measure(text)
    for match in _WORD.finditer(text):
        start, end = match.span()
        size = measure(start, end)
        while size > width:  # a very long word (a URL): cut it into full lines
            if line_start is not None:
                spans.append((line_start, _before_space(text, start)))
                line_start, used = None, 0
            cut = _fit(text, start, end, width)
            spans.append((start, cut))
            start, size = cut, measure(cut, end)
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


def _measure(text: str) -> Callable[[int, int], int]:
    """The cells of text[start:end], as rich's `cell_len` counts them, with each character
    measured once for good: measuring word by word missed rich's cache on most Arabic words and
    was the larger part of wrapping."""
    if "\u200d" in text or "\ufe0f" in text:  # joiners and emoji variants: rich reads sequences
        return lambda start, end: cell_len(text[start:end])
    # Without them rich's width of a string is the sum of its characters' widths.
    if set(text) <= _ONE_CELL:  # most text: tested at C speed
        return lambda start, end: end - start
    return lambda start, end: sum(map(_CELLS.__getitem__, text[start:end]))


class _CharCells(dict[str, int]):
    """Each character's cells, measured by rich on first use."""

    def __missing__(self, char: str) -> int:
        size = self[char] = cell_len(char)
        if size == 1:
            _ONE_CELL.add(char)
        return size


_CELLS = _CharCells()
# Characters measured one cell wide (bounded by the characters ever drawn).
_ONE_CELL: set[str] = set(" ")


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
    return _visual_lines(shaped, ((0, len(shaped)),), base)[0]


@lru_cache(maxsize=2048)
def wrap_visual(text: str, width: int, base: Base = "R") -> tuple[str, ...]:
    """`text` wrapped at `width` cells (whitespace runs become one space), each line as a
    terminal without bidi must receive it, the levels resolved on the whole text."""
    flat = " ".join(text.split())
    if flat.isascii() or not any(_needs_bidi(char) for char in flat):
        return tuple(flat[start:end] for start, end in line_spans(flat, width))
    shaped = shape(flat)
    return tuple(_visual_lines(shaped, line_spans(shaped, width), base))


@lru_cache(maxsize=8192)
def head_to_visual(head: str, whole: str, base: Base = "R") -> str:
    """`head`, the start of `whole` cut to fit a row (whitespace collapsed, maybe an ellipsis at
    its logical end), in display order with its levels resolved in the context of the whole
    sentence: the row shows what the first line of the wrapped sentence would show."""
    if whole.isascii():  # most English rows: nothing to reorder (checked at C speed)
        return head
    prefix = head[:-1] if head.endswith("…") else head
    flat = " ".join(whole.split())
    if not flat.startswith(prefix) or not any(_needs_bidi(char) for char in flat):
        return to_visual(head, base)
    shown = shape(head)
    marks = _one_level_marks(shown, base)
    if marks is not None and _one_level(flat, base):  # no context to resolve
        return _reversed_clusters(shown, 0, len(shown), marks)
    # Shaping is per word and the cut may fall inside one: shape the two sides apart. Presentation
    # forms keep their letters' bidi class, so the levels are those of the logical sentence.
    text = shown + shape(flat[len(prefix) :])
    return _visual_lines(text, ((0, len(shown)),), base)[0]


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
