"""A desk's worth of work to export: edits by two people, every status, MT, awkward text.

The MT and review services are not part of this branch, so `record_mt` and `set_review_status`
write what those services write (an MT revision with its package; a status change with its
revision) straight through the ORM. Everything else goes through the CLI.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree
from sqlalchemy import select, update

from tests.conftest import REPO_ROOT, SEEDS_DIR, Cli
from tests.templates import release_open_databases, restore_template
from workbench.services.editing import record_machine_translation
from workbench.services.users import ensure_user
from workbench.store.database import Database, open_database
from workbench.store.models import Origin, Revision, Segment, utcnow
from workbench.text.controls import UNSTORABLE
from workbench.text.normalise import source_hash

DTD_PATH = REPO_ROOT / "tests" / "fixtures" / "tmx14.dtd"

TRICKY_ARABIC = (
    "قالَ الوزيرُ إنّ الاقتـــصاد نما بنسبة ٢٧٫٥٪ في ٢٠٢٣.\n\n"
    "=SUM(A1) ليس صيغة، بل نص عربي يبدأ بعلامة يساوي.\n\n"
    "- خبر عاجل: \"RT\" & <CSTO> تنشر تقريراً 'مهماً'.\n\n"
    "نص فيه علامة اتجاه\u200f مخفية و\u202eعكس\u202c وحرف تحكم\x07 هنا.\n"
)
# English targets for the tricky document's four segments, in order.
TRICKY_ENGLISH = [
    "The minister said the \"economy\" grew by 27.5% in 2023 & <more> 'quoted'.",
    "=1+1 is not a formula here;\r\nsecond line after CRLF\ttab",
    "-5% is a drop; control\x01char and \x0bvertical tab",
    "'=already quoted, +44 20 and @user",
]
MT_PACKAGE, MT_VERSION = "translate-ar_en", "1.9"


@dataclass
class Desk:
    cli: Cli
    database: Database
    tricky: list[int]  # segment ids of the tricky document, in order

    def segment(self, segment_id: int) -> Segment:
        with self.database.read() as session:
            found = session.get(Segment, segment_id)
            assert found is not None
            return found


def record_mt(database: Database, segment_id: int, text: str) -> None:
    with database.write() as session:
        record_machine_translation(
            session, segment_id, text, mt_package=MT_PACKAGE, mt_version=MT_VERSION
        )


def set_review_status(database: Database, segment_id: int, status: str, reviewer: str) -> None:
    """What a review writes: the status, a version bump, and a revision by the reviewer."""
    with database.write() as session:
        user = ensure_user(session, reviewer)
        now = utcnow()
        version, text = session.execute(
            update(Segment)
            .where(Segment.id == segment_id)
            .values(
                status=status, version=Segment.version + 1, updated_by_id=user.id, updated_at=now
            )
            .returning(Segment.version, Segment.target)
        ).one()
        session.add(
            Revision(
                segment_id=segment_id,
                text=text,
                origin=Origin.HUMAN.value,
                status=status,
                version=version,
                author_id=user.id,
                created_at=now,
            )
        )


def edit(cli: Cli, segment_id: int, text: str, status: str, user: str = "alice") -> None:
    result = cli("edit", str(segment_id), "--text", text, "--status", status, user=user)
    assert result.exit_code == 0, result.output


def plant_legacy_text(database: Database, segment_id: int, *, source: str, target: str) -> None:
    """Control characters as a database written before they were refused holds them: the
    exports must still carry (CSV) or drop (TMX) them. Import and edit refuse them now, so they
    are written straight into the segment and its latest revision."""
    with database.write() as session:
        segment = session.get(Segment, segment_id)
        assert segment is not None
        segment.source, segment.source_hash, segment.target = source, source_hash(source), target
        session.execute(
            update(Revision)
            .where(Revision.segment_id == segment_id, Revision.version == segment.version)
            .values(text=target)
        )


def build_desk(url: str) -> None:
    """The desk's work, done once per session and backend (the template of `desk`)."""
    cli, database = Cli(url), open_database(url)
    try:
        with tempfile.TemporaryDirectory() as folder:
            tricky_file = Path(folder) / "tricky.txt"
            tricky_file.write_text(UNSTORABLE.sub("", TRICKY_ARABIC), encoding="utf-8")
            assert cli("import", str(SEEDS_DIR)).exit_code == 0  # what any_seeded_cli holds
            assert cli("import", str(tricky_file)).exit_code == 0
        tricky = tricky_segments(database)
        assert len(tricky) == 4
        edit(cli, 3, "Polling stations closed.", "translated")
        edit(cli, 3, "Polling stations closed on Sunday.", "translated", user="bob")
        edit(cli, 4, "Blinken arrived (draft).", "draft")
        edit(cli, 5, "Approved sentence.", "translated")
        set_review_status(database, 5, "approved", "rana")
        edit(cli, 6, "Reviewed sentence.", "translated")
        set_review_status(database, 6, "reviewed", "rana")
        record_mt(database, 7, "Machine only & <raw>.")
        record_mt(database, 8, "Machine first.")
        edit(cli, 8, "Human after machine.", "translated")
        for segment_id, text in zip(tricky, TRICKY_ENGLISH, strict=True):
            edit(cli, segment_id, UNSTORABLE.sub("", text), "translated")
        for segment_id, source, target in zip(
            tricky, TRICKY_ARABIC.split("\n\n"), TRICKY_ENGLISH, strict=True
        ):
            if UNSTORABLE.search(source + target):
                plant_legacy_text(database, segment_id, source=source.strip(), target=target)
    finally:
        database.dispose()


def tricky_segments(database: Database) -> list[int]:
    with database.read() as session:
        return list(
            session.scalars(
                select(Segment.id).where(Segment.document_id == 6).order_by(Segment.position)
            )
        )


@pytest.fixture
def desk(any_seeded_cli: Cli, any_database: Database, request: pytest.FixtureRequest) -> Desk:
    """The desk, on SQLite and on PostgreSQL in turn (a copy of a template)."""
    release_open_databases(request)
    restore_template(request, "exchange-desk", build_desk, any_seeded_cli.db_url)
    return Desk(any_seeded_cli, any_database, tricky_segments(any_database))


def validate_tmx(path: Path) -> etree._ElementTree:
    """Parse an exported TMX and validate it against the TMX 1.4b DTD; return the tree."""
    tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
    dtd = etree.DTD(str(DTD_PATH))
    assert dtd.validate(tree), dtd.error_log.filter_from_errors()
    return tree
