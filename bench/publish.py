"""Publishing benchmark: `export article` and `export bilingual` (DOCX and HTML) of a
5,000-sentence document, against python-docx (and a bare HTML writer) given the same paragraphs
without the database.

Builds a temporary SQLite database: NTREX-128 news (Arabic lines numbered so that sentences
differ) imported as one document of 5,000 sentences through the import service, every tenth
paragraph made a heading and some list items (as an HTML or Word import sets them), and English
targets from the NTREX English. Then each export runs in a fresh subprocess, so that its peak
memory (max RSS) is its own:

- workbench: `run_publish`, what `workbench export article|bilingual OUT --doc 1` runs: the read
  transaction, the article or the table, the writer, fsync and rename;
- baseline: the same paragraphs (article) or rows (bilingual), read from a JSON file before the
  clock starts, written by python-docx with the same styles (DOCX), or joined as escaped HTML
  (HTML), straight to a file.

Floor: each workbench export under 2 s (wall clock, best of --repeat runs; CPU time is printed
too, since the machine may be shared).

    .venv/bin/python bench/publish.py [--repeat N] [--keep FOLDER]
"""

from __future__ import annotations

import argparse
import html
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import select, update

from workbench.export.article import build_article
from workbench.export.document_read import read_document
from workbench.export.publishing import PublishJob, run_publish
from workbench.ingest.segment import segment_document
from workbench.ingest.sources import parse_text
from workbench.services.importing import import_document
from workbench.store.database import open_database
from workbench.store.models import Segment

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "ntrex-ar-en"
SENTENCES = 5_000
FLOOR_SECONDS = 2.0
CASES = (("article", "docx"), ("article", "html"), ("bilingual", "docx"), ("bilingual", "html"))
ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def _document(arabic: list[str]) -> tuple[str, list[int]]:
    """Numbered corpus lines as paragraphs, SENTENCES sentences in all; each paragraph's line."""
    paragraphs: list[str] = []
    lines: list[int] = []
    count = index = 0
    while count < SENTENCES:
        line = arabic[index % len(arabic)].strip()
        numbered = f"{line} ({str(index).translate(ARABIC_DIGITS)})"
        sentences = len(segment_document(numbered))
        if line and count + sentences <= SENTENCES:
            paragraphs.append(numbered)
            lines.append(index % len(arabic))
            count += sentences
        index += 1
    return "\n\n".join(paragraphs) + "\n", lines


def build(folder: Path) -> str:
    url = f"sqlite:///{folder}/publish.sqlite"
    database = open_database(url)
    arabic = (CORPUS / "ar.txt").read_text(encoding="utf-8").splitlines()
    english = (CORPUS / "en.txt").read_text(encoding="utf-8").splitlines()
    text, lines = _document(arabic)
    source = folder / "news.txt"
    source.write_text(text, encoding="utf-8")
    import_document(database, parse_text(source, text, "bench-publish"), "bench")
    with database.write() as session:
        rows = session.execute(select(Segment.id, Segment.paragraph)).all()
        values = []
        for segment_id, paragraph in rows:
            block = "h2" if paragraph % 10 == 1 else ("li" if paragraph % 10 in (5, 6) else None)
            target = english[lines[paragraph - 1]].strip() or "(empty line)"
            values.append(
                {"id": segment_id, "block": block, "target": target, "status": "approved"}
            )
        session.execute(update(Segment), values)
    database.dispose()
    return url


def _usage() -> dict[str, float]:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {"cpu": usage.ru_utime + usage.ru_stime, "rss_mib": usage.ru_maxrss / 1024}


def child_workbench(url: str, kind: str, file_format: str, out: Path) -> dict[str, float]:
    database = open_database(url)
    before = _usage()["cpu"]
    began = time.perf_counter()
    run_publish(database, PublishJob(kind, out, 1, file_format, "fail"))
    seconds = time.perf_counter() - began
    after = _usage()
    return {"seconds": seconds, "cpu": after["cpu"] - before, "rss_mib": after["rss_mib"]}


def dump_inputs(url: str, folder: Path) -> Path:
    """The paragraphs and rows the baselines write, as JSON (read before their clock starts)."""
    database = open_database(url)
    with database.read() as session:
        document = read_document(session, 1)
    article = build_article(document)
    data = {
        "title": article.title,
        "paragraphs": [[p.block, p.text] for p in article.paragraphs],
        "rows": [[s.position, s.source, s.target, s.status] for s in document.sentences],
    }
    path = folder / "inputs.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    database.dispose()
    return path


def _docx_article(data: dict[str, Any], out: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph(data["title"], style="Title")
    styles = {"h2": "Heading 2", "li": "List Bullet"}
    for block, text in data["paragraphs"]:
        document.add_paragraph(text, style=styles.get(block))
    document.save(str(out))


def _docx_bilingual(data: dict[str, Any], out: Path) -> None:
    import docx

    document = docx.Document()
    table = document.add_table(rows=1, cols=4)
    for position, source, target, status in data["rows"]:
        cells = table.add_row().cells
        cells[0].text, cells[1].text, cells[2].text, cells[3].text = (
            str(position),
            source,
            target,
            status,
        )
    document.save(str(out))


def _html(data: dict[str, Any], kind: str, out: Path) -> None:
    if kind == "article":
        body = [f"<p>{html.escape(text)}</p>" for _, text in data["paragraphs"]]
    else:
        body = [
            f'<tr><td>{p}</td><td dir="rtl">{html.escape(s)}</td><td>{html.escape(t)}</td>'
            f"<td>{st}</td></tr>"
            for p, s, t, st in data["rows"]
        ]
    out.write_text("<!DOCTYPE html><html><body>" + "\n".join(body) + "</body></html>", "utf-8")


def child_baseline(inputs: Path, kind: str, file_format: str, out: Path) -> dict[str, float]:
    data = json.loads(inputs.read_text(encoding="utf-8"))
    if file_format == "docx":
        import docx  # noqa: F401  (imported before the clock, as the workbench's child does)
    before = _usage()["cpu"]
    began = time.perf_counter()
    if file_format == "html":
        _html(data, kind, out)
    elif kind == "article":
        _docx_article(data, out)
    else:
        _docx_bilingual(data, out)
    seconds = time.perf_counter() - began
    after = _usage()
    return {"seconds": seconds, "cpu": after["cpu"] - before, "rss_mib": after["rss_mib"]}


def _run_child(*args: str) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, __file__, "--child", *args], capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def _best(runs: list[dict[str, float]]) -> dict[str, float]:
    return min(runs, key=lambda run: run["seconds"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    parser.add_argument("--child", nargs=5, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        who, source, kind, file_format, out = options.child
        if who == "workbench":
            result = child_workbench(source, kind, file_format, Path(out))
        else:
            result = child_baseline(Path(source), kind, file_format, Path(out))
        print(json.dumps(result))
        return 0
    with tempfile.TemporaryDirectory() as temporary:
        folder = options.keep or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        began = time.perf_counter()
        url = build(folder)
        inputs = dump_inputs(url, folder)
        print(f"built a {SENTENCES:,}-sentence document in {time.perf_counter() - began:.1f} s")
        heads = ("workbench s", "cpu s", "MiB", "baseline s", "cpu s", "MiB", "ratio")
        print(
            f"{'export':<18} {heads[0]:>11} {heads[1]:>6} {heads[2]:>5}   {heads[3]:>10} ", end=""
        )
        print(f"{heads[4]:>6} {heads[5]:>5}   {heads[6]:>5}  floor < {FLOOR_SECONDS} s")
        failed = False
        for kind, file_format in CASES:
            out = folder / f"{kind}.{file_format}"
            ours = _best(
                [
                    _run_child("workbench", url, kind, file_format, str(out))
                    for _ in range(options.repeat)
                ]
            )
            base_out = str(folder / f"baseline-{kind}.{file_format}")
            theirs = _best(
                [
                    _run_child("baseline", str(inputs), kind, file_format, base_out)
                    for _ in range(options.repeat)
                ]
            )
            ok = ours["seconds"] < FLOOR_SECONDS
            failed |= not ok
            print(
                f"{kind + ' ' + file_format:<18} {ours['seconds']:>11.2f} {ours['cpu']:>6.2f} "
                f"{ours['rss_mib']:>5.0f}   {theirs['seconds']:>10.2f} {theirs['cpu']:>6.2f} "
                f"{theirs['rss_mib']:>5.0f}   {ours['seconds'] / theirs['seconds']:>5.2f}  "
                f"{'ok' if ok else 'MISSED'}"
            )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
