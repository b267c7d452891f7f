"""Review rules: roles, self-approval, versions, statuses; a refused decision writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.integration.review.conftest import Desk
from workbench.config import load_settings
from workbench.errors import PermissionDeniedError, StaleVersionError
from workbench.review.queues import review_queue
from workbench.services.review import approve
from workbench.services.users import ensure_user
from workbench.store.models import Review


def review_count(desk: Desk) -> int:
    with desk.database.read() as session:
        return session.scalar(select(func.count()).select_from(Review)) or 0


def segment(desk: Desk, segment_id: int) -> dict[str, object]:
    return next(r for r in desk.cli.json_lines("segments", "--json") if r["id"] == segment_id)


def test_a_reviewer_cannot_approve_their_own_text(desk: Desk) -> None:
    desk.mt(3, "Machine text.")
    desk.edit(3, "badr", "Badr's own text.")
    refused = desk.cli("review", "approve", "3", user="badr")
    assert refused.exit_code == 6
    assert "badr wrote the current text of segment 3" in refused.stderr
    assert "allow_self_approval" in refused.stderr
    assert review_count(desk) == 0
    assert segment(desk, 3)["status"] == "translated"
    # Another reviewer (here the admin) may; rejecting one's own text is allowed.
    assert desk.cli("review", "reject", "3", "--comment", "redo", user="badr").exit_code == 0
    assert desk.cli("review", "approve", "3", user="lead").exit_code == 0


def test_self_approval_can_be_allowed_in_the_config_file(
    desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config.toml"
    config.write_text("allow_self_approval = true\n", encoding="utf-8")
    monkeypatch.setenv("WORKBENCH_CONFIG", str(config))
    desk.edit(3, "badr", "Badr's own text.")
    assert desk.cli("review", "approve", "3", user="badr").exit_code == 0
    config.write_text('allow_self_approval = "yes"\n', encoding="utf-8")
    bad = desk.cli("review", "approve", "3", user="badr")
    assert bad.exit_code == 2
    assert "allow_self_approval" in bad.stderr


def test_the_latest_text_decides_who_may_approve(desk: Desk) -> None:
    desk.edit(3, "amal", "Amal's text.")
    desk.edit(3, "badr", "Badr's fix.")  # badr's words are now what would be approved
    assert desk.cli("review", "approve", "3", user="badr").exit_code == 6


def test_a_stale_version_is_refused_and_nothing_is_written(desk: Desk) -> None:
    desk.edit(3, "amal", "First text.")
    desk.edit(3, "amal", "Second text.")  # the reviewer loaded version 1, now it is 2
    stale = desk.cli("review", "approve", "3", "--expect-version", "1", user="badr")
    assert stale.exit_code == 3
    assert "version 2 (saved by amal), not 1" in stale.stderr
    assert review_count(desk) == 0
    assert segment(desk, 3)["status"] == "translated"


def test_a_review_makes_an_editors_open_version_stale(desk: Desk) -> None:
    version = desk.edit(3, "amal", "Text.")
    assert desk.cli("review", "approve", "3", user="badr").exit_code == 0
    with pytest.raises(StaleVersionError) as raised:
        desk.edit(3, "amal", "Late change.", expect_version=version)
    assert raised.value.saved_by == "badr"


def test_editing_an_approved_text_sends_it_back_to_review(desk: Desk) -> None:
    desk.edit(3, "amal", "Text.")
    assert desk.cli("review", "approve", "3", user="badr").exit_code == 0
    desk.edit(3, "chadi", "Changed after approval.", status=None)
    assert segment(desk, 3)["status"] == "translated"
    with desk.database.read() as session:
        assert [item.segment_id for item in review_queue(session)] == [3]


def test_only_finished_texts_are_decided(desk: Desk) -> None:
    desk.mt(3, "Machine text only.")
    untouched = desk.cli("review", "approve", "3", user="badr")
    assert untouched.exit_code == 2
    assert "cannot approve segment 3: it is new" in untouched.stderr
    desk.edit(3, "amal", "Draft.", status="draft")
    assert desk.cli("review", "reject", "3", "--comment", "x", user="badr").exit_code == 2
    desk.edit(3, "amal", "Done.")
    assert desk.cli("review", "approve", "3", user="badr").exit_code == 0
    again = desk.cli("review", "approve", "3", user="badr")
    assert again.exit_code == 2
    assert "already approved" in again.stderr
    assert desk.cli("review", "approve", "999999", user="badr").exit_code == 4


def test_a_rejection_needs_a_comment(desk: Desk) -> None:
    desk.edit(3, "amal", "Text.")
    missing = desk.cli("review", "reject", "3", user="badr")
    assert missing.exit_code == 2
    assert "--comment" in missing.stderr
    blank = desk.cli("review", "reject", "3", "--comment", "   ", user="badr")
    assert blank.exit_code == 2
    assert "needs a comment" in blank.stderr
    assert review_count(desk) == 0


def test_the_service_refuses_an_editor_by_role(desk: Desk) -> None:
    desk.edit(3, "amal", "Text.")
    with desk.database.write() as session:
        chadi = ensure_user(session, "chadi")
        expected = "needs the reviewer or admin role; chadi is an editor"
        with pytest.raises(PermissionDeniedError, match=expected):
            approve(session, 3, chadi, settings=load_settings(), expect_version=1)


def test_blocking_quality_checks_stop_approval(
    desk: Desk, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # The source of segment 3 has no number; "8 pm" in the English is a number-mismatch.
    desk.mt(3, "Polling stations closed.")
    desk.edit(3, "amal", "Polling stations closed at 8 pm.")
    # The default settings, where number-mismatch blocks approval.
    monkeypatch.setenv("WORKBENCH_CONFIG", str(tmp_path / "absent.toml"))
    blocked = desk.cli("review", "approve", "3", user="badr")
    assert blocked.exit_code == 7
    assert "number-mismatch" in blocked.stderr
    assert segment(desk, 3)["status"] == "translated"
    desk.edit(3, "amal", "Polling stations closed in the evening.")
    assert desk.cli("review", "approve", "3", user="badr").exit_code == 0
    assert segment(desk, 3)["status"] == "approved"
