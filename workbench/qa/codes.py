"""The quality-check codes, shared by the checks, the settings (`qa_blocking`) and the CLI."""

from __future__ import annotations

from typing import Literal

Severity = Literal["error", "warning"]

# code -> (severity, what it means). Severity is how it is shown; blocking is a setting.
CHECKS: dict[str, tuple[Severity, str]] = {
    "empty-target": ("error", "a finished segment has no English"),
    "number-mismatch": ("error", "a number differs between source and target"),
    "arabic-in-target": ("error", "Arabic script left in the English"),
    "bidi-control": ("error", "an invisible bidi control character in the English"),
    "bidi-control-source": ("warning", "an invisible bidi control character in the Arabic"),
    "identical-to-mt": ("warning", "reviewed or approved English is the unedited machine output"),
    "glossary-term-missing": ("warning", "a glossary term is in the source, its English is not"),
    "length-ratio": ("warning", "the English is unusually short or long for the source"),
    "double-space": ("warning", "two or more spaces in a row"),
    "double-punctuation": ("warning", "punctuation typed twice (.. ,, !! ??)"),
}

DEFAULT_BLOCKING: tuple[str, ...] = (
    "empty-target",
    "number-mismatch",
    "arabic-in-target",
    "bidi-control",
)
