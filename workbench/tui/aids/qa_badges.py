"""Quality-check badges for the open segment: the check's code on its severity's colour, then what
is wrong ("number-mismatch  27 in the source is not in the English"). Errors come first; a check
that found several things shows one badge with their count and the first message, so that the
badges stay within a few lines. Hidden when there is none."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from workbench.qa.checks import QaIssue
from workbench.tui.aids.foldable import FoldableAid
from workbench.tui.display.bidi import display_line

SEVERITY_STYLES = {"error": "bold white on red", "warning": "bold black on yellow"}


class QaBadges(FoldableAid):
    DEFAULT_CSS = """
    QaBadges {
        height: auto;
        max-height: 3;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.issues: list[QaIssue] = []
        self._waiting = False

    def blank(self) -> None:
        self.issues = []
        self._waiting = True  # the open segment's checks have not come yet
        super().blank()

    def show_issues(self, issues: Sequence[QaIssue], bidi: bool) -> None:
        if list(issues) == self.issues and not self._waiting:
            return  # typing that changes nothing redraws nothing
        self._waiting = False
        self.issues = list(issues)
        if not self.issues:
            self._set_shown(None)
            return
        by_code: dict[str, list[QaIssue]] = {}
        for found in sorted(self.issues, key=lambda found: found.severity != "error"):
            by_code.setdefault(found.code, []).append(found)
        badges = Text(end="")
        for number, (code, found_here) in enumerate(by_code.items()):
            if number:
                badges.append("  ")
            badges.append(f" {code} ", style=SEVERITY_STYLES.get(found_here[0].severity, "reverse"))
            count = f" ×{len(found_here)}" if len(found_here) > 1 else ""
            badges.append(f"{count} {display_line(found_here[0].message, bidi, 'L')}")
        self._set_shown(badges)
