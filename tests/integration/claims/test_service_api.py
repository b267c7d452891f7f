"""The service API the TUI calls: one session, spans per segment, notes for other exports."""

from __future__ import annotations

import pytest

from tests.conftest import Cli
from tests.integration.claims.conftest import segment_with
from workbench.errors import InputError, StaleClaimError
from workbench.export.claim_notes import claims_by_segment
from workbench.services.anchoring import snap_span
from workbench.services.claims import delete_claim, tag_claim, update_claim
from workbench.services.editing import save_target
from workbench.services.users import ensure_user
from workbench.store.claim_queries import (
    ClaimSpan,
    document_claim_spans,
    list_claims,
    segment_claim_spans,
)
from workbench.store.database import Database

ENGLISH = "Over 70 Il-76 and An-12 aircraft fly troops in, RT reported."


def test_tui_flow_in_one_session(seeded_cli: Cli, database: Database) -> None:
    segment = segment_with(seeded_cli, "Il-76")
    source = segment["source"]
    il, rt = source.index("“Il-76”"), source.index("“RT” الروسية")
    with database.write() as session:
        author = ensure_user(session, "samira")
        # Saving the target and tagging it in the same session must see the new text.
        save_target(session, segment["id"], ENGLISH, author)
        en = ENGLISH.index("Il-76")
        first = tag_claim(
            session, segment["id"], "ar", il, il + 7, author=author,
            fields={"aligned_start": en, "aligned_end": en + 5, "claim_type": "event"},
        )  # fmt: skip
        second = tag_claim(session, segment["id"], "en", 48, 59, author=author)
        third = tag_claim(session, segment["id"], "ar", rt, rt + 4, author=author)
        assert second.quote == "RT reported"
        moved = save_target(session, segment["id"], "Yesterday: " + ENGLISH, author)
        assert {outcome.claim_id for outcome in moved.reanchored} == {first.id, second.id}
        assert all(outcome.anchor_state == "reanchored" for outcome in moved.reanchored)
        updated = update_claim(
            session, first.id, author, {"verdict": "Supports"}, expect_version=first.version + 1
        )
        assert updated.verdict == "supports"
        with pytest.raises(StaleClaimError) as stale:
            delete_claim(session, third.id, author, expect_version=5)
        assert (stale.value.current, stale.value.expected) == (1, 5)
        assert stale.value.exit_code == 3

    with database.read() as session:
        spans = segment_claim_spans(session, segment["id"])
        by_document = document_claim_spans(session, segment["document"])
        views = list_claims(session, document_id=segment["document"])
        notes = claims_by_segment(session, [segment["id"], 1])
    shift = len("Yesterday: ")
    assert spans.ar == (
        ClaimSpan(first.id, il, il + 7, False, "ok", "draft"),
        ClaimSpan(third.id, rt, rt + 4, False, "ok", "draft"),
    )
    assert spans.en == (
        ClaimSpan(first.id, en + shift, en + shift + 5, True, "reanchored", "draft"),
        ClaimSpan(second.id, 48 + shift, 59 + shift, False, "reanchored", "draft"),
    )
    assert by_document == {segment["id"]: spans}
    assert [view.id for view in views] == [first.id, third.id, second.id]
    assert views[0].position == segment["position"]
    assert list(notes) == [segment["id"]]
    expected = f"claim [ar {il}:{il + 7}] event: «“Il-76”» (supports)"
    assert notes[segment["id"]][0] == expected
    assert notes[segment["id"]][2] == f"claim [en {48 + shift}:{59 + shift}]: «RT reported»"


def test_flagged_spans_are_clamped_to_the_shorter_text(seeded_cli: Cli, database: Database) -> None:
    segment = segment_with(seeded_cli, "Il-76")
    shorter = "Over 70 Il-76 and An-12 planes fly"
    middle = ENGLISH.index("aircraft fly troops")
    with database.write() as session:
        author = ensure_user(session, "samira")
        save_target(session, segment["id"], ENGLISH, author)
        clipped = tag_claim(session, segment["id"], "en", middle, middle + 19, author=author)
        beyond = tag_claim(session, segment["id"], "en", 48, 59, author=author)
        save_target(session, segment["id"], shorter, author)
    with database.read() as session:
        spans = segment_claim_spans(session, segment["id"]).en
        stored = {claim.id: claim for claim in list_claims(session)}
    # Highlighting covers what is left of a flagged span; one wholly past the end has nothing to
    # highlight but stays listed, flagged, with the offsets a person gave it.
    assert spans == (
        ClaimSpan(clipped.id, middle, len(shorter), False, "needs_attention", "draft"),
    )
    assert (stored[beyond.id].start, stored[beyond.id].end) == (48, 59)
    assert stored[beyond.id].anchor_state == "needs_attention"
    assert stored[beyond.id].span_text == ""


def test_snap_span_widens_a_selection_over_whole_letters(seeded_cli: Cli) -> None:
    source = segment_with(seeded_cli, "توجّه")["source"]
    shadda = source.index("ّ")
    assert snap_span(source, shadda, shadda + 2) == (shadda - 1, shadda + 2)
    assert snap_span(source, 0, shadda) == (0, shadda + 1)
    assert snap_span(source, 0, 4) == (0, 4)


def test_fields_that_are_not_claim_fields_are_refused(seeded_cli: Cli, database: Database) -> None:
    segment = segment_with(seeded_cli, "Il-76")
    with database.write() as session, pytest.raises(InputError, match="'colour' is not"):
        author = ensure_user(session, "samira")
        tag_claim(session, segment["id"], "ar", 0, 5, author=author, fields={"colour": "red"})  # type: ignore[typeddict-unknown-key]
