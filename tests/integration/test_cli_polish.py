"""The command line as a new user finds it: what `workbench` piped does, statuses after an edit,
what `stats` prints, column headers on a terminal, counts in good English, claim export formats.
"""

from __future__ import annotations

import csv
import json
import os
import pty
import subprocess
from pathlib import Path

import pytest

from tests.conftest import SEEDS_DIR, Cli
from tests.integration.test_console_script import workbench_executable
from workbench.cli.output import plural
from workbench.store.database import open_database
from workbench.store.queries import list_documents

ARTICLE = "قال الرئيس إن الاقتصاد ينمو. وأضاف أن التجارة بلغت 27 مليار دولار.\n"


def test_piped_workbench_prints_the_summary_and_writes_nothing(cli: Cli, db_url: str) -> None:
    result = cli()
    assert result.exit_code == 0, result.output
    assert "0 documents; segments: none" in result.stdout
    assert "workbench init --seed" in result.stdout  # how to get the samples
    database = open_database(db_url)
    with database.read() as session:
        assert list_documents(session) == []  # not seeded behind the user's back
    database.dispose()


def test_init_seed_fills_an_empty_database_once(cli: Cli) -> None:
    first = cli("init", "--seed")
    assert first.exit_code == 0, first.output
    articles = len(list(SEEDS_DIR.glob("*.txt")))
    assert f"{articles} documents; segments:" in first.stdout
    count = len(cli.json_lines("segments", "--json"))
    again = cli("init", "--seed")
    assert again.exit_code == 0, again.output
    assert len(cli.json_lines("segments", "--json")) == count
    assert len(cli.json_lines("glossary", "list", "--json")) >= 25  # the starter glossary
    assert f"{articles} documents;" in cli("init").stdout  # without --seed: only the summary


def test_counts_say_one_document_and_two_documents(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(ARTICLE, encoding="utf-8")
    imported = cli("import", str(tmp_path / "one.txt"))
    assert imported.exit_code == 0, imported.output
    assert "1 document and 2 segments added" in imported.stdout
    assert "1 document; segments: 2 new" in cli().stdout
    (tmp_path / "two.txt").write_text(ARTICLE.replace("27", "28"), encoding="utf-8")
    assert cli("import", str(tmp_path / "two.txt")).exit_code == 0
    assert "2 documents; segments: 4 new" in cli().stdout


@pytest.mark.parametrize(
    ("count", "noun", "said"),
    [
        (1, "document", "1 document"),
        (0, "document", "0 documents"),
        (1, "batch", "1 batch"),
        (3, "batch", "3 batches"),
        (2, "new TM entry", "2 new TM entries"),
        (2, "key", "2 keys"),
    ],
)
def test_plural(count: int, noun: str, said: str) -> None:
    assert plural(count, noun) == said


def _status(cli: Cli, segment_id: int) -> str:
    rows = [row for row in cli.json_lines("segments", "--json") if row["id"] == segment_id]
    return str(rows[0]["status"])


def test_edit_without_status_makes_a_new_segment_a_draft(seeded_cli: Cli) -> None:
    assert _status(seeded_cli, 1) == "new"
    result = seeded_cli("edit", "1", "--text", "A report says")
    assert result.exit_code == 0, result.output
    assert "status draft" in result.stdout
    assert _status(seeded_cli, 1) == "draft"


def test_edit_without_status_keeps_a_translated_segment_translated(seeded_cli: Cli) -> None:
    done = seeded_cli("edit", "2", "--text", "Done", "--status", "translated")
    assert done.exit_code == 0, done.output
    assert seeded_cli("edit", "2", "--text", "Done, better").exit_code == 0
    assert _status(seeded_cli, 2) == "translated"


def test_stats_says_which_rows_it_prints_and_how_to_get_the_others(seeded_cli: Cli) -> None:
    overall = seeded_cli("stats")
    assert overall.exit_code == 0, overall.output
    assert "Rows: one row: all editors together, over all documents." in overall.stdout
    assert "--by editor (per editor)" in overall.stdout
    assert "--by segment (every segment)" in overall.stdout
    assert "--doc ID (one document)" in overall.stdout
    by_editor = seeded_cli("stats", "--by", "editor", "--doc", "1")
    assert "Rows: one row per editor, then all together, over document 1." in by_editor.stdout
    assert "--by document (per document)" in by_editor.stdout
    assert "no --by (all together)" in by_editor.stdout
    assert "--doc ID" not in by_editor.stdout


def _on_a_terminal(*args: str, columns: int | None = None) -> str:
    """Run the installed `workbench` with stdout on a pseudo-terminal; what it printed."""
    main, follower = pty.openpty()
    width = {} if columns is None else {"COLUMNS": str(columns)}
    process = subprocess.Popen(
        [*workbench_executable(), *args],
        stdin=subprocess.DEVNULL,
        stdout=follower,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_COLOR": "1", **width},
    )
    os.close(follower)
    chunks: list[bytes] = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # Linux reports the closed terminal as EIO
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main)
    assert process.wait(timeout=60) == 0
    return b"".join(chunks).decode()


def _piped(cli: Cli, *args: str) -> str:
    """What `workbench` prints to a stdout that is not a terminal. In-process: click's runner
    gives it a stream that is no terminal, as a pipe is (the decision is `isatty` on stdout),
    without starting a second `workbench` process per test besides the one on the terminal."""
    result = cli(*args)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize(
    ("command", "header"),
    [
        (["segments", "--doc", "1"], "status"),
        (["users", "list"], "role"),
        (["claims", "list"], "«quote»"),
        (["review", "queue"], "editor"),
        (["glossary", "list"], "english"),
    ],
)
def test_list_commands_print_headers_on_a_terminal_only(
    seeded_cli: Cli, command: list[str], header: str
) -> None:
    on_terminal = _on_a_terminal("--db", seeded_cli.db_url, *command)
    piped = _piped(seeded_cli, *command)
    assert header in on_terminal.splitlines()[0]
    assert header not in (piped.splitlines() or [""])[0]


def test_documents_list_fits_a_long_title_to_the_terminal_and_pipes_it_whole(
    seeded_cli: Cli,
) -> None:
    title = "قال الرئيس إن الاقتصاد ينمو " * 7  # a headline pasted with its lede (196 characters)
    assert seeded_cli("documents", "rename", "1", title).exit_code == 0
    on_terminal = _on_a_terminal("--db", seeded_cli.db_url, "documents", "list", columns=70)
    rows = on_terminal.replace("\r", "").splitlines()
    assert rows and all(len(row) <= 70 for row in rows), rows
    assert rows[1].endswith("…") and rows[1].split()[-2] in title  # the start of the title, cut
    piped = _piped(seeded_cli, "documents", "list")
    assert " ".join(title.split()) in piped.splitlines()[0]


@pytest.fixture
def claimed_cli(seeded_cli: Cli) -> Cli:
    result = seeded_cli("claims", "add", "1", "--side", "ar", "--start", "0", "--end", "4")
    assert result.exit_code == 0, result.output
    return seeded_cli


def test_export_claims_takes_its_format_from_the_extension(
    claimed_cli: Cli, tmp_path: Path
) -> None:
    for name, chosen in [
        ("c.csv", "csv"),
        ("c.jsonl", "jsonl"),
        ("c.jsonld", "claimreview"),
        ("c.json", "claimreview"),
    ]:
        # --status any: a ClaimReview holds only approved claims unless told otherwise.
        result = claimed_cli("export", "claims", str(tmp_path / name), "--status", "any")
        assert result.exit_code == 0, result.output
        assert result.stdout.strip() == f"1 claim written to {tmp_path / name} ({chosen})"
    with (tmp_path / "c.csv").open(newline="", encoding="utf-8") as handle:
        assert next(csv.reader(handle))[:2] == ["id", "document_id"]
    assert json.loads((tmp_path / "c.jsonl").read_text(encoding="utf-8"))["id"] == 1
    review = json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))
    assert "ClaimReview" in json.dumps(review)


def test_an_explicit_format_wins_over_an_unknown_extension(
    claimed_cli: Cli, tmp_path: Path
) -> None:
    result = claimed_cli("export", "claims", str(tmp_path / "c.txt"), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "c.txt").read_text(encoding="utf-8"))["id"] == 1


@pytest.mark.parametrize(
    ("name", "extra", "said"),
    [
        ("c.txt", [], "the extension .txt names no claim format"),
        ("claims", [], "the extension (none) names no claim format"),
        ("c.csv", ["--format", "jsonl"], "--format jsonl does not match the extension .csv"),
    ],
)
def test_an_unknown_or_contradicting_extension_is_refused(
    claimed_cli: Cli, tmp_path: Path, name: str, extra: list[str], said: str
) -> None:
    out = tmp_path / name
    result = claimed_cli("export", "claims", str(out), *extra)
    assert result.exit_code == 2
    assert said in result.stderr
    assert str(out) in result.stderr
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("workbench.sqlite")] == []
