"""The translation-memory matches for the open segment: up to three rows, each with its key.

A row reads "alt+7  92%  English target  · news.tmx": the key that puts the English into the
target, the fuzzy match percentage, the stored English, and where the pair came from (the TMX/CSV
file it was imported from, or the document of a finished segment). Hidden when there is none.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from workbench.tm.lookup import TmMatch
from workbench.tui.aids.foldable import FoldableAid
from workbench.tui.display.bidi import display_line


def describe_origin(match: TmMatch) -> str:
    if match.origin == "segment":
        return f"segment of {match.origin_name}" if match.origin_name else "segment"
    return match.origin_name or "imported"


class TmMatches(FoldableAid):
    """Rows of matches; `matches` is what the insert keys pick from."""

    DEFAULT_CSS = """
    TmMatches {
        height: auto;
        max-height: 3;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.matches: list[TmMatch] = []

    def blank(self) -> None:
        self.matches = []  # the insert keys find nothing until the open segment's matches come
        super().blank()

    def show_matches(self, matches: Sequence[TmMatch], keys: Sequence[str], bidi: bool) -> None:
        self.matches = list(matches)
        if not self.matches:
            self._set_shown(None)
            return
        rows = Text(no_wrap=True, overflow="ellipsis", end="")
        for number, (match, key) in enumerate(zip(self.matches, keys, strict=False)):
            if number:
                rows.append("\n")
            rows.append(f"{key:<6}", style="bold")
            rows.append(
                f"{match.score:>3}% ", style="bold reverse" if match.score == 100 else "bold"
            )
            rows.append(f" {display_line(' '.join(match.target.split()), bidi, 'L')}")
            rows.append(f"  · {describe_origin(match)}", style="dim")
        self._set_shown(rows)
