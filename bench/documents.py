"""Document import benchmark: a 5 MB news page and a 300-page Word file, each against its library.

Both sources are generated here from the NTREX-128 Arabic news sentences (`../shared/corpora`):
- a 5 MB saved news page (menus, ads, "read also" links, comments, footer, scripts around an
  article of headings, paragraphs and lists);
- a 300-page DOCX (python-docx: a heading per page, paragraphs, list items).

Each run is a fresh process, so that its peak memory (ru_maxrss) is its own:
- `workbench import` of the file into a new SQLite database (read, extract, segment, store);
- the baseline: the library alone on the same file (trafilatura's `bare_extraction` with the same
  options / python-docx opening the file and reading every paragraph's text and style).
Floor: the import within 1.5x its baseline's seconds.

    .venv/bin/python bench/documents.py
"""

from __future__ import annotations

import html
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "ntrex-ar-en" / "ar.txt"
PAGE_BYTES = 5 * 1024 * 1024
PAGES = 300
PARAGRAPHS_PER_PAGE = 9  # with a heading and a list item: about a page of A4 each
FLOOR = 1.5


def _sentences() -> list[str]:
    return [line.strip() for line in CORPUS.read_text(encoding="utf-8").splitlines() if line]


def _paragraph(sentences: list[str], start: int, count: int = 3) -> str:
    return " ".join(sentences[(start + i) % len(sentences)] for i in range(count))


def make_page(path: Path) -> None:
    """A saved news page of about 5 MB, mostly article, with the usual clutter around it."""
    sentences = _sentences()
    parts: list[str] = []
    size, index = 0, 0
    while size < PAGE_BYTES:
        if index % 40 == 0:
            block = f"<h2>{html.escape(sentences[index % len(sentences)])}</h2>"
        elif index % 40 == 20:
            items = "".join(
                f"<li>{html.escape(sentences[(index + i) % len(sentences)])}</li>" for i in range(3)
            )
            block = f"<ul>{items}</ul>"
        else:
            block = f"<p>{html.escape(_paragraph(sentences, index))}</p>"
        parts.append(block)
        size += len(block.encode())
        index += 1
    page = (
        '<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">'
        "<title>تقرير مطول | وكالة الأنباء</title>"
        '<link rel="canonical" href="https://news.example.com/report">'
        "<script>var ads = [];</script></head><body>"
        '<nav><a href="/">الرئيسية</a> <a href="/s">رياضة</a></nav>'
        '<div class="ad">إعلان: اشترك الآن</div>'
        f"<article><h1>تقرير مطول</h1>{''.join(parts)}</article>"
        '<aside><h3>اقرأ أيضا</h3><ul><li><a href="/a">خبر آخر</a></li></ul></aside>'
        '<section id="comments"><p>تعليق من قارئ</p></section>'
        "<footer>جميع الحقوق محفوظة</footer></body></html>"
    )
    path.write_text(page, encoding="utf-8")


def make_docx(path: Path) -> None:
    """A Word file of PAGES pages: a heading, paragraphs and a list item on each, page breaks."""
    import docx

    sentences = _sentences()
    document = docx.Document()
    index = 0
    for page in range(PAGES):
        document.add_heading(f"الفصل {page + 1}: {sentences[index % len(sentences)]}", level=2)
        for number in range(PARAGRAPHS_PER_PAGE):
            text = _paragraph(sentences, index + number)
            style = "List Bullet" if number == PARAGRAPHS_PER_PAGE - 1 else None
            document.add_paragraph(text, style=style)
        index += PARAGRAPHS_PER_PAGE
        document.add_page_break()
    document.save(str(path))


# --- the measured runs (each in its own process) ------------------------------------------------


def run_import(path: Path, folder: Path) -> dict[str, float]:
    from workbench.files.inputs import text_cap
    from workbench.ingest.readers import read_document
    from workbench.services.importing import import_document
    from workbench.store.database import open_database

    database = open_database(f"sqlite:///{folder}/bench.sqlite")  # schema set-up not timed
    began = time.perf_counter()
    parsed = read_document(path, text_cap(64))
    outcome = import_document(database, parsed, "bench")
    seconds = time.perf_counter() - began
    database.dispose()
    return {"seconds": seconds, "segments": outcome.segments}


def run_trafilatura(path: Path) -> dict[str, float]:
    import trafilatura

    data = path.read_bytes()
    began = time.perf_counter()
    document = trafilatura.bare_extraction(
        data,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        include_formatting=True,
    )
    seconds = time.perf_counter() - began
    body = getattr(document, "body", None)
    return {"seconds": seconds, "segments": float(len(body) if body is not None else 0)}


def run_python_docx(path: Path) -> dict[str, float]:
    import docx

    began = time.perf_counter()
    document = docx.Document(str(path))
    paragraphs = [
        (p.text, p.style.name if p.style is not None else "") for p in document.paragraphs
    ]
    seconds = time.perf_counter() - began
    return {"seconds": seconds, "segments": float(len(paragraphs))}


def child(kind: str, path: Path, folder: Path) -> None:
    runs = {
        "import": lambda: run_import(path, folder),
        "trafilatura": lambda: run_trafilatura(path),
        "python-docx": lambda: run_python_docx(path),
    }
    result = runs[kind]()
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def measure(kind: str, path: Path, folder: Path) -> dict[str, float]:
    output = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(path), str(folder)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return dict(json.loads(output.splitlines()[-1]))


def report(name: str, path: Path, ours: dict[str, float], base: dict[str, float]) -> bool:
    ratio = ours["seconds"] / base["seconds"]
    size = path.stat().st_size / 1024 / 1024
    print(f"{name} ({size:.1f} MB, {int(ours['segments']):,} segments)")
    print(f"  workbench import: {ours['seconds']:6.2f} s  peak {ours['peak_mb']:6.0f} MB")
    print(f"  {base['label']:<16}: {base['seconds']:6.2f} s  peak {base['peak_mb']:6.0f} MB")
    verdict = "PASS" if ratio <= FLOOR else "FAIL"
    print(f"  ratio {ratio:.2f}x (floor {FLOOR}x): {verdict}")
    return ratio <= FLOOR


def main() -> int:
    if not CORPUS.is_file():
        print(f"corpus not found: {CORPUS}")
        return 2
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        page, word = folder / "page.html", folder / "report.docx"
        make_page(page)
        make_docx(word)
        results = []
        for label, path, baseline in (
            ("5 MB news page", page, "trafilatura"),
            (f"{PAGES}-page DOCX", word, "python-docx"),
        ):
            (folder / "db").mkdir(exist_ok=True)
            for old in (folder / "db").glob("*"):
                old.unlink()
            ours = measure("import", path, folder / "db")
            base = measure(baseline, path, folder)
            base["label"] = baseline  # type: ignore[assignment]
            results.append(report(label, path, ours, base))
    return 0 if all(results) else 1


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--child":
        child(sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4]))
    else:
        sys.exit(main())
