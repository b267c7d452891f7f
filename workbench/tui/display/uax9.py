"""The Unicode Bidirectional Algorithm (UAX #9, revision 6.3 and later) for one paragraph.

Why our own: python-bidi's pure-Python algorithm predates isolates and bracket pairs (it
raises `AssertionError: RLI not allowed here` on an isolate around «آبل»), and its Rust one
reorders a whole paragraph as one line and reports no levels. A terminal needs the levels
resolved once for the whole sentence (X1–I2) and the line rules (L1–L4) applied to each wrapped
line, so the same text reads the same wherever it wraps. Checked line by line against GNU
FriBidi (tests/unit/test_bidi_fribidi.py).

Pure functions on code points: nothing here shapes, measures cells or knows about terminals.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from bidi.mirror import MIRRORED

from workbench.tui.display.uax9_brackets import resolve_brackets, strong_of

__all__ = ["MIRRORED", "Paragraph", "reorder_line", "resolve"]

MAX_DEPTH = 125
_STRONG = frozenset({"L", "R", "AL"})
_ISOLATE_INITIATORS = frozenset({"LRI", "RLI", "FSI"})
_REMOVED = frozenset({"RLE", "LRE", "RLO", "LRO", "PDF", "BN"})  # X9
_NEUTRAL = frozenset({"B", "S", "WS", "ON", "LRI", "RLI", "FSI", "PDI"})  # NI of N1
_EXPLICIT = frozenset({"RLE", "LRE", "RLO", "LRO", "PDF", "RLI", "LRI", "FSI", "PDI", "B"})
_TRAILING = frozenset({"WS", "LRI", "RLI", "FSI", "PDI"}) | _REMOVED  # L1


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph's resolved embedding levels and its characters' original bidi classes."""

    levels: tuple[int, ...]
    classes: tuple[str, ...]
    base_level: int


@lru_cache(maxsize=4096)
def bidi_class(char: str) -> str:
    return unicodedata.bidirectional(char) or "L"  # unassigned code points default to L


def first_strong(classes: Sequence[str], start: int = 0, end: int | None = None) -> str | None:
    """P2: "L" or "R" for the first strong class, skipping isolates; None if there is none."""
    depth = 0
    for cls in classes[start:end]:
        if cls in _ISOLATE_INITIATORS:
            depth += 1
        elif cls == "PDI":
            if depth == 0 and end is not None:
                return None  # FSI's text ends at its matching PDI
            depth = max(depth - 1, 0)
        elif depth == 0 and cls in _STRONG:
            return "L" if cls == "L" else "R"
    return None


def _matching_pdis(classes: Sequence[str]) -> dict[int, int]:
    """BD9: each isolate initiator's matching PDI."""
    found: dict[int, int] = {}
    open_: list[int] = []
    for index, cls in enumerate(classes):
        if cls in _ISOLATE_INITIATORS:
            open_.append(index)
        elif cls == "PDI" and open_:
            found[open_.pop()] = index
    return found


@dataclass(slots=True)
class _Stack:
    """X1–X8's directional status stack and overflow counters."""

    entries: list[tuple[int, str | None, bool]]  # (level, override, isolate)
    over_isolate: int = 0
    over_embed: int = 0
    valid_isolate: int = 0

    def push(self, rtl: bool, override: str | None, isolate: bool) -> None:
        level = self.entries[-1][0]
        new = (level + 1) | 1 if rtl else (level + 2) & ~1
        if new <= MAX_DEPTH and self.over_isolate == 0 and self.over_embed == 0:
            self.valid_isolate += isolate
            self.entries.append((new, override, isolate))
        elif isolate:
            self.over_isolate += 1
        elif self.over_isolate == 0:
            self.over_embed += 1

    def pop_isolate(self) -> None:
        if self.over_isolate:
            self.over_isolate -= 1
        elif self.valid_isolate:
            self.over_embed = 0
            while not self.entries[-1][2]:
                self.entries.pop()
            self.entries.pop()
            self.valid_isolate -= 1

    def pop_embedding(self) -> None:
        if self.over_isolate:
            return
        if self.over_embed:
            self.over_embed -= 1
        elif not self.entries[-1][2] and len(self.entries) >= 2:
            self.entries.pop()


_OPENERS = {"RLE": (True, None), "LRE": (False, None), "RLO": (True, "R"), "LRO": (False, "L")}


def _explicit(classes: list[str], base_level: int, matches: dict[int, int]) -> list[int]:
    """X1–X8: levels from embeddings, overrides and isolates; `classes` gets the overrides."""
    stack = _Stack([(base_level, None, False)])
    levels = [base_level] * len(classes)
    for index, cls in enumerate(classes):
        if cls == "PDI":
            stack.pop_isolate()
        level, override = stack.entries[-1][:2]
        levels[index] = base_level if cls == "B" else level
        if override and cls not in _REMOVED and cls != "B":
            classes[index] = override
        if cls in _OPENERS:
            stack.push(*_OPENERS[cls], isolate=False)
        elif cls in _ISOLATE_INITIATORS:
            stack.push(_isolate_is_rtl(cls, classes, index, matches), None, isolate=True)
        elif cls == "PDF":
            stack.pop_embedding()
    return levels


def _isolate_is_rtl(cls: str, classes: Sequence[str], index: int, matches: dict[int, int]) -> bool:
    """RLI, or an FSI whose text up to its matching PDI starts with a right-to-left letter."""
    if cls != "FSI":
        return cls == "RLI"
    return first_strong(classes, index + 1, matches.get(index, len(classes))) == "R"


def _sequences(
    kept: list[int], levels: list[int], classes: Sequence[str], matches: dict[int, int]
) -> list[list[int]]:
    """BD13: the isolating run sequences, as lists of indices of kept characters."""
    runs: list[list[int]] = []
    for index in kept:
        if runs and levels[runs[-1][-1]] == levels[index]:
            runs[-1].append(index)
        else:
            runs.append([index])
    by_start = {run[0]: run for run in runs}
    pdis = set(matches.values())
    out: list[list[int]] = []
    for run in runs:
        if classes[run[0]] == "PDI" and run[0] in pdis:
            continue  # it continues the sequence of its initiator
        sequence = list(run)
        while classes[sequence[-1]] in _ISOLATE_INITIATORS and sequence[-1] in matches:
            following = by_start.get(matches[sequence[-1]])
            if following is None:
                break
            sequence.extend(following)
        out.append(sequence)
    return out


def _direction(level: int) -> str:
    return "R" if level % 2 else "L"


def _weak(types: list[str], sos: str) -> None:
    """W1–W7 on the types of one isolating run sequence, in place."""
    _w1_to_w3(types, sos)
    _w4(types)
    _w5(types)
    strong = sos
    for i, cls in enumerate(types):  # W6, W7
        if cls in ("ES", "ET", "CS"):
            types[i] = "ON"
        elif cls in ("L", "R"):
            strong = cls
        elif cls == "EN" and strong == "L":
            types[i] = "L"


def _w1_to_w3(types: list[str], sos: str) -> None:
    previous = strong = sos
    for i, cls in enumerate(types):
        if cls == "NSM":  # W1
            isolate = previous in _ISOLATE_INITIATORS or previous == "PDI"
            cls = types[i] = "ON" if isolate else previous  # noqa: PLW2901
        previous = cls
        if cls in _STRONG:
            strong = cls
            if cls == "AL":  # W3
                types[i] = "R"
        elif cls == "EN" and strong == "AL":  # W2
            types[i] = "AN"


def _w4(types: list[str]) -> None:
    for i in range(1, len(types) - 1):
        before, cls, after = types[i - 1], types[i], types[i + 1]
        if cls == "ES" and before == after == "EN":
            types[i] = "EN"
        elif cls == "CS" and before == after and before in ("EN", "AN"):
            types[i] = before


def _w5(types: list[str]) -> None:
    i = 0
    while i < len(types):
        if types[i] != "ET":
            i += 1
            continue
        end = i
        while end < len(types) and types[end] == "ET":
            end += 1
        if (i > 0 and types[i - 1] == "EN") or (end < len(types) and types[end] == "EN"):
            types[i:end] = ["EN"] * (end - i)
        i = end


def _neutrals(types: list[str], sos: str, eos: str, embedding: str) -> None:
    """N1, N2: a run of neutrals between two strong types of one direction takes it."""
    i = 0
    while i < len(types):
        if types[i] not in _NEUTRAL:
            i += 1
            continue
        end = i
        while end < len(types) and types[end] in _NEUTRAL:
            end += 1
        before = strong_of(types[i - 1]) if i > 0 else sos
        after = strong_of(types[end]) if end < len(types) else eos
        new = before if before == after and before is not None else embedding
        types[i:end] = [new] * (end - i)
        i = end


def resolve(text: str, base_level: int) -> Paragraph:
    """X1–I2 over one paragraph (`text` holds no paragraph separator but at its end)."""
    original = tuple(map(bidi_class, text))
    classes = list(original)
    present = set(original)
    if present.isdisjoint(_EXPLICIT):  # the usual sentence: one level, one run sequence
        matches: dict[int, int] = {}
        levels = [base_level] * len(classes)
    else:
        matches = _matching_pdis(classes)
        levels = _explicit(classes, base_level, matches)
    explicit = tuple(levels)  # sos and eos compare these, not the levels resolved so far
    kept = [index for index, cls in enumerate(original) if cls not in _REMOVED]
    for seq in _sequences(kept, levels, classes, matches):
        level = explicit[seq[0]]
        first, last = seq[0], seq[-1]
        before = _position(kept, first)
        prior = explicit[kept[before - 1]] if before else base_level
        after_index = _position(kept, last) + 1
        if classes[last] in _ISOLATE_INITIATORS or after_index >= len(kept):
            following = base_level
        else:
            following = explicit[kept[after_index]]
        sos, eos = _direction(max(level, prior)), _direction(max(level, following))
        types = [classes[k] for k in seq]
        _weak(types, sos)
        resolve_brackets(text, seq, types, original=original, sos=sos, embedding=_direction(level))
        _neutrals(types, sos, eos, _direction(level))
        for k, cls in zip(seq, types, strict=True):  # I1, I2
            if level % 2 == 0:
                levels[k] += 1 if cls == "R" else 2 if cls in ("AN", "EN") else 0
            elif cls in ("L", "EN", "AN"):
                levels[k] += 1
    previous = base_level
    for index, cls in enumerate(original):  # X9: removed characters follow their neighbour
        if cls in _REMOVED:
            levels[index] = previous
        previous = levels[index]
    return Paragraph(tuple(levels), original, base_level)


def _position(kept: list[int], index: int) -> int:
    return bisect_left(kept, index)


def line_levels(paragraph: Paragraph, start: int, end: int) -> list[int]:
    """L1 for the line [start, end): separators, and whitespace and isolate controls before
    them or at the end of the line, go back to the paragraph level."""
    levels = list(paragraph.levels[start:end])
    classes = paragraph.classes[start:end]
    trailing = True
    for i in range(len(levels) - 1, -1, -1):
        cls = classes[i]
        if cls in ("S", "B"):
            levels[i] = paragraph.base_level
            trailing = True
        elif trailing and cls in _TRAILING:
            levels[i] = paragraph.base_level
        else:
            trailing = False
    return levels


def visual_order(levels: Sequence[int]) -> list[int]:
    """L2: indices of the line in display order (reverse each run at or above each odd level)."""
    order = list(range(len(levels)))
    if not levels:
        return order
    highest = max(levels)
    lowest_odd = min((level for level in levels if level % 2), default=highest + 1)
    for level in range(highest, lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if levels[order[i]] < level:
                i += 1
                continue
            end = i
            while end < len(order) and levels[order[end]] >= level:
                end += 1
            order[i:end] = reversed(order[i:end])
            i = end
    return order


def reorder_line(text: str, paragraph: Paragraph, start: int, end: int) -> list[int]:
    """L1–L3: the paragraph's indices in [start, end) in display order. L3: in a right-to-left
    run a base letter and the combining marks after it (with any invisible controls among them)
    are reversed first, so that L2 reverses them back: the marks follow their base on screen."""
    levels = line_levels(paragraph, start, end)
    classes = paragraph.classes[start:end]
    logical = list(range(len(levels)))
    i = len(levels) - 1
    while i >= 0:
        if levels[i] % 2 and classes[i] == "NSM":
            last, level = i, levels[i]
            i -= 1
            while i >= 0 and levels[i] == level and (classes[i] == "NSM" or classes[i] in _REMOVED):
                i -= 1
            if i < 0 or levels[i] != level:
                i += 1  # marks that open a run have no base in it
            logical[i : last + 1] = reversed(logical[i : last + 1])
        i -= 1
    line = [levels[k] for k in logical]
    return [start + logical[k] for k in visual_order(line)]
