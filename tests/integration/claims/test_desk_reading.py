"""Reading the desk's work: claims seen before, suggested sentences, the published ClaimReview."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from tests.claim_labels import DATA, labelled_claims
from tests.conftest import Cli
from tests.integration.claims.conftest import add_claim, make_reviewer, segment_with
from workbench.store.database import Database, create_engine_for

SCHEMA = json.loads((DATA / "schema_org_claimreview.json").read_text(encoding="utf-8"))


def tag_labelled(cli: Cli, fact: str) -> list[int]:
    """Tag every labelled claim of one fact, in file order, with its English claim text."""
    ids = []
    for claim in labelled_claims():
        if claim.fact != fact:
            continue
        segment = segment_with(cli, claim.quote)
        start = segment["source"].index(claim.quote)
        ids.append(
            add_claim(
                cli,
                segment["id"],
                "ar",
                start,
                start + len(claim.quote),
                "--claim-text",
                claim.claim_en,
            )
        )
    return ids


def test_similar_finds_the_earlier_claim_in_another_document(seeded_cli: Cli) -> None:
    first, *_, last = tag_labelled(seeded_cli, "stabilising")
    tag_labelled(seeded_cli, "trade")
    assert seeded_cli("claims", "edit", str(first), "--verdict", "supports").exit_code == 0
    found = seeded_cli.json_lines("claims", "similar", str(last), "--json")
    assert first in {row["id"] for row in found}
    row = next(row for row in found if row["id"] == first)
    assert row["verdict"] == "supports"
    assert row["document_title"]
    mine = [c for c in seeded_cli.json_lines("claims", "list", "--json") if c["id"] == last]
    assert row["document_id"] != mine[0]["document_id"]
    assert seeded_cli.json_lines("claims", "similar", str(first), "--json") == []  # the first
    missing = seeded_cli("claims", "similar", "999")
    assert missing.exit_code == 4
    assert "claim 999 does not exist" in missing.stderr


def test_suggest_marks_sentences_with_reasons(seeded_cli: Cli) -> None:
    trade = segment_with(seeded_cli, "27 مليار دولار")
    rows = seeded_cli.json_lines("claims", "suggest", "--doc", str(trade["document"]), "--json")
    by_id = {row["segment_id"]: row for row in rows}
    assert by_id[trade["id"]]["reasons"] == ["quantity", "attribution", "comparison"]
    assert all(row["checkable"] for row in rows)
    every = seeded_cli.json_lines(
        "claims", "suggest", "--doc", str(trade["document"]), "--all", "--json"
    )
    assert len(every) > len(rows)  # the headline, dateline and links are left out
    assert {row["segment_id"] for row in every if not row["checkable"]}
    result = seeded_cli("claims", "suggest", "--doc", "999")
    assert result.exit_code == 4
    assert "document 999 does not exist" in result.stderr


def _objects(node: Any, parent_key: str | None = None) -> list[tuple[str | None, dict[str, Any]]]:
    """Every JSON-LD object in `node` with the key that holds it."""
    found: list[tuple[str | None, dict[str, Any]]] = []
    if isinstance(node, dict):
        found.append((parent_key, node))
        for key, value in node.items():
            found += _objects(value, key)
    elif isinstance(node, list):
        for item in node:
            found += _objects(item, parent_key)
    return found


def check_claimreview(review: dict[str, Any]) -> None:
    """Every key is a schema.org property of its type; Google's required fields are there."""
    for key, obj in _objects(review):
        kind = obj["@type"]
        allowed = set(SCHEMA["properties"][kind])
        assert set(obj) - {"@context", "@type"} <= allowed, (kind, set(obj) - allowed)
        if key in SCHEMA["expected_types"]:
            assert kind in SCHEMA["expected_types"][key], (key, kind)
        for field in SCHEMA["google_required"].get(kind, ()):
            assert obj.get(field) not in (None, "", []), (kind, field)


@pytest.fixture
def published(seeded_cli: Cli, database: Database, tmp_path: Path, monkeypatch: Any) -> dict:
    """Two claims on the trade sentence, one approved by rana; the desk's settings; the URL."""
    segment = segment_with(seeded_cli, "27 مليار دولار")
    engine = create_engine_for(seeded_cli.db_url)
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE documents SET source_url = :url, published_at = '2023-11-10' "
                 "WHERE id = :id"),
            {"url": "https://www.thestar.com/news/putin-visits", "id": segment["document"]},
        )  # fmt: skip
    engine.dispose()
    config = tmp_path / "desk.toml"
    config.write_text(
        'claimreview_author = "Desk Fact Check"\n'
        'claimreview_base_url = "https://factcheck.example.org/claims/"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("WORKBENCH_CONFIG", str(config))
    start = segment["source"].index("27 مليار دولار")
    approved = add_claim(
        seeded_cli, segment["id"], "ar", start, start + 14,
        "--claim-text", "Russia-Kazakhstan trade reached a record $27bn in 2022",
        "--claimant", "Kassym-Jomart Tokayev", "--verdict", "supports",
    )  # fmt: skip
    draft = add_claim(seeded_cli, segment["id"], "ar", 0, 10, "--verdict", "refutes")
    make_reviewer(database, "rana")
    assert seeded_cli("claims", "approve", str(approved), user="rana").exit_code == 0
    return {"approved": approved, "draft": draft}


def test_claimreview_publishes_approved_claims_for_google(
    seeded_cli: Cli, published: dict[str, int], tmp_path: Path
) -> None:
    out = tmp_path / "reviews.jsonld"
    result = seeded_cli("export", "claims", str(out))
    assert result.exit_code == 0, result.output
    assert "1 claim written" in result.stdout
    [review] = json.loads(out.read_text(encoding="utf-8"))
    check_claimreview(review)
    assert review["url"] == f"https://factcheck.example.org/claims/{published['approved']}"
    assert review["author"] == {"@type": "Organization", "name": "Desk Fact Check"}
    assert review["reviewRating"]["alternateName"] == "supports"
    assert review["reviewRating"]["ratingValue"] == 5
    assert date.fromisoformat(review["datePublished"])
    item = review["itemReviewed"]
    assert item["author"] == {"@type": "Person", "name": "Kassym-Jomart Tokayev"}
    assert item["datePublished"] == "2023-11-10"  # the article's date: the claim has none
    [appearance] = item["appearance"]
    assert appearance["url"] == "https://www.thestar.com/news/putin-visits"
    for field in SCHEMA["google_recommended"]["ClaimReview"]:
        assert field in review


def test_claimreview_any_status_and_its_url_flag(
    seeded_cli: Cli, published: dict[str, int], tmp_path: Path
) -> None:
    out = tmp_path / "all.json"
    result = seeded_cli(
        "export", "claims", str(out), "--status", "any", "--base-url", "https://fc.example/c"
    )
    assert result.exit_code == 0, result.output
    reviews = json.loads(out.read_text(encoding="utf-8"))
    assert {r["url"] for r in reviews} == {f"https://fc.example/c/{i}" for i in published.values()}
    for review in reviews:
        check_claimreview(review)
    bad = seeded_cli("export", "claims", str(tmp_path / "x.json"), "--base-url", "ftp://x")
    assert bad.exit_code == 2
    assert "--base-url 'ftp://x' is not allowed" in bad.stderr
    assert not (tmp_path / "x.json").exists()


def test_a_bad_base_url_in_the_config_file_is_refused(
    seeded_cli: Cli, tmp_path: Path, monkeypatch: Any
) -> None:
    config = tmp_path / "bad.toml"
    config.write_text('claimreview_base_url = "factcheck.example.org"\n', encoding="utf-8")
    monkeypatch.setenv("WORKBENCH_CONFIG", str(config))
    result = seeded_cli("export", "claims", str(tmp_path / "r.json"))
    assert result.exit_code != 0
    assert "claimreview_base_url" in result.stderr
    assert "http(s) URL" in result.stderr
