"""`workbench documents list|show|rename|delete`, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from tests.conftest import SEEDS_DIR, Cli
from tests.dbstate import table_dump
from tests.source_files import news_page, seed_article, seed_paths
from workbench.store.database import open_database
from workbench.store.models import AuditEvent, Claim, Revision, Segment, TmEntry, User


def _audit(url: str) -> list[tuple[str | None, str, str, int | None, dict[str, object]]]:
    database = open_database(url)
    try:
        with database.read() as session:
            rows = session.execute(
                select(
                    User.name,
                    AuditEvent.action,
                    AuditEvent.subject,
                    AuditEvent.subject_id,
                    AuditEvent.detail,
                )
                .outerjoin(User, AuditEvent.user_id == User.id)
                .order_by(AuditEvent.id)
            )
            return [tuple(row) for row in rows]  # type: ignore[misc]
    finally:
        database.dispose()


def _count(url: str, model: type, *where: object) -> int:
    database = open_database(url)
    try:
        with database.read() as session:
            return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)
    finally:
        database.dispose()


def test_list_and_show_say_title_source_and_progress(any_cli: Cli, tmp_path: Path) -> None:
    article = seed_article(seed_paths()[0])
    page = tmp_path / "page.html"
    page.write_text(news_page(article), encoding="utf-8")
    assert any_cli("import", str(SEEDS_DIR / seed_paths()[2].name), str(page)).exit_code == 0
    first = any_cli.json_lines("segments", "--doc", "2", "--json")[0]
    assert (
        any_cli("edit", str(first["id"]), "--text", "Done.", "--status", "translated").exit_code
        == 0
    )
    listed = any_cli.json_lines("documents", "list", "--json")
    assert [(d["id"], d["format"], d["translated"], d["approved"]) for d in listed] == [
        (1, "txt", 0, 0),
        (2, "html", 1, 0),
    ]
    assert listed[0]["title"] == seed_paths()[2].read_text(encoding="utf-8").splitlines()[0]
    shown = any_cli.json_lines("documents", "show", "2", "--json")[0]
    assert shown == listed[1]
    assert shown["source_url"] == "https://news.example.com/2023/11/10/putin-kazakhstan"
    assert shown["published_at"] == "2023-11-10" and shown["imported_by"] == "alice"
    assert shown["segments"] == sum(shown["statuses"].values())
    text = any_cli("documents", "list")
    assert text.exit_code == 0
    assert "2023-11-10  html" in text.stdout and f"1/{shown['segments']}" in text.stdout
    missing = any_cli("documents", "show", "9")
    assert missing.exit_code == 4 and "document 9 does not exist" in missing.stderr


def test_rename_is_kept_and_recorded(any_seeded_cli: Cli) -> None:
    result = any_seeded_cli("documents", "rename", "3", "  بوتين   في أستانا ", user="sara")
    assert result.exit_code == 0, result.output
    shown = any_seeded_cli.json_lines("documents", "show", "3", "--json")[0]
    assert shown["title"] == "بوتين في أستانا"
    ((who, action, subject, subject_id, detail),) = _audit(any_seeded_cli.db_url)
    assert (who, action, subject, subject_id) == ("sara", "rename", "document", 3)
    assert detail["title"] == "بوتين في أستانا" and detail["old_title"] != detail["title"]


def test_a_bad_title_is_refused_and_nothing_changes(any_seeded_cli: Cli) -> None:
    before = table_dump(any_seeded_cli.db_url)
    for title, message in (("   ", "the title is empty"), ("x" * 201, "the most is 200")):
        result = any_seeded_cli("documents", "rename", "1", title)
        assert result.exit_code == 2 and message in result.stderr
    assert any_seeded_cli("documents", "rename", "1", "bad\x1b[31m").exit_code == 2
    assert table_dump(any_seeded_cli.db_url) == before


def test_delete_is_for_admins_asks_for_yes_and_is_recorded(any_seeded_cli: Cli) -> None:
    cli, url = any_seeded_cli, any_seeded_cli.db_url
    assert cli("users", "recover-admin", "root", user="root").exit_code == 0
    segment = cli.json_lines("segments", "--doc", "2", "--json")[0]
    assert (
        cli(
            "edit", str(segment["id"]), "--text", "Kept in memory.", "--status", "translated"
        ).exit_code
        == 0
    )
    assert (
        cli(
            "claims", "add", str(segment["id"]), "--side", "ar", "--start", "0", "--end", "3"
        ).exit_code
        == 0
    )
    segments = _count(url, Segment, Segment.document_id == 2)
    before = table_dump(url)

    refused = cli("documents", "delete", "2", "--yes", user="alice")
    assert refused.exit_code == 6
    assert "needs the admin role; alice is an editor" in refused.stderr
    unconfirmed = cli("documents", "delete", "2", user="root")
    assert unconfirmed.exit_code == 2 and "run it again with --yes" in unconfirmed.stderr
    assert table_dump(url) == before

    deleted = cli("documents", "delete", "2", "--yes", user="root")
    assert deleted.exit_code == 0, deleted.output
    assert f"and {segments} segments" in deleted.stdout
    assert [d["id"] for d in cli.json_lines("documents", "list", "--json")] == [1, 3, 4, 5]
    assert _count(url, Segment, Segment.document_id == 2) == 0
    assert _count(url, Revision, Revision.segment_id == segment["id"]) == 0
    assert _count(url, Claim, Claim.segment_id == segment["id"]) == 0
    assert _count(url, TmEntry, TmEntry.target == "Kept in memory.") == 1  # the memory keeps it
    ((who, action, subject, subject_id, detail),) = _audit(url)
    assert (who, action, subject, subject_id) == ("root", "delete", "document", 2)
    assert detail["segments"] == segments and len(str(detail["content_hash"])) == 64
    assert detail["title"]
    gone = cli("documents", "delete", "2", "--yes", user="root")
    assert gone.exit_code == 4 and "document 2 does not exist" in gone.stderr
