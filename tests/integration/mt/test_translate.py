"""`workbench translate` and the engine, on the seed articles with the real test model."""

from __future__ import annotations

import re
from pathlib import Path

import ctranslate2
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from tests.conftest import Cli
from tests.mt_archives import with_metadata
from tests.mt_fixtures import SHORT_SEED, TOY_MODEL_FILE
from tests.templates import restore_seed_files
from workbench.config import load_settings
from workbench.mt.engine import get_engine
from workbench.mt.packages import InstalledModel
from workbench.services.translation import translate_segments
from workbench.store.database import Database
from workbench.store.models import Origin, Revision, Segment

ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")


def mt_revisions(database: Database) -> dict[int, list[Revision]]:
    with database.read() as session:
        revisions = session.scalars(
            select(Revision)
            .options(selectinload(Revision.author))
            .where(Revision.origin == Origin.MT.value)
            .order_by(Revision.id)
        ).all()
    by_segment: dict[int, list[Revision]] = {}
    for revision in revisions:
        by_segment.setdefault(revision.segment_id, []).append(revision)
    return by_segment


def test_every_seed_segment_gets_english(
    seeded_cli: Cli, database: Database, argos_model: InstalledModel
) -> None:
    result = seeded_cli("translate")
    assert result.exit_code == 0, result.output
    assert "106 segments translated" in result.stdout
    assert "TEST MODEL 0.1 (not for real use)" in result.stdout

    rows = seeded_cli.json_lines("segments", "--json")
    assert len(rows) == 106
    for row in rows:
        assert row["mt"] and ENGLISH_WORD.search(row["mt"]), row
        # MT is not the target and not a version: nobody's work moved.
        assert (row["target"], row["version"], row["status"]) == (None, 0, "new")

    revisions = mt_revisions(database)
    assert sorted(revisions) == sorted(row["id"] for row in rows)
    for segment_id, (revision, *more) in revisions.items():
        assert more == []
        assert (revision.mt_package, revision.mt_version) == (argos_model.name, "0.1")
        assert revision.author is not None and revision.author.name == "alice"
        assert revision.version == 0 and revision.segment_id == segment_id

    again = seeded_cli("translate")
    assert again.exit_code == 0 and "0 segments translated" in again.stdout


def test_same_input_same_output(
    tmp_path: Path, argos_model: InstalledModel, request: pytest.FixtureRequest
) -> None:
    outputs = []
    for name in ("one", "two"):
        cli = Cli(f"sqlite:///{tmp_path / name}.sqlite")
        # One seed article as `workbench import` leaves it (22 segments, 2 batches): whether a
        # run repeats itself does not depend on how many sentences it translates.
        restore_seed_files(request, cli.db_url, SHORT_SEED)
        assert cli("translate", "--batch-size", "16").exit_code == 0
        outputs.append([row["mt"] for row in cli.json_lines("segments", "--json")])
    assert all(outputs[0]) and outputs[0] == outputs[1]
    engine = get_engine(load_settings(mt_batch_size=16))
    sentences = ["أنا أحب القطط.", "هل تتكلم الإنجليزية؟"]
    assert engine.translate(sentences) == engine.translate(sentences)
    assert engine.translate(sentences) == ["I love cats.", "Do you speak English?"]


def test_workers_change_neither_the_words_nor_the_scores(
    tmp_path: Path, argos_model: InstalledModel, request: pytest.FixtureRequest
) -> None:
    """N threads are N workers decoding batches side by side, several batches in flight: each
    segment must still get its own sentence's English and score, whatever finishes first."""
    outputs = []
    for threads in (1, 2, 3):
        assert get_engine(load_settings(mt_threads=threads)).workers == threads
        cli = Cli(f"sqlite:///{tmp_path / str(threads)}.sqlite")
        # One seed article (22 segments of unlike lengths) in batches of 2: eleven batches, so
        # that three workers still have several in flight and finish them out of order; more
        # sentences would only repeat that (the seed as `workbench import` leaves it).
        restore_seed_files(request, cli.db_url, SHORT_SEED)
        result = cli("translate", "--batch-size", "2", "--threads", str(threads))
        assert result.exit_code == 0, result.output
        rows = cli.json_lines("segments", "--json")
        assert all(row["mt"] and row["mt_score"] for row in rows if row["source"].strip())
        outputs.append([(row["source"], row["mt"], row["mt_score"]) for row in rows])
    assert outputs[0] == outputs[1] == outputs[2]


def test_order_is_kept_and_empty_input_gives_empty_output(argos_model: InstalledModel) -> None:
    engine = get_engine(load_settings(mt_batch_size=2))
    long = "أغلقت مراكز الاقتراع في كازاخستان أبوابها مساء الأحد."
    short = "أنا أحب القطط."
    out = engine.translate([long, "  ", short, long])
    assert out[1] == "" and out[2] == "I love cats."
    assert out[0] == out[3] and out[0] != out[2]
    assert engine.translate([]) == []


def test_alternatives_are_distinct(argos_model: InstalledModel) -> None:
    engine = get_engine(load_settings())
    alternatives = engine.alternatives("هل تتكلم الإنجليزية؟", 4)
    assert len(alternatives) == 4
    assert len(set(alternatives)) == 4 and all(alternatives)
    assert "Do you speak English?" in alternatives
    assert engine.alternatives("", 3) == []


def test_doc_and_limit(seeded_cli: Cli, argos_model: InstalledModel) -> None:
    result = seeded_cli("translate", "--doc", "2", "--limit", "5")
    assert result.exit_code == 0, result.output
    rows = seeded_cli.json_lines("segments", "--json")
    translated = [(row["document"], row["position"]) for row in rows if row["mt"]]
    assert translated == [(2, position) for position in range(1, 6)]
    missing = seeded_cli("translate", "--doc", "99")
    assert missing.exit_code == 4 and "document 99 does not exist" in missing.stderr


def test_retranslate_refreshes_other_models_mt_but_never_a_human_edit(
    short_seed_cli: Cli, database: Database, tmp_path: Path, argos_packages_dir: Path
) -> None:
    # One seed article (22 segments): what is refreshed and what is kept is decided segment by
    # segment, whatever their number, and each model's run translates them all again.
    seeded_cli = short_seed_cli
    assert seeded_cli("models", "install", str(TOY_MODEL_FILE)).exit_code == 0
    assert seeded_cli("translate").exit_code == 0
    before = {row["id"]: row for row in seeded_cli.json_lines("segments", "--json")}
    assert seeded_cli("edit", "3", "--text", "Polling stations closed on Sunday.").exit_code == 0

    newer = with_metadata(tmp_path / "newer.argosmodel", package_version="0.2")
    assert seeded_cli("models", "install", str(newer)).exit_code == 0
    assert "0 segments translated" in seeded_cli("translate").stdout  # all have MT already

    first = seeded_cli("translate", "--retranslate", "--limit", "10")
    assert "10 segments translated" in first.stdout
    result = seeded_cli("translate", "--retranslate")
    assert result.exit_code == 0, result.output
    assert f"{len(before) - 1 - 10} segments translated" in result.stdout
    assert "MT not refreshed for 1 segment edited by a person" in result.stdout

    after = {row["id"]: row for row in seeded_cli.json_lines("segments", "--json")}
    assert after[3]["mt"] == before[3]["mt"]
    assert after[3]["target"] == "Polling stations closed on Sunday." and after[3]["version"] == 1
    revisions = mt_revisions(database)
    assert [r.mt_version for r in revisions[3]] == ["0.1"]
    for segment_id in set(after) - {3}:
        assert [r.mt_version for r in revisions[segment_id]] == ["0.1", "0.2"]
        assert after[segment_id]["version"] == 0

    assert "0 segments translated" in seeded_cli("translate", "--retranslate").stdout


def test_stopped_run_resumes_and_translates_each_segment_once(
    unrepeated_seeds_cli: Cli, db_url: str, database: Database, argos_model: InstalledModel
) -> None:
    # One seed article (34 segments, 5 batches of 8, no sentence repeated, so each batch stores
    # 8): stopped after 3 batches, the rest resumed; neither depends on how many come after.
    segments = len(unrepeated_seeds_cli.json_lines("segments", "--json"))
    settings = load_settings(db_url=db_url, user="alice", mt_batch_size=8)
    progress: list[int] = []
    first = translate_segments(
        database,
        settings,
        on_progress=lambda done, total: progress.append(done),
        should_stop=lambda: len(progress) > 3,  # the call before the first batch, then 3 batches
    )
    assert first.cancelled and first.batches == 3 and first.translated == 24
    assert progress == [0, 8, 16, 24]
    assert len(mt_revisions(database)) == 24

    second = translate_segments(database, settings)
    assert not second.cancelled and second.translated == segments - 24
    with database.read() as session:
        assert session.scalar(select(func.count()).where(Segment.mt.is_(None))) == 0
    revisions = mt_revisions(database)
    assert len(revisions) == segments and all(len(r) == 1 for r in revisions.values())


@pytest.mark.skipif(ctranslate2.get_cuda_device_count() > 0, reason="this machine has a GPU")
def test_cuda_without_a_gpu_says_to_use_the_cpu(
    seeded_cli: Cli, argos_model: InstalledModel
) -> None:
    result = seeded_cli("translate", "--device", "cuda")
    assert result.exit_code == 1
    assert "on cuda" in result.stderr and "--device cpu" in result.stderr
    assert all(row["mt"] is None for row in seeded_cli.json_lines("segments", "--json"))


def test_damaged_model_files_give_a_clear_error(seeded_cli: Cli, argos_packages_dir: Path) -> None:
    assert seeded_cli("models", "install", str(TOY_MODEL_FILE)).exit_code == 0
    (argos_packages_dir / "translate-ar_en-toy" / "model" / "model.bin").write_bytes(b"\0" * 64)
    result = seeded_cli("translate")
    assert result.exit_code == 1
    assert "cannot load ar→en TEST MODEL 0.1" in result.stderr
    assert "workbench models install" in result.stderr


def test_damaged_tokenizer_gives_a_clear_error(seeded_cli: Cli, argos_packages_dir: Path) -> None:
    assert seeded_cli("models", "install", str(TOY_MODEL_FILE)).exit_code == 0
    (argos_packages_dir / "translate-ar_en-toy" / "sentencepiece.model").write_bytes(b"junk")
    result = seeded_cli("translate")
    assert result.exit_code == 1
    assert "cannot load ar→en TEST MODEL 0.1" in result.stderr


def test_translate_then_fills_exact_memory_matches(
    seeded_cli: Cli, argos_model: InstalledModel
) -> None:
    # Seed 000 opens with the same paragraph twice: segments 1 and 2 share their source.
    first, twin = seeded_cli.json_lines("segments", "--doc", "1", "--json")[:2]
    assert first["source"] == twin["source"]
    english = "A report says Kazakhstan will stop parallel imports to Russia."
    confirmed = seeded_cli("edit", str(first["id"]), "--text", english, "--status", "translated")
    assert confirmed.exit_code == 0  # a translated segment joins the memory

    result = seeded_cli("translate", "--doc", "1")

    assert result.exit_code == 0, result.output
    assert "1 segment filled from exact translation-memory matches" in result.stdout
    filled = seeded_cli.json_lines("segments", "--doc", "1", "--json")[1]
    assert filled["mt"]  # MT came first ...
    assert (filled["target"], filled["status"]) == (english, "draft")  # ... the memory won
    history = seeded_cli.json_lines("history", str(twin["id"]), "--json")
    assert [entry["origin"] for entry in history if entry["kind"] == "revision"] == ["mt", "tm"]
