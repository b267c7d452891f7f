"""`workbench export claims`: every format read back and checked."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Cli
from tests.integration.claims.conftest import add_claim, claims, make_reviewer, segment_with
from workbench.errors import InputError, WorkbenchError
from workbench.export.claims import export_claims
from workbench.store.claim_queries import list_claims
from workbench.store.database import Database

ENGLISH = "Over 70 Il-76 and An-12 military transport aircraft are flying around the clock."


@pytest.fixture
def tagged(seeded_cli: Cli) -> dict[str, Any]:
    """Three claims on the aircraft sentence: Arabic, English (aligned), and a hostile one."""
    segment = segment_with(seeded_cli, "Il-76")
    source = segment["source"]
    assert seeded_cli("edit", str(segment["id"]), "--text", ENGLISH).exit_code == 0
    ar_quote = "أكثر من 70 طائرة نقل عسكري روسية"
    ar = source.index(ar_quote)
    en = ENGLISH.index("Over 70")
    ids = [
        add_claim(
            seeded_cli, segment["id"], "ar", ar, ar + len(ar_quote),
            "--claim-text", "Russia flew over 70 Il-76 and An-12 aircraft to Kazakhstan.",
            "--type", "statistic", "--worthiness", "check-worthy",
            "--claimant", "Russian Ministry of Defence", "--claimant-kind", "organization",
            "--date", "2022-01-08", "--place", "Moscow", "--verdict", "supports",
            "--evidence", "https://example.org/mod-statement", "--status", "tagged",
        ),
        add_claim(
            seeded_cli, segment["id"], "en", en, en + len("Over 70 Il-76 and An-12"),
            "--aligned-start", str(ar), "--aligned-end", str(ar + len(ar_quote)),
            "--claimant", "Sergei Shoigu", "--claimant-role", "Defence minister",
            "--verdict", "refutes", "--mt-faithful",
        ),
        add_claim(
            seeded_cli, segment["id"], "ar", 0, 5,
            "--notes", "=HYPERLINK(\"http://evil.example\",\"x\")", "--claimant", "+cmd",
            "--claim-text", "@SUM(A1)", "--place", "-2+3",
        ),
    ]  # fmt: skip
    return {"segment": segment, "ids": ids, "ar_quote": ar_quote}


def _export(cli: Cli, path: Path, file_format: str, *extra: str) -> None:
    result = cli("export", "claims", str(path), "--format", file_format, *extra)
    assert result.exit_code == 0, result.output
    assert f" written to {path} ({file_format})" in result.stdout  # "1 claim", "3 claims"


def test_jsonl_holds_every_field_and_the_sentences(
    seeded_cli: Cli, tagged: dict[str, Any], tmp_path: Path
) -> None:
    path = tmp_path / "claims.jsonl"
    _export(seeded_cli, path, "jsonl")

    lines = path.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert sorted(record["id"] for record in records) == sorted(tagged["ids"])
    # The list adds the automatic checks, computed when read (qa/claim_checks.py); the export
    # holds the stored claim.
    listed = [{k: v for k, v in claim.items() if k != "checks"} for claim in claims(seeded_cli)]
    assert records == listed
    source = tagged["segment"]["source"]
    for record in records:
        text = source if record["side"] == "ar" else ENGLISH
        assert text[record["start"] : record["end"]] == record["quote"]
        assert record["source"] == source
        assert record["target"] == ENGLISH
        assert record["document_source"].endswith(".txt")
    by_id = {record["id"]: record for record in records}
    first, english, _ = (by_id[claim_id] for claim_id in tagged["ids"])
    assert first["evidence_links"] == ["https://example.org/mod-statement"]
    assert english["mt_distorted"] is False


def test_csv_is_rfc4180_with_formulas_neutralised(
    seeded_cli: Cli, tagged: dict[str, Any], tmp_path: Path
) -> None:
    path = tmp_path / "claims.csv"
    _export(seeded_cli, path, "csv")

    raw = path.read_bytes()
    assert b"\r\n" in raw
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 3
    by_id = {int(row["id"]): row for row in rows}
    first, english, hostile = (by_id[claim_id] for claim_id in tagged["ids"])
    assert first["quote"] == tagged["ar_quote"]
    assert first["claim_type"] == "statistic"
    assert first["source"] == tagged["segment"]["source"]
    assert english["side"] == "en"
    assert english["mt_distorted"] == "false"
    assert int(english["aligned_start"]) == int(first["start"])
    assert hostile["notes"] == '\'=HYPERLINK("http://evil.example","x")'
    assert hostile["claimant_name"] == "'+cmd"
    assert hostile["claim_text_en"] == "'@SUM(A1)"
    assert hostile["claim_place"] == "'-2+3"
    for row in rows:
        for cell in row.values():
            assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r"), cell


def test_claimreview_is_schema_org_json_ld(
    seeded_cli: Cli, tagged: dict[str, Any], tmp_path: Path
) -> None:
    path = tmp_path / "claims.json"
    _export(seeded_cli, path, "claimreview", "--organisation", "Desk Fact Check", "--status", "any")

    reviews = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(reviews, list)
    assert len(reviews) == 3
    for review in reviews:
        assert review["@context"] == "https://schema.org"
        assert review["@type"] == "ClaimReview"
        assert {"claimReviewed", "itemReviewed", "reviewRating", "author", "datePublished"} <= set(
            review
        )
        assert review["author"] == {"@type": "Organization", "name": "Desk Fact Check"}
        assert review["itemReviewed"]["@type"] == "Claim"
        [appearance] = review["itemReviewed"]["appearance"]
        assert appearance["@type"] == "CreativeWork"
        assert appearance["text"] == tagged["segment"]["source"]
        assert review["reviewRating"]["@type"] == "Rating"
    by_id = {review["identifier"]: review for review in reviews}
    first, english, hostile = (by_id[f"claim-{claim_id}"] for claim_id in tagged["ids"])
    assert first["claimReviewed"] == "Russia flew over 70 Il-76 and An-12 aircraft to Kazakhstan."
    assert first["itemReviewed"]["author"] == {
        "@type": "Organization",
        "name": "Russian Ministry of Defence",
    }
    assert first["itemReviewed"]["datePublished"] == "2022-01-08"
    assert first["itemReviewed"]["contentLocation"] == {"@type": "Place", "name": "Moscow"}
    assert first["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "supports",
        "ratingValue": 5,
        "worstRating": 1,
        "bestRating": 5,
    }
    assert first["citation"] == ["https://example.org/mod-statement"]
    assert english["claimReviewed"] == "Over 70 Il-76 and An-12"  # no claim text: the quote
    assert english["itemReviewed"]["author"] == {
        "@type": "Person",
        "name": "Sergei Shoigu",
        "jobTitle": "Defence minister",
    }
    assert english["reviewRating"]["ratingValue"] == 1
    assert hostile["reviewRating"] == {"@type": "Rating", "alternateName": "unverified"}


def test_claimreview_author_defaults_to_the_reviewer(
    seeded_cli: Cli, database: Database, tagged: dict[str, Any], tmp_path: Path
) -> None:
    first = tagged["ids"][0]
    make_reviewer(database, "rana")
    assert (
        seeded_cli("claims", "edit", str(first), "--status", "approved", user="rana").exit_code == 0
    )
    path = tmp_path / "approved.json"
    _export(seeded_cli, path, "claimreview", "--status", "approved")

    [review] = json.loads(path.read_text(encoding="utf-8"))
    assert review["identifier"] == f"claim-{first}"
    assert review["author"] == {"@type": "Person", "name": "rana"}


def test_export_filters_by_document(
    seeded_cli: Cli, tagged: dict[str, Any], tmp_path: Path
) -> None:
    doc = str(tagged["segment"]["document"])
    path = tmp_path / "doc.jsonl"
    _export(seeded_cli, path, "jsonl", "--doc", doc)
    assert len(path.read_text(encoding="utf-8").splitlines()) == 3
    other = tmp_path / "other.jsonl"
    _export(seeded_cli, other, "jsonl", "--doc", "1")
    assert other.read_text(encoding="utf-8") == ""


def test_a_failed_export_leaves_the_old_file_and_no_temporary(
    seeded_cli: Cli, tagged: dict[str, Any], database: Database, tmp_path: Path
) -> None:
    path = tmp_path / "claims.jsonl"
    path.write_text("previous export\n", encoding="utf-8")
    with database.read() as session:
        views = list_claims(session)

    def failing() -> Any:
        yield views[0]
        raise OSError("disk full")

    # The OSError reaches the user as a WorkbenchError naming the file (no traceback).
    with pytest.raises(WorkbenchError, match="disk full") as raised:
        export_claims(failing(), path, "jsonl")
    assert isinstance(raised.value.__cause__, OSError)

    assert path.read_text(encoding="utf-8") == "previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_an_export_into_a_missing_folder_is_refused(seeded_cli: Cli, tmp_path: Path) -> None:
    result = seeded_cli("export", "claims", str(tmp_path / "nowhere" / "c.csv"), "--format", "csv")
    assert result.exit_code == 2
    assert "no such folder" in result.stderr
    with pytest.raises(InputError, match="is a folder"):
        export_claims([], tmp_path, "csv")
