"""`workbench qa` and the approval gate on stored seed segments, with configurable blocking."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select, update

from tests.conftest import Cli
from workbench.config import ConfigError, Settings, load_settings
from workbench.errors import NotFoundError
from workbench.qa.segments import approval_blockers, segment_issues
from workbench.services.editing import save_target
from workbench.services.users import ensure_user
from workbench.store.database import Database
from workbench.store.models import Origin, Segment

# seeds/001: "... reached a record 27 billion dollars last year."
TRADE_START = "و في حديثه بعد المحادثات، أشار توكاييف"
TRADE_EN = (
    "Speaking after the talks, Tokayev noted that Russia is Kazakhstan's largest trading partner, "
    "with bilateral trade reaching a record 27 billion dollars last year. He said: “We have great "
    "opportunities for further expansion of trade.”"
)


def trade_segment(database: Database) -> int:
    with database.read() as session:
        found = session.scalars(
            select(Segment.id).where(Segment.source.startswith(TRADE_START))
        ).first()
    assert found is not None
    return found


def save(database: Database, segment_id: int, text: str, status: str = "translated") -> None:
    with database.write() as session:
        save_target(session, segment_id, text, ensure_user(session, "alice"), status=status)


def test_qa_lists_issues_per_line_and_as_json(seeded_cli: Cli, database: Database) -> None:
    assert seeded_cli("glossary", "import", "--starter").exit_code == 0
    trade = trade_segment(database)
    save(database, trade, TRADE_EN)
    clean = seeded_cli("qa", "--strict")
    assert clean.exit_code == 0, clean.output
    assert clean.stdout == ""

    save(
        database, trade, TRADE_EN.replace("27 billion", "17 billion").replace("Tokayev", "توكاييف")
    )
    result = seeded_cli("qa")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 4
    assert all(line.split()[0] == str(trade) for line in lines)
    assert "number-mismatch source[" in result.stdout
    assert "BLOCKS-APPROVAL" in result.stdout

    rows = [
        json.loads(line) for line in seeded_cli("qa", "--json", "--doc", "2").stdout.splitlines()
    ]
    assert {(r["code"], r["side"]) for r in rows} == {
        ("number-mismatch", "source"),
        ("number-mismatch", "target"),
        ("arabic-in-target", "target"),
        ("glossary-term-missing", "source"),
    }
    number = next(r for r in rows if r["code"] == "number-mismatch" and r["side"] == "target")
    assert number["segment"] == trade and number["blocking"] is True
    glossary = next(r for r in rows if r["code"] == "glossary-term-missing")
    assert glossary["blocking"] is False and "Tokayev" in glossary["message"]
    assert seeded_cli("qa", "--json", "--doc", "1").stdout == ""
    assert seeded_cli("qa", "--strict").exit_code == 1


def test_approval_blockers_follow_the_settings(seeded_cli: Cli, database: Database) -> None:
    trade = trade_segment(database)
    with database.write() as session:
        save_target(session, trade, TRADE_EN, ensure_user(session, "mt"), origin=Origin.MT)
        # What the machine-translation service stores beside the target.
        session.execute(update(Segment).where(Segment.id == trade).values(mt=TRADE_EN))
    default = Settings(user="rita")
    with database.read() as session:
        assert approval_blockers(session, trade, default) == []
        # Approving untouched MT is a warning by default; a desk can make it block.
        strict = Settings(user="rita", qa_blocking=("identical-to-mt",))
        assert [i.code for i in approval_blockers(session, trade, strict)] == ["identical-to-mt"]
        assert segment_issues(session, trade, strict) == []  # still "new": not reviewed yet
    save(database, trade, TRADE_EN.replace("27", "٢٧"))  # Arabic digits left in the English
    with database.read() as session:
        codes = [i.code for i in approval_blockers(session, trade, default)]
    assert codes == ["arabic-in-target"]


def test_approval_blockers_for_an_empty_finished_segment(
    seeded_cli: Cli, database: Database
) -> None:
    trade = trade_segment(database)
    save(database, trade, "   ")
    with database.read() as session:
        assert [i.code for i in approval_blockers(session, trade, Settings(user="r"))] == [
            "empty-target"
        ]
        relaxed = Settings(user="r", qa_blocking=())
        assert approval_blockers(session, trade, relaxed) == []


def test_unknown_segment(seeded_cli: Cli, database: Database) -> None:

    with database.read() as session, pytest.raises(NotFoundError, match="segment 99999"):
        approval_blockers(session, 99999, Settings(user="r"))


def test_blocking_codes_from_the_config_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        'qa_blocking = ["empty-target", "glossary-term-missing"]\n'
        "qa_identical_to_mt_when_reviewed = false\n"
        "qa_length_ratio_max = 2.5\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("WORKBENCH_CONFIG", str(config))
    settings = load_settings()
    assert settings.qa_blocking == ("empty-target", "glossary-term-missing")
    assert settings.qa_identical_to_mt_when_reviewed is False
    assert settings.qa_length_ratio_max == 2.5

    config.write_text('qa_blocking = ["numbers"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"qa_blocking = .*unknown: numbers; known: empty-target"):
        load_settings()
    config.write_text('qa_blocking = "empty-target"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"qa_blocking = .*a list of codes"):
        load_settings()
    config.write_text("qa_length_ratio_min = 3.0\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="qa_length_ratio_min"):
        load_settings()


def test_qa_help_lists_the_checks(cli: Cli) -> None:
    result = cli("qa", "--help")
    assert result.exit_code == 0
    assert "number-mismatch" in result.stdout and "--strict" in result.stdout
