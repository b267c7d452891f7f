"""Reading source files: find the .txt files, check they are UTF-8 text, cut them into segments.

Nothing here touches the database; `workbench.services.importing` writes what this returns.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from workbench.errors import InputError
from workbench.files.encodings import convert_hint, wide_encoding
from workbench.files.inputs import SizeCap, read_regular, text_cap
from workbench.ingest.segment import Sentence, segment_document
from workbench.text.controls import check_storable
from workbench.text.normalise import BidiMark, locate_bidi_controls, source_hash

TITLE_LENGTH = 120
# A "sentence" longer than this is a file without sentence ends (or not prose at all): it would
# be unusable in the editor and for machine translation, so the file is refused, not imported.
MAX_SENTENCE_CHARS = 10_000


@dataclass(frozen=True, slots=True)
class ParsedSegment:
    position: int
    paragraph: int
    source: str
    source_hash: str
    is_repeat: bool


@dataclass(frozen=True, slots=True)
class ParsedDocument:
    path: Path
    title: str
    content_hash: str
    segments: list[ParsedSegment]
    # Bidi controls can reorder or hide text: imported as written, but reported to the user.
    bidi: tuple[BidiMark, ...] = ()


def _texts_under(folder: Path) -> list[Path]:
    """The .txt entries under `folder`, recursively, sorted as paths (folder by folder).

    Entries that are not regular files (a FIFO, a link to a device) are kept: reading them
    refuses them by name rather than skipping them unseen."""
    # os.walk rather than Path.rglob: a folder of 100,000 files is listed in about a second.
    # It does not descend into linked folders (followlinks=False).
    found = [
        Path(root, name)
        for root, _, files in os.walk(folder)
        for name in files
        if name.endswith(".txt")
    ]
    return sorted(found)


def _refuse_links_out(folder: Path, texts: list[Path]) -> None:
    """A link inside the folder may not lead outside it: `ln -s /etc/passwd dir/a.txt` must not
    import the password file of whoever runs the import."""
    inside = folder.resolve()
    leaving = [
        f"{path} -> {path.resolve()}"
        for path in texts
        if path.is_symlink() and not path.resolve().is_relative_to(inside)
    ]
    if leaving:
        raise InputError(
            f"{folder}: these links lead out of the folder, so nothing was imported; copy the "
            "files into the folder or name them on the command line:\n  " + "\n  ".join(leaving)
        )


def collect_sources(paths: Iterable[Path]) -> list[Path]:
    """The .txt files named or found (recursively) under `paths`, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
        if path.is_dir():
            texts = _texts_under(path)
            if not texts:
                raise InputError(f"{path}: the folder holds no .txt file to import")
            _refuse_links_out(path, texts)
            found.extend(texts)
        else:
            found.append(path)
    return list(dict.fromkeys(found))  # the same file named twice is read once


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
    sentences = segment_document(text)
    if not sentences:
        raise InputError(f"{path}: the file holds only whitespace; nothing to import")
    _refuse_overlong(path, text, sentences)
    seen_paragraphs: set[str] = set()
    repeated: set[int] = set()
    paragraph_text: dict[int, list[str]] = {}
    for sentence in sentences:
        paragraph_text.setdefault(sentence.paragraph, []).append(sentence.text)
    for number, parts in paragraph_text.items():
        key = " ".join(parts)
        if key in seen_paragraphs:
            repeated.add(number)
        seen_paragraphs.add(key)
    segments = [
        ParsedSegment(
            position=index,
            paragraph=sentence.paragraph + 1,
            source=sentence.text,
            source_hash=source_hash(sentence.text),
            is_repeat=sentence.paragraph in repeated,
        )
        for index, sentence in enumerate(sentences, start=1)
    ]
    title = sentences[0].text[:TITLE_LENGTH]
    return ParsedDocument(
        path=path,
        title=title,
        content_hash=content_hash,
        segments=segments,
        bidi=tuple(locate_bidi_controls(text)),
    )


def _refuse_overlong(path: Path, text: str, sentences: list[Sentence]) -> None:
    longest = max(sentences, key=lambda sentence: len(sentence.text))
    if len(longest.text) > MAX_SENTENCE_CHARS:
        line = text.count("\n", 0, longest.start) + 1
        raise InputError(
            f"{path}: line {line}: a sentence of {len(longest.text):,} characters with no "
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
