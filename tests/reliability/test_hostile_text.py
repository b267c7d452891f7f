"""Text no one should store, numbers no database holds, and stored text shown to a terminal.

Refusals: control characters and lone surrogates in files (text import, TMX/CSV memories,
glossary CSV), in every free-text option and in the app's editor: exit 2 naming the field or
file and line, nothing written, and `workbench check` finds nothing wrong afterwards. Display:
a database that holds escape sequences (written before these checks existed) is shown with the
controls as visible symbols by the CLI and by the app; the stored text is not changed.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.conftest import Cli
from tests.dbstate import table_dump
from tests.templates import restore_seeded
from tests.tui.conftest import XTERM
from tests.tui.test_tmux import Tmux, quit_app, start_app
from workbench.config import load_settings
from workbench.store.database import Database
from workbench.text.controls import UNSTORABLE
from workbench.text.inert import inert
from workbench.tui.app import WorkbenchApp

# What an attacker puts in a file: retitle the window, write the clipboard (OSC 52), clear the
# screen (CSI), the same through the 8-bit C1 CSI, and a DEL.
TITLE = "\x1b]0;pwned\x07"
CLIPBOARD = "\x1b]52;c;ZWNobyBoaQ==\x07"
CLEAR = "\x1b[2J\x1b[H"
C1_CSI = "\x9b31m"
HOSTILE = f"Text{TITLE} with{CLIPBOARD} escapes{CLEAR} and{C1_CSI} more\x7f."
ARABIC = "قال المتحدث إن الوفد وصل صباح اليوم."
BIG = str(2**64)


def check_finds_nothing(cli: Cli) -> None:
    result = cli("check")
    assert result.exit_code == 0, result.output
    assert "database ok" in result.stdout


def no_escape(output: str) -> None:
    assert "\x1b" not in output
    assert not any("\x80" <= char <= "\x9f" for char in output), repr(output)


# --- files -----------------------------------------------------------------------------------


def test_a_text_file_with_escape_sequences_is_refused_naming_file_line_and_column(
    any_seeded_cli: Cli, any_db_url: str, tmp_path: Path
) -> None:
    article = tmp_path / "article.txt"
    article.write_text(f"{ARABIC}\n\nسطر ثان{TITLE} هنا.\n", encoding="utf-8")
    before = table_dump(any_db_url)

    result = any_seeded_cli("import", str(article))

    assert result.exit_code == 2
    assert f"{article}: line 3, column 8 is a control character (U+001B, ESC)" in result.stderr
    assert table_dump(any_db_url) == before
    check_finds_nothing(any_seeded_cli)


def test_a_file_name_with_an_escape_sequence_is_refused_and_shown_inert(
    any_seeded_cli: Cli, any_db_url: str, tmp_path: Path
) -> None:
    named = tmp_path / f"bad{TITLE}name.txt"
    named.write_text(ARABIC, encoding="utf-8")  # good text: the name is what is stored wrong
    memory = tmp_path / f"memory{CLEAR}.csv"
    memory.write_text(f"ar,en\n{ARABIC},fine\n", encoding="utf-8")
    before = table_dump(any_db_url)

    imported = any_seeded_cli("import", str(named))
    remembered = any_seeded_cli("import-tm", str(memory))

    assert imported.exit_code == 2
    assert "bad␛]0;pwned␇name.txt: the file name: character 3 is a control character" in (
        imported.stderr
    )
    assert remembered.exit_code == 2
    assert "the memory's file name: character 6 is a control character" in remembered.stderr
    no_escape(imported.stderr + remembered.stderr)
    assert table_dump(any_db_url) == before


@pytest.mark.parametrize(
    ("name", "content", "where"),
    [
        ("memory.csv", f"ar,en\n{ARABIC},fine\n{ARABIC} 2,{HOSTILE}\n", "line 3, English"),
        (
            "memory.tmx",
            '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="ar"/>'
            f'<body>\n<tu><tuv xml:lang="ar"><seg>{ARABIC}\x85</seg></tuv>'
            '<tuv xml:lang="en"><seg>fine</seg></tuv></tu></body></tmx>\n',
            "line 3, Arabic",
        ),
    ],
    ids=["csv", "tmx-c1"],
)
def test_a_memory_with_control_characters_is_refused_whole(
    any_seeded_cli: Cli, any_db_url: str, tmp_path: Path, name: str, content: str, where: str
) -> None:
    memory = tmp_path / name
    memory.write_text(content, encoding="utf-8")
    before = table_dump(any_db_url)

    result = any_seeded_cli("import-tm", str(memory))

    assert result.exit_code == 2, result.output
    assert f"{memory}, {where}: " in result.stderr
    assert "is a control character" in result.stderr
    no_escape(result.stderr)
    assert table_dump(any_db_url) == before
    check_finds_nothing(any_seeded_cli)


def test_a_glossary_with_control_characters_is_refused_naming_the_line(
    any_seeded_cli: Cli, any_db_url: str, tmp_path: Path
) -> None:
    glossary = tmp_path / "terms.csv"
    glossary.write_text(
        f"term_ar,term_en,note\nالوفد,delegation,\nالمتحدث,spokes{CLEAR}man,\n", encoding="utf-8"
    )
    before = table_dump(any_db_url)

    result = any_seeded_cli("glossary", "import", str(glossary))

    assert result.exit_code == 2
    assert f"{glossary}:3: term_en: character 6 is a control character (U+001B" in result.stderr
    assert table_dump(any_db_url) == before


# --- command-line text options -----------------------------------------------------------------

OPTION_CASES = {
    "edit --text": ["edit", "3", "--text", "{}"],
    "claims add --claim-text": ["claims", "add", "3", "--side", "ar", "--start", "0", "--end",
                                "3", "--claim-text", "{}"],
    "claims add --notes": ["claims", "add", "3", "--side", "ar", "--start", "0", "--end", "3",
                           "--notes", "{}"],
    "claims add --evidence": ["claims", "add", "3", "--side", "ar", "--start", "0", "--end", "3",
                              "--evidence", "https://example.org/{}"],
    "claims add --claimant": ["claims", "add", "3", "--side", "ar", "--start", "0", "--end", "3",
                              "--claimant", "{}"],
    "review approve --comment": ["review", "approve", "3", "--comment", "{}"],
    "review reject --comment": ["review", "reject", "3", "--comment", "{}"],
    "glossary add term": ["glossary", "add", "الوفد", "{}"],
    "glossary add --note": ["glossary", "add", "الوفد", "delegation", "--note", "{}"],
    "users add name": ["users", "add", "{}"],
    "users set-role name": ["users", "set-role", "{}", "reviewer"],
    "export claims --organisation": ["export", "claims", "OUT", "--format", "claimreview",
                                     "--organisation", "{}"],
}  # fmt: skip
BAD_TEXTS = {
    "esc": ("a\x1b]0;x\x07b", "is a control character (U+001B, ESC)"),
    "c1": ("a\x9bb", "is a control character (U+009B, C1 control)"),
    "nul": ("a\x00b", "is a NUL (U+0000)"),
    "surrogate": ("a\udcffb", "is not valid Unicode (a lone surrogate, U+DCFF"),
}


@pytest.mark.parametrize("bad", BAD_TEXTS.values(), ids=BAD_TEXTS.keys())
@pytest.mark.parametrize("case", OPTION_CASES.values(), ids=OPTION_CASES.keys())
def test_every_text_option_refuses_what_cannot_be_stored(
    any_seeded_cli: Cli, any_db_url: str, tmp_path: Path, case: list[str], bad: tuple[str, str]
) -> None:
    value, message = bad
    out = tmp_path / "claims.jsonld"
    args = [arg.replace("{}", value).replace("OUT", str(out)) for arg in case]
    before = table_dump(any_db_url)

    result = any_seeded_cli(*args)

    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output
    no_escape(result.stderr)
    assert table_dump(any_db_url) == before
    assert not out.exists()


@pytest.mark.parametrize("bad", BAD_TEXTS.values(), ids=BAD_TEXTS.keys())
def test_the_user_name_refuses_what_cannot_be_stored(
    any_seeded_cli: Cli, any_db_url: str, bad: tuple[str, str]
) -> None:
    value, message = bad
    before = table_dump(any_db_url)
    result = any_seeded_cli("edit", "3", "--text", "fine", user=value)
    assert result.exit_code == 2
    assert "setting user = " in result.stderr and message in result.stderr
    no_escape(result.stderr)
    assert table_dump(any_db_url) == before


# --- integers beyond 64 bits ---------------------------------------------------------------------

BIG_CASES = {
    "edit id": ["edit", BIG, "--text", "x"],
    "edit --expect-version": ["edit", "3", "--text", "x", "--expect-version", BIG],
    "history": ["history", BIG],
    "diff": ["diff", BIG],
    "segments --doc": ["segments", "--doc", BIG],
    "review approve": ["review", "approve", BIG],
    "review reject --expect-version": ["review", "reject", "3", "--comment", "c",
                                       "--expect-version", BIG],
    "claims add --start": ["claims", "add", "3", "--side", "ar", "--start", BIG, "--end", "3"],
    "claims edit": ["claims", "edit", BIG, "--notes", "x"],
    "claims history": ["claims", "history", BIG],
    "claims delete": ["claims", "delete", BIG],
    "claims list --segment": ["claims", "list", "--segment", BIG],
    "export csv --doc": ["export", "csv", "OUT", "--doc", BIG],
    "translate --limit": ["translate", "--limit", BIG],
    "stats --doc": ["stats", "--doc", BIG],
    "qa --doc": ["qa", "--doc", BIG],
}  # fmt: skip


@pytest.mark.parametrize("case", BIG_CASES.values(), ids=BIG_CASES.keys())
def test_integers_beyond_64_bits_are_out_of_range(
    any_seeded_cli: Cli, any_db_url: str, tmp_path: Path, case: list[str]
) -> None:
    before = table_dump(any_db_url)
    result = any_seeded_cli(*[arg.replace("OUT", str(tmp_path / "out.csv")) for arg in case])
    assert result.exit_code == 2, result.output
    assert f"{BIG} is out of range: it must be between" in result.stderr
    assert table_dump(any_db_url) == before


def test_ids_are_held_to_the_integer_columns_range_on_every_backend(any_seeded_cli: Cli) -> None:
    """Ids and versions are INTEGER columns (32-bit on PostgreSQL): the largest is simply not
    found, one more is out of range, alike on SQLite and PostgreSQL."""
    largest, beyond = str(2**31 - 1), str(2**31)
    for command in (["edit", "{}", "--text", "x"], ["history", "{}"], ["claims", "history", "{}"],
                    ["claims", "delete", "{}"], ["segments", "--doc", "{}"]):  # fmt: skip
        found = any_seeded_cli(*[arg.replace("{}", largest) for arg in command])
        assert found.exit_code == 4, (command, found.output)
        assert "does not exist" in found.stderr
        refused = any_seeded_cli(*[arg.replace("{}", beyond) for arg in command])
        assert refused.exit_code == 2, (command, refused.output)
        assert f"{beyond} is out of range: it must be between -2147483648 and 2147483647" in (
            refused.stderr
        )
    stale = any_seeded_cli("edit", "3", "--text", "x", "--expect-version", largest)
    assert stale.exit_code == 3  # a version no segment has: stale, nothing written


# --- stored escape sequences, shown inert --------------------------------------------------------


def plant_hostile_text(cli: Cli, db_url: str, request: pytest.FixtureRequest) -> int:
    """A database written before these checks: escape sequences in a source, a target and its
    revision, a user name, a claim's notes and a glossary term. Returns the segment id."""
    restore_seeded(request, db_url)  # the seeds as `workbench import` leaves them
    assert cli("edit", "3", "--text", "clean").exit_code == 0
    assert cli("edit", "3", "--text", "cleaner").exit_code == 0
    added = cli("claims", "add", "3", "--side", "en", "--start", "0", "--end", "5")
    assert added.exit_code == 0, added.output
    assert cli("glossary", "add", "الوفد", "delegation").exit_code == 0
    engine = create_engine(db_url)
    with engine.begin() as connection:
        values = {"hostile": HOSTILE, "source": ARABIC + TITLE}
        connection.execute(text("UPDATE segments SET source = :source WHERE id = 3"), values)
        connection.execute(text("UPDATE segments SET target = :hostile WHERE id = 3"), values)
        connection.execute(
            text("UPDATE revisions SET text = :hostile WHERE segment_id = 3"), values
        )
        connection.execute(text("UPDATE users SET name = :hostile WHERE name = 'alice'"), values)
        connection.execute(text("UPDATE claims SET notes = :hostile"), values)
        connection.execute(text("UPDATE glossary_terms SET note = :hostile"), values)
    engine.dispose()
    return 3


def test_the_cli_prints_stored_escape_sequences_as_symbols(
    any_cli: Cli, any_db_url: str, request: pytest.FixtureRequest
) -> None:
    segment_id = plant_hostile_text(any_cli, any_db_url, request)
    before = table_dump(any_db_url)
    for args in (
        ["segments", "--doc", "1"],
        ["history", str(segment_id)],
        ["review", "queue"],
        ["claims", "list"],
        ["glossary", "list"],
        ["users", "list"],
        ["stats", "--by", "segment"],
        ["stats", "--by", "editor"],
        ["qa", "--doc", "1"],
        ["diff", str(segment_id), "--from", "previous"],
        ["check"],
    ):
        result = any_cli(*args, user="bob")
        assert result.exit_code in (0, 1), (args, result.output)
        no_escape(result.output)
    shown = any_cli("history", str(segment_id), user="bob").stdout
    assert "Text␛]0;pwned␇ with␛]52;c;ZWNobyBoaQ==␇ escapes␛[2J␛[H and\ufffd31m more␡." in shown
    assert table_dump(any_db_url) == before  # display changed nothing


def test_json_output_keeps_the_exact_text_with_escapes(
    any_cli: Cli, any_db_url: str, request: pytest.FixtureRequest
) -> None:
    segment_id = plant_hostile_text(any_cli, any_db_url, request)
    for args in (["segments", "--json"], ["history", str(segment_id), "--json"],
                 ["claims", "list", "--json"], ["users", "list", "--json"]):  # fmt: skip
        result = any_cli(*args, user="bob")
        assert result.exit_code == 0, result.output
        no_escape(result.stdout)
        assert "\x7f" not in result.stdout
        values = [
            value for line in result.stdout.splitlines() for value in json.loads(line).values()
        ]
        assert HOSTILE in values


async def test_the_app_draws_stored_escape_sequences_as_symbols(
    any_cli: Cli, any_db_url: str, request: pytest.FixtureRequest
) -> None:
    segment_id = plant_hostile_text(any_cli, any_db_url, request)
    before = table_dump(any_db_url)
    database = Database.from_engine(create_engine(any_db_url))
    settings = load_settings(db_url=any_db_url, user="bob")
    app = WorkbenchApp(settings, database, document_id=1, environ=XTERM, translate=False)
    try:
        async with app.run_test(size=(160, 40)) as pilot:
            await pilot.press("ctrl+down", "ctrl+down")  # the third segment: the hostile one
            await pilot.pause()
            screen = app.main_screen
            assert screen is not None and screen.current is not None
            assert screen.current.row.id == segment_id
            assert screen.editor.text == HOSTILE  # the editor holds the stored text as it is
            drawn = app.export_screenshot()
    finally:
        database.dispose()
    assert "␛]0;pwned␇" in drawn.replace("&#160;", " ")
    no_escape(drawn)
    assert table_dump(any_db_url) == before  # drawing changed nothing stored


async def test_the_app_refuses_to_save_control_characters(
    any_seeded_cli: Cli, any_db_url: str
) -> None:
    before = table_dump(any_db_url)
    database = Database.from_engine(create_engine(any_db_url))
    settings = load_settings(db_url=any_db_url, user="bob")
    app = WorkbenchApp(settings, database, document_id=1, environ=XTERM, translate=False)
    try:
        async with app.run_test(size=(160, 40)) as pilot:
            screen = app.main_screen
            assert screen is not None
            screen.editor.insert(f"pasted{TITLE} text")
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert screen.editor.text == f"pasted{TITLE} text"  # kept for the user to fix
            notes = [notification.message for notification in app._notifications]
            drawn = app.export_screenshot()
    finally:
        database.dispose()
    no_escape(drawn)
    assert "pasted␛]0;pwned" in drawn.replace("&#160;", " ")
    message = "Not saved (your text is kept): the text for segment 1 of document 1: character 6"
    assert any(note.startswith(message) for note in notes), notes
    assert table_dump(any_db_url) == before
    check_finds_nothing(any_seeded_cli)


def test_inert_maps_one_code_point_to_one_and_leaves_no_control() -> None:
    """Offsets into stored text (claims, glossary hits) stay valid on screen."""
    every = "".join(chr(code) for code in range(0x3000)) + "\ud800\udfff\U0001f600"
    shown = inert(every)
    assert len(shown) == len(every)
    assert UNSTORABLE.search(shown.replace("\t", "").replace("\n", "").replace("\r", "")) is None
    assert [shown[code] for code in (0x1B, 0x07, 0x7F, 0x9B)] == ["␛", "␇", "␡", "\ufffd"]
    assert inert(ARABIC + "\t\n") == ARABIC + "\t\n"  # tab and line feed are layout, kept


@pytest.fixture
def tmux() -> Iterator[Tmux]:
    server = Tmux(f"workbench-hostile-{os.getpid()}")
    yield server
    server("kill-server", check=False)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_in_a_real_terminal_the_window_title_is_not_hijacked(
    tmux: Tmux, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """OSC 0 in a stored target would retitle the terminal (tmux's pane title) if obeyed."""
    db_path = tmp_path / "tmux.sqlite"
    plant_hostile_text(Cli(f"sqlite:///{db_path}"), f"sqlite:///{db_path}", request)
    (tmp_path / "argos").mkdir()
    start_app(tmux, db_path, tmp_path / "argos")
    shown = tmux.wait_for("␛]0;pwned␇")
    assert "Text␛]0;pwned␇ with␛]52;c;ZWNobyBoaQ==␇" in shown
    title = tmux("display-message", "-p", "-t", "app", "#{pane_title}").strip()
    assert "pwned" not in title
    quit_app(tmux)
