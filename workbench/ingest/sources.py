"""Reading source files: find the files to import, check them, cut them into segments.

Plain text (.txt) is read here, one paragraph a line; the other kinds (.md, .html, .docx, .xliff,
a URL) are read by `workbench.ingest.readers` into paragraphs with block kinds, which
`parse_blocks` segments the same way. Nothing here touches the database;
`workbench.services.importing` writes what this returns.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from itertools import groupby
from pathlib import Path
from typing import NamedTuple

from workbench.errors import InputError
from workbench.files.encodings import convert_hint, wide_encoding
from workbench.files.inputs import SizeCap, read_regular, text_cap
from workbench.ingest.segment import segment_paragraph, sentence_spans
from workbench.ingest.structure import Block, SourceMeta, SourceText, first_heading
from workbench.text.controls import check_storable
from workbench.text.normalise import BidiMark, locate_bidi_controls

TITLE_LENGTH = 120
PLAIN_TEXT = SourceMeta("txt")  # what a .txt file says about itself: nothing but its kind
# A "sentence" longer than this is a file without sentence ends (or not prose at all): it would
# be unusable in the editor and for machine translation, so the file is refused, not imported.
MAX_SENTENCE_CHARS = 10_000


# NamedTuples, not frozen dataclasses: as immutable and typed, and made three times faster (an
# import makes one per sentence and one per file; a frozen dataclass sets each field through
# object.__setattr__). A segment's source hash is not made here but by the import, a batch of
# files' sentences at a time (services/importing.py): hashing one file's two sentences cost more
# in calls than in characters.
class ParsedSegment(NamedTuple):
    position: int
    paragraph: int
    source: str
    is_repeat: bool
    block: str | None = None  # the paragraph's kind: None (body), "h1".."h6", "li", "quote"
    target: str | None = None  # a translation that came with the source (XLIFF)
    target_status: str | None = None


class ParsedDocument(NamedTuple):
    path: Path
    title: str
    content_hash: str
    segments: list[ParsedSegment]
    # Bidi controls can reorder or hide text: imported as written, but reported to the user.
    bidi: tuple[BidiMark, ...] = ()
    meta: SourceMeta = PLAIN_TEXT
    name: str | None = None  # what is stored as the source name (a URL's page); else path.name

    @property
    def source_name(self) -> str:
        return self.name if self.name is not None else self.path.name

    @property
    def label(self) -> str:
        """How messages name it: the path as given, or the URL."""
        return self.name if self.name is not None else str(self.path)


# What a folder given to `workbench import` is searched for (a file named on the command line is
# read whatever its name: by its extension, plain text when the extension is none of these).
IMPORTED_SUFFIXES = (
    ".txt",
    ".md",
    ".markdown",
    ".html",
    ".htm",
    ".xhtml",
    ".docx",
    ".xlf",
    ".xliff",
)


def _walk_texts(folder: Path) -> tuple[list[Path], list[Path]]:
    """The importable entries under `folder`, recursively, sorted as paths (folder by folder),
    and which of them are symbolic links (each entry's type is known from listing its folder: no
    lstat a file, as Path.is_symlink would make).

    Entries that are not regular files (a FIFO, a link to a device) are kept: reading them
    refuses them by name rather than skipping them unseen."""
    # os.walk's walk (os.scandir; links to folders not followed; unreadable folders passed
    # over), rather than Path.rglob: a folder of 100,000 files is listed in about a second.
    # Sorted in Path order (component by component) as plain strings: with the separator made
    # NUL, which sorts before any character a name can hold, string order is component order.
    # Sorting 100,000 Path objects (Path.__lt__ in Python) took longer than the walk.
    found: list[tuple[str, str, str, bool]] = []
    pending = [os.fspath(folder)]
    while pending:
        root = pending.pop()
        listed = _list_folder(root)
        prefix = (root.rstrip(os.sep) + os.sep).replace(os.sep, "\0")
        for name, is_dir, is_link in listed:
            if is_dir:
                if not is_link:
                    pending.append(os.path.join(root, name))  # noqa: PTH118 (os.walk's names)
            elif name.lower().endswith(IMPORTED_SUFFIXES):
                found.append((prefix + name, root, name, is_link))
    found.sort()
    folders: dict[str, Path] = {}
    texts: list[Path] = []
    links: list[Path] = []
    for _, root, name, is_link in found:
        if root not in folders:
            folders[root] = Path(root)
        texts.append(folders[root] / name)
        if is_link:
            links.append(texts[-1])
    return texts, links


def _list_folder(root: str) -> list[tuple[str, bool, bool]]:
    """(name, is a folder (links followed), is a link) of each entry; [] when the folder cannot
    be listed, as os.walk passes over it."""
    listed: list[tuple[str, bool, bool]] = []
    try:
        with os.scandir(root) as entries:
            for entry in entries:
                listed.append((entry.name, _safely(entry.is_dir), _safely(entry.is_symlink)))
    except OSError:
        return []
    return listed


def _safely(check: Callable[[], bool]) -> bool:
    """A DirEntry check, False when it fails (as os.walk and Path.is_symlink take it)."""
    try:
        return check()
    except OSError:
        return False


def _refuse_links_out(folder: Path, links: list[Path]) -> None:
    """A link inside the folder may not lead outside it: `ln -s /etc/passwd dir/a.txt` must not
    import the password file of whoever runs the import."""
    inside = folder.resolve()
    leaving = [
        f"{path} -> {path.resolve()}" for path in links if not path.resolve().is_relative_to(inside)
    ]
    if leaving:
        raise InputError(
            f"{folder}: these links lead out of the folder, so nothing was imported; copy the "
            "files into the folder or name them on the command line:\n  " + "\n  ".join(leaving)
        )


def collect_sources(paths: Iterable[Path]) -> list[Path]:
    """The files named, or found (recursively) under the folders in `paths`, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
        if path.is_dir():
            texts, links = _walk_texts(path)
            if not texts:
                raise InputError(
                    f"{path}: the folder holds no file to import ({', '.join(IMPORTED_SUFFIXES)})"
                )
            _refuse_links_out(path, links)
            found.extend(texts)
        else:
            found.append(path)
    # The same file named twice is read once. Keyed by the path's text, which reading it needs
    # anyway (a Path keeps it once made), not by the Path: hashing a Path (its parts, in Python)
    # cost most of what making it did. On POSIX two Paths are equal when their texts are.
    return list({os.fspath(path): path for path in found}.values())


def decode_source(path: Path, data: bytes) -> str:
    """The file's text, or an InputError naming the file and what is wrong with it."""
    if not data.strip():
        raise InputError(f"{path}: the file is empty; nothing to import")
    encoding = wide_encoding(data)
    if encoding is not None:
        raise InputError(convert_hint(path, encoding))
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(
            f"{path}: byte {nul} is a NUL byte: this looks like a binary file, not text; "
            "import plain UTF-8 .txt files"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(
            f"{path}: not valid UTF-8 at byte offset {error.start} ({error.reason}); "
            "convert it first, e.g. `iconv -f CP1256 -t UTF-8`"
        ) from error
    # A BOM and CRLF line ends are encodings of the file, not characters of the article.
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    check_storable(text, str(path), lines=True)
    return text


def parse_text(path: Path, text: str, content_hash: str) -> ParsedDocument:
    spans = sentence_spans(text)  # (start, end, paragraph): no Sentence made per sentence
    if not spans:
        raise InputError(f"{path}: the file holds only whitespace; nothing to import")
    texts = [text[start:end] for start, end, _ in spans]
    _refuse_overlong(path, text, spans, texts)
    repeated = _repeated_paragraphs(spans, texts)
    segments = [
        ParsedSegment(position, paragraph + 1, source, paragraph in repeated)
        for position, ((_, _, paragraph), source) in enumerate(zip(spans, texts, strict=True), 1)
    ]
    return ParsedDocument(
        path=path,
        title=text_title(text, spans[0][0], texts[0]),
        content_hash=content_hash,
        segments=segments,
        bidi=tuple(locate_bidi_controls(text)),
    )


def _repeated_paragraphs(spans: list[tuple[int, int, int]], texts: list[str]) -> set[int]:
    """The paragraphs (0-based) whose text an earlier paragraph already had."""
    if spans[-1][2] == 0:
        return set()  # one paragraph (a short file, a long line): nothing to compare
    seen: set[str] = set()
    repeated: set[int] = set()
    for number, members in groupby(zip(spans, texts, strict=True), key=lambda pair: pair[0][2]):
        key = " ".join(source for _, source in members)
        if key in seen:
            repeated.add(number)
        seen.add(key)
    return repeated


def text_title(text: str, start: int, first_sentence: str) -> str:
    """A plain text's title: its first line (from the first sentence's `start`) when that is
    short enough to be a headline (news files put the headline first), else the start of its
    first sentence."""
    line_end = text.find("\n", start)  # not a split: the rest may be a 10 MB line
    first_line = text[start : len(text) if line_end < 0 else line_end].strip()
    if len(first_line) <= TITLE_LENGTH:
        return first_line
    return first_sentence[:TITLE_LENGTH]


def block_title(source: SourceText, blocks: list[Block]) -> str:
    """The source's own title, else its first heading, else its first paragraph, shortened."""
    for candidate in (source.meta.title, first_heading(blocks), blocks[0].text):
        if candidate and candidate.strip():
            return " ".join(candidate.split())[:TITLE_LENGTH]
    return ""


def _flatten(block: Block) -> Block:
    """The block with its whitespace runs (line breaks inside a paragraph) made single spaces:
    a paragraph is one line, as in a plain-text file."""
    target = None if block.target is None else " ".join(block.target.split())
    return Block(" ".join(block.text.split()), block.kind, target, block.target_status, block.group)


def _check_meta(label: str, meta: SourceMeta) -> None:
    """What the source says about itself is stored too: the same rule as its text."""
    for field in ("title", "source_url", "outlet", "author", "published_at"):
        value = getattr(meta, field)
        if value is not None:
            check_storable(value, f"{label}: its {field.replace('_', ' ')}")


def parse_blocks(
    path: Path, source: SourceText, content_hash: str, name: str | None = None
) -> ParsedDocument:
    """Segment every paragraph of a structured source; the block kind goes with each sentence.

    `name` is what the document is stored and named as when it is not a file (a URL)."""
    label = name or str(path)
    blocks = [_flatten(block) for block in source.blocks if block.text.strip()]
    if not blocks:
        raise InputError(
            f"{label}: no text to translate was found in it (no article paragraphs); "
            "nothing was imported"
        )
    _check_meta(label, source.meta)
    for number, block in enumerate(blocks, start=1):
        where = f"{label}: paragraph {number}"
        check_storable(block.text, where)
        if block.target is not None:
            check_storable(block.target, f"{where}, its translation")
    found: list[tuple[str, int, bool, Block]] = []  # sentence, paragraph number, repeat, block
    seen: set[str] = set()
    number = 0
    for index, block in enumerate(blocks):
        if block.group is None or index == 0 or blocks[index - 1].group != block.group:
            number += 1
        repeat = block.text in seen
        seen.add(block.text)
        spans = [(0, len(block.text))] if source.presegmented else segment_paragraph(block.text)
        for start, end in spans:
            sentence = block.text[start:end].strip()
            if len(sentence) > MAX_SENTENCE_CHARS:
                raise InputError(
                    f"{label}: paragraph {number}: a sentence of {len(sentence):,} characters "
                    f"with no sentence end (the most a segment may hold is "
                    f"{MAX_SENTENCE_CHARS:,}); split it into sentences"
                )
            found.append((sentence, number, repeat, block))
    segments = [
        ParsedSegment(
            position=position,
            paragraph=number,
            source=sentence,
            is_repeat=repeat,
            block=block.kind,
            target=block.target,
            target_status=block.target_status,
        )
        for position, (sentence, number, repeat, block) in enumerate(found, start=1)
    ]
    return ParsedDocument(
        path=path,
        title=block_title(source, blocks),
        content_hash=content_hash,
        segments=segments,
        # Line n of the joined text is paragraph n: the marks name the paragraph.
        bidi=tuple(locate_bidi_controls("\n".join(block.text for block in blocks))),
        meta=source.meta,
        name=name,
    )


def _refuse_overlong(
    path: Path, text: str, spans: list[tuple[int, int, int]], texts: list[str]
) -> None:
    if max(map(len, texts)) <= MAX_SENTENCE_CHARS:
        return
    longest = max(range(len(texts)), key=lambda index: len(texts[index]))
    line = text.count("\n", 0, spans[longest][0]) + 1
    raise InputError(
        f"{path}: line {line}: a sentence of {len(texts[longest]):,} characters with no "
        f"sentence end (the most a segment may hold is {MAX_SENTENCE_CHARS:,}); "
        "split the text into sentences or paragraphs"
    )


def read_source(path: Path, cap: SizeCap | None = None) -> ParsedDocument:
    """Read, check and segment one text file of at most `cap` (default: max_text_file_mb's)."""
    # The name is stored as the document's source name: the same rule as its text.
    check_storable(path.name, f"{path}: the file name")
    try:
        data = read_regular(path, cap or text_cap())
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror})") from error
    content_hash = hashlib.sha256(data).hexdigest()
    return parse_text(path, decode_source(path, data), content_hash)
