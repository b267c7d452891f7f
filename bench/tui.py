"""TUI benchmark: the workbench screen on one document of 50,000 segments, headless.

Set-up (not measured, in a child process so its memory does not count): a text file of news
(NTREX) and everyday (Tatoeba) Arabic sentences is imported as one document through the normal
import service; every segment gets English MT and every third one a confirmed target.

Measured here, for the workbench and, in the same run on the same rows, a baseline (a bare Line-API
ScrollView holding the rows as plain text in memory, with a cursor line: no bidi, no editor, no
database reads after loading):
  - first paint: from creating the app (database already open) to the end of the first frame
    in which the list drew its rows;
  - CPU time per key press (time.process_time around each Pilot press, median): next segment
    (ctrl+down) and page down;
  - peak memory (ru_maxrss) of this process after the workbench run;
  - opening each screen a translator opens all day (workbench only, the claims panel's edit
    among them as `claim edit`): CPU time
    (time.process_time, every thread of the process) from the key press until the screen is
    shown and the app is idle, printed as `open <screen> ms  <median>  <p90>`; and Enter
    (confirm and move) on a target filled by ctrl+t (not measured).
Set-up for those: every translated segment has a human revision (three editors), some are
rejected back to the bench user, and some hundred segments carry a claim.
Targets: first paint <= 1 s, <= 16 ms per key press, <= 250 MB, every screen <= 100 ms,
Enter <= 30 ms.

    .venv/bin/python bench/tui.py [--segments N] [--presses N] [--corpora PATH]
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Sequence
from itertools import cycle
from pathlib import Path

from rich.segment import Segment as RichSegment
from rich.style import Style
from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.geometry import Size
from textual.pilot import Pilot
from textual.screen import Screen
from textual.scroll_view import ScrollView
from textual.strip import Strip

from workbench.config import load_settings
from workbench.ingest.sources import read_source
from workbench.services.claim_writes import add_claim
from workbench.services.importing import import_document
from workbench.services.review import reject_segment
from workbench.services.users import ensure_user
from workbench.store.database import Database, open_database
from workbench.store.models import Revision, Role, Segment
from workbench.tui.app import WorkbenchApp
from workbench.tui.editor.segment_list import SegmentList

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
SIZE = (160, 50)
TARGETS = {"first paint s": 1.0, "next segment ms": 16.0, "page down ms": 16.0, "peak MB": 250.0}
EDITORS = ("bench", "amina", "karim")  # the authors of the human revisions, in turn
REVIEWER = "reviewer"
REJECTED = 40  # segments of the bench user sent back by the reviewer
CLAIMS = 300  # segments with a claim on their first Arabic word
OPEN_TARGET_MS = 100.0
ENTER_TARGET_MS = 30.0


# --- set-up (child process) ----------------------------------------------------------------------


def _lines(corpora: Path, name: str, side: str) -> list[str]:
    path = corpora / name / f"{side}.txt"
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def make_database(db_url: str, segments: int, corpora: Path) -> None:
    """One document of `segments` segments, with MT everywhere and some targets confirmed."""
    news_ar, news_en = _lines(corpora, "ntrex-ar-en", "ar"), _lines(corpora, "ntrex-ar-en", "en")
    daily_ar = _lines(corpora, "tatoeba-ar-en", "ar")
    daily_en = _lines(corpora, "tatoeba-ar-en", "en")
    # One news sentence in three: long rows, as in the articles translators work on.
    arabic = [news_ar[i // 3 % len(news_ar)] if i % 3 == 0 else daily_ar[i % len(daily_ar)]
              for i in range(segments)]  # fmt: skip
    english = cycle(news_en[:500] + daily_en[:1000])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench-50k.txt"
        path.write_text("\n".join(arabic) + "\n", encoding="utf-8")
        parsed = read_source(path)
    parsed = parsed._replace(segments=parsed.segments[:segments])
    database = open_database(db_url)
    outcome = import_document(database, parsed, "bench")
    # Bench fixture data, written in bulk: MT as the translate service leaves it, and targets.
    with database.write() as session:
        ids = session.scalars(select(Segment.id).order_by(Segment.position)).all()
        rows = []
        for number, segment_id in enumerate(ids):
            text = next(english)
            row = {"id": segment_id, "mt": text}
            if number % 3 == 1:
                row.update(target=text, status="translated", version=1)
            rows.append(row)
        session.execute(update(Segment), rows)
        add_history(session, [i for n, i in enumerate(ids) if n % 3 == 1], rows)
    add_reviews_and_claims(database, ids)
    database.dispose()
    print(f"document {outcome.document_id}: {outcome.segments:,} segments", file=sys.stderr)


def add_history(session: Session, translated: list[int], rows: list[dict[str, object]]) -> None:
    """A human revision for every translated segment, its author one of EDITORS in turn."""
    authors = [ensure_user(session, name).id for name in EDITORS]
    texts = {row["id"]: row["target"] for row in rows if "target" in row}
    session.execute(
        insert(Revision),
        [
            {
                "segment_id": segment_id,
                "text": texts[segment_id],
                "origin": "human",
                "status": "translated",
                "version": 1,
                "author_id": authors[number % len(authors)],
            }
            for number, segment_id in enumerate(translated)
        ],
    )
    ensure_user(session, REVIEWER, Role.REVIEWER)


def add_reviews_and_claims(database: Database, ids: Sequence[int]) -> None:
    """Rejections of the bench user's work and claims, through the services that write them."""
    # Segment number 3k+1 is translated; every third of those is the bench user's.
    for segment_id in [ids[n] for n in range(1, len(ids), 9)][:REJECTED]:
        reject_segment(database, REVIEWER, segment_id, "Check the numbers against the source.")
    step = max(len(ids) // CLAIMS, 1)
    claimed = ids[::step][:CLAIMS]
    with database.read() as session:
        query = select(Segment.id, Segment.source).where(Segment.id.in_(claimed))
        sources = {row[0]: row[1] for row in session.execute(query)}
    for segment_id in claimed:
        first_word = sources[segment_id].split(" ")[0]
        add_claim(database, "bench", segment_id, "ar", (0, len(first_word)))


# --- the baseline: a bare Line-API list of plain text ------------------------------------------


class PlainList(ScrollView):
    def __init__(self, lines: list[str]) -> None:
        super().__init__()
        self.lines = lines
        self.cursor = 0
        self.virtual_size = Size(200, len(lines))

    def render_line(self, y: int) -> Strip:
        index = round(self.scroll_offset.y) + y
        width = self.scrollable_content_region.width
        if index >= len(self.lines):
            return Strip.blank(width)
        style = Style(reverse=True) if index == self.cursor else Style()
        return Strip([RichSegment(self.lines[index], style)]).adjust_cell_length(width, style)

    def move(self, index: int) -> None:
        index = max(0, min(index, len(self.lines) - 1))
        previous, self.cursor = self.cursor, index
        self.refresh_line(previous)
        self.refresh_line(index)
        height = self.scrollable_content_region.height
        top = round(self.scroll_offset.y)
        if index < top or index >= top + height:
            self.scroll_to(y=max(index - height + 1, 0), animate=False, immediate=True)


class BaselineApp(App[None]):
    BINDINGS = [  # noqa: RUF012
        Binding("ctrl+down", "move(1)", priority=True),
        Binding("pagedown", "move(48)", priority=True),
    ]

    def __init__(self, database: Database) -> None:
        super().__init__()
        with database.read() as session:
            rows = session.execute(
                select(
                    Segment.position, Segment.status, Segment.source, Segment.target, Segment.mt
                ).order_by(Segment.position)
            ).all()
        self.lines = [f"{p:>6} {s[:1]} {src} │ {tgt or mt or ''}" for p, s, src, tgt, mt in rows]

    def compose(self) -> ComposeResult:
        yield PlainList(self.lines)

    def action_move(self, delta: int) -> None:
        plain = self.query_one(PlainList)
        plain.move(plain.cursor + delta)


# --- measuring -------------------------------------------------------------------------------


async def _per_press(pilot: Pilot[None], key: str, presses: int) -> tuple[float, float]:
    """Median and 90th percentile of the CPU milliseconds per press of `key`."""
    samples = []
    for _ in range(presses):
        began = time.process_time()
        await pilot.press(key)
        samples.append((time.process_time() - began) * 1000)
    return statistics.median(samples), statistics.quantiles(samples, n=10)[-1]


class FirstPaint:
    """Notes when the screen first finishes a frame in which the list drew its rows."""

    def __init__(self, list_class: type[ScrollView]) -> None:
        self.list_class = list_class
        self.rows_drawn = False
        self.at: float | None = None

    def __enter__(self) -> FirstPaint:
        probe = self
        self._render_line = render_line = self.list_class.render_line
        self._refresh = refresh = Screen._compositor_refresh

        def drawing_rows(widget: ScrollView, y: int) -> Strip:
            probe.rows_drawn = True
            return render_line(widget, y)

        def frame(screen: Screen[object]) -> None:
            refresh(screen)
            if probe.rows_drawn and probe.at is None:
                probe.at = time.perf_counter()

        self.list_class.render_line = drawing_rows  # type: ignore[method-assign,assignment]
        Screen._compositor_refresh = frame  # type: ignore[method-assign,assignment]
        return self

    def __exit__(self, *_: object) -> None:
        self.list_class.render_line = self._render_line  # type: ignore[method-assign]
        Screen._compositor_refresh = self._refresh  # type: ignore[method-assign]


async def measure(
    make_app: Callable[[], App[None]], list_class: type[ScrollView], presses: int
) -> dict[str, float]:
    with FirstPaint(list_class) as probe:
        began = time.perf_counter()
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            while probe.at is None:
                await asyncio.sleep(0.001)
            first_paint = probe.at - began
            await pilot.pause()
            next_ms, next_p90 = await _per_press(pilot, "ctrl+down", presses)
            page_ms, page_p90 = await _per_press(pilot, "pagedown", max(presses // 2, 10))
    return {
        "first paint s": first_paint,
        "next segment ms": next_ms,
        "page down ms": page_ms,
        "next p90 ms": next_p90,
        "page down p90 ms": page_p90,
    }


# Each screen: the keys that open it (or a call, for the claim form, which the keys reach only
# after a selection) and the key that closes it.
OPENERS: dict[str, tuple[str, str]] = {
    "claim form": ("", "escape"),
    "review desk": ("f9", "escape"),
    "search": ("ctrl+f", "escape"),
    "claims panel": ("ctrl+o", "escape"),
    "claim edit": ("e", "escape"),  # the claims panel's edit, on its first claim
    "statistics": ("f10", "escape"),
    "documents": ("f2", "f2"),
    "help": ("f1", "escape"),
    "go to": ("ctrl+l", "escape"),
}
# Screens opened from another: the keys that open that one before the samples, and close it after.
WITHIN: dict[str, tuple[str, str]] = {"claim edit": ("ctrl+o", "escape")}


async def _cpu_ms(action: Callable[[], Awaitable[object]]) -> float:
    began = time.process_time()
    await action()
    return (time.process_time() - began) * 1000


async def measure_opens(app: WorkbenchApp, samples: int) -> dict[str, tuple[float, float]]:
    """Median and p90 CPU ms to open each screen (until idle), and of Enter."""
    found: dict[str, tuple[float, float]] = {}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        main = app.main_screen
        assert main is not None
        await pilot.press("ctrl+down")  # off the first row, which the claims cover

        async def open_claim_form() -> None:
            assert main is not None and main.current is not None
            row = main.current.row
            main.open_claim_form(row.id, row.position, "ar", row.source, (0, 2), other=row.target)
            await pilot.pause()

        for name, (key, close) in OPENERS.items():

            async def opening(key: str = key) -> None:
                if key:
                    await pilot.press(key)
                else:
                    await open_claim_form()
                await pilot.pause()
                # pause() gives up waiting for idle after 1 s of a busy process: a worker still
                # computing (the statistics) would go uncounted. Its CPU is part of the open.
                await app.workers.wait_for_complete()
                await pilot.pause()

            around = WITHIN.get(name)
            if around is not None:
                await pilot.press(around[0])
                await pilot.pause()
            times = []
            for _ in range(samples):
                times.append(await _cpu_ms(opening))
                await app.workers.wait_for_complete()
                await pilot.press(close)
                await pilot.pause()
            if around is not None:
                await pilot.press(around[1])
                await pilot.pause()
            found[name] = (statistics.median(times), statistics.quantiles(times, n=10)[-1])
            print(f"  measured: open {name}", file=sys.stderr, flush=True)
        times = []
        for _ in range(samples * 2):
            await pilot.press("ctrl+t")  # the MT into the target, so Enter has text to confirm
            times.append(await _cpu_ms(lambda: pilot.press("enter")))
        found["enter"] = (statistics.median(times), statistics.quantiles(times, n=10)[-1])
    return found


def report_opens(opens: dict[str, tuple[float, float]]) -> bool:
    """One row per screen, `open <screen> ms  <median>  <p90>`, then Enter, then the verdicts."""
    failed = []
    for name, (median, p90) in opens.items():
        if name == "enter":
            print(f"enter ms  {median:.1f}  {p90:.1f}")
            if median > ENTER_TARGET_MS:
                failed.append(f"enter {median:.1f} > {ENTER_TARGET_MS:.0f}")
        else:
            print(f"open {name} ms  {median:.1f}  {p90:.1f}")
            if median > OPEN_TARGET_MS:
                failed.append(f"{name} {median:.1f} > {OPEN_TARGET_MS:.0f}")
    print("opening: CPU ms (time.process_time, all threads) from the key to idle; median, p90")
    print(f"targets: open <= {OPEN_TARGET_MS:.0f} ms, enter <= {ENTER_TARGET_MS:.0f} ms (medians)")
    print("verdict: " + ("PASS" if not failed else "FAIL (" + "; ".join(failed) + ")"))
    return not failed


def report(ours: dict[str, float], base: dict[str, float], segments: int) -> bool:
    print(f"segments: {segments:,}   terminal: {SIZE[0]}x{SIZE[1]}   (headless)")
    print(f"{'':18}{'workbench':>12}{'baseline':>12}{'ratio':>8}{'target':>10}  verdict")
    passed = True
    for name, target in TARGETS.items():
        value = ours[name]
        ok = value <= target
        passed &= ok
        baseline = base.get(name)
        ratio = f"{value / baseline:.1f}x" if baseline else "-"
        shown_base = f"{baseline:.3f}" if baseline is not None else "-"
        print(
            f"{name:18}{value:>12.3f}{shown_base:>12}{ratio:>8}{target:>10}  "
            + ("PASS" if ok else "FAIL")
        )
    for name in ("next p90 ms", "page down p90 ms"):
        print(f"{name:18}{ours[name]:>12.3f}{base[name]:>12.3f}{ours[name] / base[name]:>7.1f}x")
    print("baseline: a bare ScrollView of plain-text rows held in memory (no bidi, no editor)")
    print("key presses: median CPU time (time.process_time) per Pilot press; p90 for information")
    return passed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=50_000)
    parser.add_argument("--presses", type=int, default=100)
    parser.add_argument("--corpora", type=Path, default=CORPORA, help="shared/corpora folder")
    parser.add_argument("--opens", type=int, default=10, help="samples per screen opened")
    parser.add_argument("--keep", type=Path, help="database file kept between runs (profiling)")
    parser.add_argument("--only-opens", action="store_true", help="skip the list measures")
    parser.add_argument("--make", metavar="URL", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not (args.corpora / "tatoeba-ar-en" / "ar.txt").is_file():
        print(f"corpora not found in {args.corpora}; pass --corpora PATH/TO/shared/corpora")
        return 2
    if args.make:
        make_database(args.make, args.segments, args.corpora)
        return 0
    with tempfile.TemporaryDirectory() as folder:
        db_url = f"sqlite:///{args.keep or folder + '/bench.sqlite'}"
        if args.keep is None or not args.keep.exists():
            subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--make",
                    db_url,
                    "--segments",
                    str(args.segments),
                    "--corpora",
                    str(args.corpora),
                ],
                check=True,
            )
        database = open_database(db_url)  # opening is not part of first paint
        settings = load_settings(db_url=db_url, user="bench")

        def workbench() -> WorkbenchApp:
            return WorkbenchApp(settings, database, environ={"TERM": "xterm"}, translate=False)

        passed = True
        if not args.only_opens:
            ours = asyncio.run(measure(workbench, SegmentList, args.presses))
            ours["peak MB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            base = asyncio.run(measure(lambda: BaselineApp(database), PlainList, args.presses))
            passed = report(ours, base, args.segments)
        opens = asyncio.run(measure_opens(workbench(), args.opens))
        database.dispose()
    return 0 if report_opens(opens) and passed else 1


if __name__ == "__main__":
    sys.exit(main())
