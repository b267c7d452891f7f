"""The English article of a document: its title and paragraphs, each the English of its sentences.

Paragraphs keep the source's structure: `Segment.paragraph` groups sentences, `Segment.block`
says whether the paragraph is body text, a heading (h1..h6), a list item or a quotation.

A sentence without a usable English text (no target, or a target a reviewer rejected) is
"missing"; what the article does with it is the caller's choice (`MISSING`):

- `fail`: nothing is written; the error names the positions, so they can be translated first;
- `mt`: the machine translation stands in (still an error where there is none);
- `source`: the Arabic stands in;
- `mark`: a visible `[untranslated sentence N]` stands in, for a draft to circulate.

The title: an article's headline is usually its first paragraph. When that paragraph is a
heading, or a single sentence the document's title was taken from (as a .txt import does), its
English is the title and it is not repeated below. A title an editor set in English (no Arabic
letters) is used as it is. Otherwise the article has no separate title line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import groupby

from workbench.errors import InputError
from workbench.export.document_read import PublishDocument, Sentence
from workbench.store.vocabulary import SegmentStatus

MISSING = ("fail", "mt", "source", "mark")
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_ARABIC_LETTER = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
POSITIONS_SHOWN = 20  # an error listing 3,000 positions helps nobody: the first ones and a count


@dataclass(frozen=True, slots=True)
class Paragraph:
    block: str | None  # None body text, "h1".."h6", "li", "quote"
    text: str


@dataclass(frozen=True, slots=True)
class Article:
    title: str | None
    paragraphs: list[Paragraph]
    document_id: int
    author: str | None
    outlet: str | None
    published_at: str | None
    source_url: str | None


def has_arabic(text: str) -> bool:
    return _ARABIC_LETTER.search(text) is not None


def is_missing(sentence: Sentence) -> bool:
    target = sentence.target
    return not target or not target.strip() or sentence.status == SegmentStatus.REJECTED.value


def missing_positions(sentences: Iterable[Sentence], missing: str) -> list[int]:
    """The positions that `missing` cannot fill: all untranslated ones for `fail`, those without
    MT either for `mt`, none otherwise."""
    if missing == "fail":
        return [s.position for s in sentences if is_missing(s)]
    if missing == "mt":
        return [s.position for s in sentences if is_missing(s) and not (s.mt or "").strip()]
    return []


def _refuse(positions: list[int], missing: str, document_id: int) -> None:
    shown = ", ".join(str(position) for position in positions[:POSITIONS_SHOWN])
    more = (
        f" and {len(positions) - POSITIONS_SHOWN} more" if len(positions) > POSITIONS_SHOWN else ""
    )
    what = "no English" if missing == "fail" else "neither English nor machine translation"
    count = len(positions)
    where = "position" if count == 1 else "positions"
    noun = "sentence has" if count == 1 else "sentences have"
    raise InputError(
        f"document {document_id}: {count} {noun} {what} ({where} {shown}{more}); translate "
        "them (`workbench segments --doc "
        f"{document_id} --status new`), or choose --missing mt|source|mark; nothing was written"
    )


def sentence_text(sentence: Sentence, missing: str) -> str:
    if not is_missing(sentence):
        return (sentence.target or "").strip()
    if missing == "mt" and (sentence.mt or "").strip():
        return (sentence.mt or "").strip()
    if missing == "source":
        return sentence.source.strip()
    return f"[untranslated sentence {sentence.position}]"


def join_sentences(texts: Iterable[str]) -> str:
    """Sentences of one paragraph, one space between them, inner runs of white space as one
    space (a target typed with a line break inside stays one paragraph)."""
    return " ".join(" ".join(text.split()) for text in texts if text.strip())


def _paragraphs(sentences: list[Sentence], missing: str) -> Iterator[tuple[list[Sentence], str]]:
    for _, group in groupby(sentences, key=lambda sentence: sentence.paragraph):
        members = list(group)
        yield members, join_sentences(sentence_text(s, missing) for s in members)


def _is_title(members: list[Sentence], title: str) -> bool:
    if members[0].block in HEADINGS:
        return True
    stored = " ".join(title.split())
    return (
        len(members) == 1
        and bool(stored)
        and " ".join(members[0].source.split()).startswith(stored)
    )


def build_article(document: PublishDocument, missing: str = "fail") -> Article:
    """The article, or InputError naming the sentences `missing` cannot fill."""
    if missing not in MISSING:
        raise InputError(f"--missing {missing!r} is not one of {'|'.join(MISSING)}")
    info = document.info
    positions = missing_positions(document.sentences, missing)
    if positions:
        _refuse(positions, missing, info.id)
    paragraphs = list(_paragraphs(document.sentences, missing))
    title: str | None = None
    if paragraphs and _is_title(paragraphs[0][0], info.title):
        title = paragraphs.pop(0)[1]
    elif info.title.strip() and not _ARABIC_LETTER.search(info.title):
        title = " ".join(info.title.split())
    body = [Paragraph(members[0].block, text) for members, text in paragraphs if text]
    return Article(
        title, body, info.id, info.author, info.outlet, info.published_at, info.source_url
    )


def heading_level(block: str | None) -> int | None:
    """The heading level of a block below the article's title (1 is the title itself)."""
    if block not in HEADINGS:
        return None
    return max(2, int(block[1]))


FSI, PDI = "\u2068", "\u2069"  # first-strong isolate ... pop directional isolate


def byline_parts(article: Article) -> list[str]:
    """Author (as `By AUTHOR`), outlet and date, those the source gave."""
    parts = [
        f"By {article.author}" if article.author else None,
        article.outlet,
        article.published_at,
    ]
    return [" ".join(part.split()) for part in parts if part and part.strip()]


def byline(article: Article) -> str | None:
    """`By AUTHOR · OUTLET · DATE`, or None. A part with Arabic letters (an Arabic outlet's
    name) is wrapped in Unicode isolates (FSI ... PDI): without them the bidi algorithm joins
    the date that follows to the Arabic run and shows 2024-03-07 as 07-03-2024."""
    parts = [
        FSI + part + PDI if _ARABIC_LETTER.search(part) else part for part in byline_parts(article)
    ]
    return " · ".join(parts) if parts else None
