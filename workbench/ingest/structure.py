"""The neutral shape every reader gives: a title, where the text came from, and its paragraphs.

Each reader (`workbench.ingest.readers`) turns one kind of file into a `SourceText`; segmentation
(`workbench.ingest.sources.parse_blocks`) then cuts every paragraph into sentences the same way
whatever the kind, and the paragraph's block kind goes with each of its sentences to
`segments.block`, so that exports can rebuild headings and lists.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# What `segments.block` may hold besides None (body text): headings, list items, quotations.
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
BLOCK_KINDS = (*HEADINGS, "li", "quote")
# What `documents.source_format` records.
FORMATS = ("txt", "md", "html", "docx", "xliff")


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph of the source: its text and its kind (None for body text)."""

    text: str
    kind: str | None = None
    # A translation that came with the source (XLIFF targets), one per paragraph, and its status.
    target: str | None = None
    target_status: str | None = None
    # Consecutive blocks with the same group are sentences of one paragraph (an XLIFF 2.0 unit
    # of several segments); None: a paragraph of its own.
    group: str | None = None


@dataclass(frozen=True, slots=True)
class SourceMeta:
    """What the source says about itself; None where it says nothing."""

    source_format: str
    title: str | None = None
    source_url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published_at: str | None = None  # ISO date or datetime, as given


@dataclass(frozen=True, slots=True)
class SourceText:
    meta: SourceMeta
    blocks: list[Block] = field(default_factory=list)
    # Whole paragraphs are segments as they are (XLIFF units are already sentences and their
    # targets belong to them): no sentence splitting inside a paragraph.
    presegmented: bool = False


def first_heading(blocks: list[Block]) -> str | None:
    """The text of the first heading, if the source has one."""
    return next((block.text for block in blocks if block.kind in HEADINGS), None)
