"""The one settings object: database, user, display and machine-translation options.

Precedence, strongest first: command-line flags, environment variables, the config file
(`$WORKBENCH_CONFIG`, else `<user config dir>/workbench/config.toml`), built-in defaults.
"""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Literal

from workbench.config_rules import (
    Codes,
    ConfigError,
    Flag,
    Number,
    OneOf,
    Rule,
    Table,
    Text,
    WebAddress,
    Whole,
    check_values,
)

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DB_PATH = PROJECT_ROOT / "db" / "workbench.sqlite"
SEEDS_DIR = PROJECT_ROOT / "seeds"

BidiMode = Literal["auto", "on", "off"]
BIDI_MODES: tuple[BidiMode, ...] = ("auto", "on", "off")

# Translation memory: fuzzy matches below this percentage are not offered. Character-level scores
# of 50-60 between unrelated short sentences are common; from about 70 they share real wording.
DEFAULT_MIN_SCORE = 70

# The quality-check codes, here because `qa_blocking` names them: shared by the checks
# (workbench.qa), the settings and the CLI, and config sits below all of them.
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

# The largest file read (workbench.files.inputs). News articles are 5-50 KB; 16 MB leaves room for
# a book-length report (reading one takes about 170 MB of memory) and a 10 MB single line imports
# whole (bench/hostile_import.py). Memories are read as a stream: their cap only bounds the time.
DEFAULT_MAX_TEXT_MB = 16
DEFAULT_MAX_MEMORY_MB = 512

__all__ = ["ConfigError", "Settings", "load_settings"]


@dataclass(frozen=True, slots=True)
class Settings:
    db_url: str = f"sqlite:///{DEFAULT_DB_PATH}"
    user: str = field(default_factory=getpass.getuser)
    bidi: BidiMode = "auto"
    mt_threads: int = 0  # 0: one per core (on the CPU, one decoding worker per thread)
    mt_beam_size: int = 2
    mt_batch_size: int = 32
    mt_device: Literal["cpu", "cuda"] = "cpu"
    mt_num_hypotheses: int = 3
    # MT whose confidence (exp of the mean token log-probability, mt/confidence.py) is below this
    # is marked in the TUI's list and listed by its "low-confidence MT" filter.
    mt_low_confidence: float = 0.35
    allow_self_approval: bool = False
    # PostgreSQL only: honour --user / WORKBENCH_USER that differ from the database login (for a
    # shared account acting for people). On SQLite the name is always taken as given.
    trust_user_option: bool = False
    keymap: dict[str, str] = field(default_factory=dict)
    # Translation memory: fuzzy matches below this percentage are not shown.
    tm_min_score: int = DEFAULT_MIN_SCORE
    # Quality checks. Codes in qa_blocking stop approval (workbench.qa.segments.approval_blockers).
    qa_blocking: tuple[str, ...] = DEFAULT_BLOCKING
    qa_identical_to_mt_when_reviewed: bool = True
    # English/Arabic length in characters; 99% of NTREX news pairs fall within 0.59-1.60.
    qa_length_ratio_min: float = 0.5
    qa_length_ratio_max: float = 2.0
    qa_length_min_source_chars: int = 20  # shorter sources vary too much to judge
    # The largest file `import` / `glossary import` and `import-tm` read, in MB (workbench.files).
    max_text_file_mb: int = DEFAULT_MAX_TEXT_MB
    max_memory_file_mb: int = DEFAULT_MAX_MEMORY_MB
    # ClaimReview export: the publishing organisation ("" = the reviewer, as a Person) and the
    # base URL of the desk's fact-check pages (each review's url is it plus the claim id).
    claimreview_author: str = ""
    claimreview_base_url: str = ""
    config_file: Path | None = None
    # Where `user` came from ("--user", "WORKBENCH_USER", the config file); None: the OS user.
    user_source: str | None = None

    def with_overrides(self, **overrides: Any) -> Settings:
        """A copy with the given non-None values applied (used for CLI flags)."""
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


def config_path() -> Path:
    explicit = os.environ.get("WORKBENCH_CONFIG")
    if explicit:
        return Path(explicit)
    # Imported only here (platformdirs loads tempfile, about 10 ms): scripts and tests name the
    # file in WORKBENCH_CONFIG.
    from platformdirs import user_config_dir

    return Path(user_config_dir("workbench")) / "config.toml"


def _read_config_file(path: Path) -> dict[str, Any] | None:
    """The file's settings; None when there is no config file."""
    try:
        raw = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as error:
        raise ConfigError(
            f"{path}: the config file cannot be read ({error.strerror}); fix its permissions, "
            "or point WORKBENCH_CONFIG at another file"
        ) from error
    import tomllib  # only now: most starts (scripts, tests) have no config file

    try:
        return tomllib.loads(raw.decode())  # what tomllib.load does with the bytes
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: not valid TOML ({error}); fix or remove the file") from error


def _from_file(data: dict[str, Any], path: Path) -> dict[str, Any]:
    known = {f.name for f in fields(Settings)} - {"config_file", "user_source"}
    values: dict[str, Any] = {}
    for key, value in data.items():
        name = key.replace("-", "_")
        if name == "db":
            name = "db_url"
        if name not in known:
            raise ConfigError(f"{path}: unknown setting {key!r}; known: {', '.join(sorted(known))}")
        values[name] = value
    return values


def _from_environment() -> dict[str, Any]:
    values: dict[str, Any] = {}
    if db := os.environ.get("WORKBENCH_DB"):
        values["db_url"] = db
    if user := os.environ.get("WORKBENCH_USER"):
        values["user"] = user
    if bidi := os.environ.get("WORKBENCH_BIDI"):
        values["bidi"] = bidi
    return values


# What each setting may hold (the engine's own limits are far above these; these catch typos).
RULES: dict[str, Rule] = {
    "db_url": Text(),
    "user": Text(),
    "bidi": OneOf(BIDI_MODES),
    "mt_threads": Whole(0, 1024),  # 0: one per core
    "mt_beam_size": Whole(1, 64),
    "mt_batch_size": Whole(1, 4096),
    "mt_device": OneOf(("cpu", "cuda")),
    "mt_num_hypotheses": Whole(1, 64),
    "mt_low_confidence": Number(above=0),
    "allow_self_approval": Flag(),
    "trust_user_option": Flag(),
    "keymap": Table(),
    "tm_min_score": Whole(0, 100),
    "qa_blocking": Codes(tuple(CHECKS)),
    "qa_identical_to_mt_when_reviewed": Flag(),
    "qa_length_ratio_min": Number(above=0),
    "qa_length_ratio_max": Number(above=0),
    "qa_length_min_source_chars": Whole(0, 1_000_000),
    "max_text_file_mb": Whole(1, 1_000_000),
    "max_memory_file_mb": Whole(1, 1_000_000),
    "claimreview_author": Text(blank_ok=True),
    "claimreview_base_url": WebAddress(),
}


def validate(settings: Settings) -> Settings:
    """Every value against its rule, then the rules between values."""
    values = {f.name: getattr(settings, f.name) for f in fields(Settings) if f.name in RULES}
    check_values(values, RULES, "")  # `user` is Text(): a blank name is refused there
    low, high = settings.qa_length_ratio_min, settings.qa_length_ratio_max
    if not low < high:
        raise ConfigError(f"qa_length_ratio_min ({low}) must be below qa_length_ratio_max ({high})")
    # A TOML array arrives as a list; the settings object is immutable, so keep a tuple.
    return replace(settings, qa_blocking=tuple(settings.qa_blocking))


def normalise_db_url(value: str) -> str:
    """Accept a bare file path as shorthand for a SQLite URL."""
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


def _user_source(overrides: dict[str, Any], environment: dict[str, Any], path: Path) -> str:
    """Where the user name came from, to name it when PostgreSQL refuses it."""
    if overrides.get("user") is not None:
        return "--user"
    if "user" in environment:
        return "WORKBENCH_USER"
    return f"the config file {path}"


def load_settings(**overrides: Any) -> Settings:
    """Build the settings from file, environment and the given overrides (None means unset)."""
    path = config_path()
    from_file = _read_config_file(path)
    values = _from_file(from_file or {}, path)
    check_values(values, RULES, f"{path}: ")  # named with the file it came from
    environment = _from_environment()
    check_values(environment, RULES, "environment (WORKBENCH_*): ")
    values.update(environment)
    values.update({k: v for k, v in overrides.items() if v is not None})
    if "user" in values:
        values["user_source"] = _user_source(overrides, environment, path)
    if "db_url" in values:
        values["db_url"] = normalise_db_url(str(values["db_url"]))
    settings = Settings(config_file=path if from_file is not None else None, **values)
    return validate(settings)
