"""GNU FriBidi through ctypes: the independent reference for our bidi display (Debian
`libfribidi0`, pulled in by `libfribidi-bin`, which CI installs).

FriBidi's command line cannot serve: with `--width` it cuts the visual string of the whole
paragraph into pieces, and without it each line would be resolved on its own. The library does
what UAX #9 asks: `fribidi_get_par_embedding_levels_ex` on the paragraph, then
`fribidi_reorder_line` on each line (L1, L2, and L3 with FRIBIDI_FLAG_REORDER_NSM).
"""

from __future__ import annotations

import ctypes
import ctypes.util
from array import array
from collections.abc import Sequence
from functools import cache

_REORDER_NSM = 0x2  # FRIBIDI_FLAG_REORDER_NSM


@cache
def _identity(n: int) -> ctypes.Array[ctypes.c_int]:
    """0, 1, ..., n-1 as a C int array, built once per length and only ever copied from:
    filling it element by element in Python took a third of a comparison's time."""
    return (ctypes.c_int * n).from_buffer_copy(array("i", range(n)))


def load() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("fribidi") or "libfribidi.so.0"
    try:
        return ctypes.CDLL(name)
    except OSError:
        return None


class FriBidi:
    def __init__(self, lib: ctypes.CDLL) -> None:
        self.lib = lib
        lib.fribidi_get_bidi_type.restype = ctypes.c_uint32
        lib.fribidi_get_par_embedding_levels_ex.restype = ctypes.c_int8
        lib.fribidi_reorder_line.restype = ctypes.c_int8
        self.ltr = lib.fribidi_get_bidi_type(ord("a"))
        self.rtl = lib.fribidi_get_bidi_type(ord("\u05d0"))  # a Hebrew letter: strong R

    def lines(self, text: str, spans: Sequence[tuple[int, int]], rtl: bool) -> list[str]:
        """Each line [start, end) of the paragraph `text` in display order, brackets mirrored."""
        return self.paragraph(text, rtl).lines(spans)

    def paragraph(self, text: str, rtl: bool) -> Paragraph:
        """The paragraph-level work (types, levels, L4 mirroring), which is the same whatever
        the lines: a caller that wraps one sentence at several widths can keep it."""
        n = len(text)
        # The arrays are filled and read in C (memmove, UTF-32 bytes), not one element at a time
        # in Python: the comparison runs over some 30,000 sentences per width.
        chars = (ctypes.c_uint32 * n).from_buffer_copy(text.encode("utf-32-le", "surrogatepass"))
        types = (ctypes.c_uint32 * n)()
        brackets = (ctypes.c_uint32 * n)()
        levels = (ctypes.c_int8 * n)()
        self.lib.fribidi_get_bidi_types(chars, n, types)
        self.lib.fribidi_get_bracket_types(chars, n, types, brackets)
        base = ctypes.c_uint32(self.rtl if rtl else self.ltr)
        if (
            self.lib.fribidi_get_par_embedding_levels_ex(
                types, brackets, n, ctypes.byref(base), levels
            )
            == 0
        ):
            raise RuntimeError("fribidi_get_par_embedding_levels_ex failed")
        self.lib.fribidi_shape_mirroring(levels, n, chars)  # L4 on the paragraph levels
        mirrored = bytes(chars).decode("utf-32-le", "surrogatepass")
        return Paragraph(self.lib, types, bytes(levels), base, mirrored)


class Paragraph:
    """One paragraph's resolved levels, reordered line by line with `fribidi_reorder_line`."""

    def __init__(
        self,
        lib: ctypes.CDLL,
        types: ctypes.Array[ctypes.c_uint32],
        levels: bytes,
        base: ctypes.c_uint32,
        mirrored: str,
    ) -> None:
        self.lib, self.types, self.levels, self.base, self.mirrored = (
            lib,
            types,
            levels,
            base,
            mirrored,
        )

    def lines(self, spans: Sequence[tuple[int, int]]) -> list[str]:
        n = len(self.mirrored)
        # Each line starts from the paragraph's levels and the identity map. The lines do not
        # overlap and fribidi_reorder_line writes only within [start, end) of both arrays, so one
        # copy serves every line of the call (a fresh copy per call: the paragraph is reused).
        line_levels = (ctypes.c_int8 * n).from_buffer_copy(self.levels)
        order = (ctypes.c_int * n).from_buffer_copy(_identity(n))
        for start, end in spans:
            self.lib.fribidi_reorder_line(
                _REORDER_NSM, self.types, end - start, start, self.base, line_levels, None, order
            )
        text = self.mirrored
        return ["".join(map(text.__getitem__, order[start:end])) for start, end in spans]
