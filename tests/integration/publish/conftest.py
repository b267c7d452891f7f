"""Documents to publish: NTREX news sentences in an article's structure, with English.

Documents are built the way a desk builds them today: a .txt file imported with `workbench
import`, then (as an HTML or Word import would have set them) the paragraphs' block kinds and
the document's metadata are written through SQLAlchemy, and the English is saved through the
editing service as a translator would.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.conftest import SHARED_DIR, Cli
from workbench.ingest.segment import segment_paragraph
from workbench.services.editing import save_segment
from workbench.store.database import Database, open_database
from workbench.store.models import Document, Segment

NTREX = SHARED_DIR / "corpora" / "ntrex-ar-en"
# The shape of a news article: headline, lead, a subheading, a list, a quotation, more body.
SHAPE: tuple[tuple[str | None, int], ...] = (
    ("h1", 1),
    (None, 2),
    (None, 3),
    ("h2", 1),
    ("li", 1),
    ("li", 1),
    ("li", 1),
    (None, 2),
    ("quote", 1),
    ("h3", 1),
    (None, 1),
)
META = {
    "source_url": "https://news.example/ar/2024/economy?id=7&lang=ar",
    "outlet": "أخبار المثال",
    "author": "Huda Example",
    "published_at": "2024-03-07",
}


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def need_tool(name: str) -> str:
    """The tool's path; skip (fail in CI, where .ci/run installs it) when it is missing."""
    found = shutil.which(name)
    if found is None:
        if in_ci():
            pytest.fail(f"{name} is missing in CI: .ci/run should have installed it")
        pytest.skip(f"{name} is not installed (Debian package named in .ci/run)")
    return found


@dataclass
class Para:
    block: str | None
    arabic: list[str]
    english: list[str]

    @property
    def english_text(self) -> str:
        return " ".join(self.english)


@dataclass
class Built:
    cli: Cli
    database: Database
    document_id: int
    paragraphs: list[Para]
    segment_ids: list[int] = field(default_factory=list)  # in position order

    def segments(self) -> list[Segment]:
        with self.database.read() as session:
            query = select(Segment).where(Segment.document_id == self.document_id)
            return list(session.scalars(query.order_by(Segment.position)))


def _single_sentences() -> list[tuple[str, str]]:
    """NTREX pairs whose Arabic is exactly one sentence ending in a full stop (so that joining
    several into a paragraph keeps them apart)."""
    arabic = (NTREX / "ar.txt").read_text(encoding="utf-8").splitlines()
    english = (NTREX / "en.txt").read_text(encoding="utf-8").splitlines()
    pairs = []
    for arabic_line, english_line in zip(arabic, english, strict=True):
        ar, en = arabic_line.strip(), english_line.strip()
        if ar.endswith(".") and en and len(segment_paragraph(ar)) == 1 and len(ar) < 400:
            pairs.append((ar, en))
    return pairs


SENTENCES = _single_sentences()


def article_paragraphs(offset: int) -> list[Para]:
    """An article of NTREX sentences starting at `offset` in the SHAPE above."""
    paragraphs, index = [], offset
    for block, count in SHAPE:
        pairs = SENTENCES[index : index + count]
        index += count
        paragraphs.append(Para(block, [ar for ar, _ in pairs], [en for _, en in pairs]))
    return paragraphs


def build_document(
    cli: Cli,
    folder: Path,
    paragraphs: list[Para],
    *,
    translate: bool = True,
    name: str = "article.txt",
    meta: dict[str, str] | None = None,
) -> Built:
    source = folder / name
    source.write_text("\n\n".join(" ".join(p.arabic) for p in paragraphs) + "\n", "utf-8")
    result = cli("import", str(source))
    assert result.exit_code == 0, result.output
    database = open_database(cli.db_url)
    with database.write() as session:
        document = session.scalars(select(Document).order_by(Document.id.desc())).first()
        assert document is not None
        for key, value in (META if meta is None else meta).items():
            setattr(document, key, value)
        segments = list(
            session.scalars(
                select(Segment).where(Segment.document_id == document.id).order_by(Segment.position)
            )
        )
        paragraph_numbers = sorted({segment.paragraph for segment in segments})
        assert len(paragraph_numbers) == len(paragraphs), "the import cut paragraphs otherwise"
        blocks = dict(zip(paragraph_numbers, (p.block for p in paragraphs), strict=True))
        for segment in segments:
            segment.block = blocks[segment.paragraph]
        built = Built(cli, database, document.id, paragraphs, [s.id for s in segments])
    assert len(built.segment_ids) == sum(len(p.arabic) for p in paragraphs)
    if translate:
        english = [sentence for p in paragraphs for sentence in p.english]
        for segment_id, text in zip(built.segment_ids, english, strict=True):
            save_segment(database, "alice", segment_id, text, status="translated")
    return built


@pytest.fixture(params=[0, 40, 400], ids=["ntrex-0", "ntrex-40", "ntrex-400"])
def article(request: pytest.FixtureRequest, cli: Cli, tmp_path: Path) -> Built:
    """A translated article of NTREX news sentences (three different stretches of the corpus)."""
    built = build_document(cli, tmp_path, article_paragraphs(request.param))
    request.addfinalizer(built.database.dispose)
    return built
