"""What each setting may hold: one table of rules, checked when the settings are read.

A config file can put anything in any key (`tm_min_score = "high"`, `mt_beam_size = 0`): each
value is checked here against its rule, and a bad one is refused naming the key, the value and
what is allowed, before anything runs. Adding a setting means adding its row to RULES.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from workbench.text.controls import unstorable


class ConfigError(ValueError):
    """A setting has a value the workbench cannot use; the message says which and why."""


@dataclass(frozen=True, slots=True)
class Whole:
    """A whole number (not true/false, not 2.5) from `low` to `high`."""

    low: int
    high: int

    def problem(self, value: object) -> str | None:
        if type(value) is not int or not self.low <= value <= self.high:
            return f"a whole number from {self.low} to {self.high}"
        return None


@dataclass(frozen=True, slots=True)
class Number:
    """A number (whole or decimal) above `above`."""

    above: float

    def problem(self, value: object) -> str | None:
        if type(value) not in (int, float) or not value > self.above:  # type: ignore[operator]
            return f"a number above {self.above}"
        return None


@dataclass(frozen=True, slots=True)
class Flag:
    def problem(self, value: object) -> str | None:
        return None if isinstance(value, bool) else "true or false"


@dataclass(frozen=True, slots=True)
class Text:
    """Text that can be stored (no control characters), and not blank unless `blank_ok`."""

    blank_ok: bool = False

    def problem(self, value: object) -> str | None:
        if not isinstance(value, str) or (not self.blank_ok and not value.strip()):
            return "text" if self.blank_ok else "non-empty text"
        control = unstorable(value, "")
        return None if control is None else f"text without control characters ({control})"


@dataclass(frozen=True, slots=True)
class OneOf:
    choices: tuple[str, ...]

    def problem(self, value: object) -> str | None:
        return None if value in self.choices else f"one of: {', '.join(self.choices)}"


@dataclass(frozen=True, slots=True)
class Codes:
    """A list of names, each one of `choices` (e.g. quality-check codes)."""

    choices: tuple[str, ...]

    def problem(self, value: object) -> str | None:
        if not isinstance(value, list | tuple):
            return f'a list of codes, e.g. ["{self.choices[0]}"]'
        unknown = [str(item) for item in value if item not in self.choices]
        if unknown:
            known = ", ".join(self.choices)
            return f"known codes only (unknown: {', '.join(unknown)}; known: {known})"
        return None


@dataclass(frozen=True, slots=True)
class Table:
    """A table of text values (the [keymap]); its keys are checked where they are used."""

    def problem(self, value: object) -> str | None:
        if isinstance(value, Mapping) and all(
            isinstance(item, str) and unstorable(item, "") is None for item in value.values()
        ):
            return None
        return 'a table of text values, e.g. [keymap] save = "ctrl+s"'


@dataclass(frozen=True, slots=True)
class WebAddress:
    """An http(s) URL with a host, or "" for none (a page address people will follow)."""

    def problem(self, value: object) -> str | None:
        if value == "":
            return None
        parts = urlsplit(value) if isinstance(value, str) else None
        if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
            return "an http(s) URL with a host, like https://factcheck.example.org/claims/"
        if any(char.isspace() for char in str(value)):
            return "a URL without spaces"
        return None


Rule = Whole | Number | Flag | Text | OneOf | Codes | Table | WebAddress


def check_values(values: Mapping[str, object], rules: Mapping[str, Rule], where: str) -> None:
    """Raise ConfigError for the first value breaking its rule, naming key and what is allowed."""
    for key, rule in rules.items():
        if key not in values:
            continue
        value = values[key]
        problem = rule.problem(value)
        if problem is not None:
            shown = repr(value) if not isinstance(value, str) else repr(value)[:80]
            raise ConfigError(f"{where}setting {key} = {shown} is not allowed: use {problem}")
