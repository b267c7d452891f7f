"""Reading translation memories: TMX from other tools, hostile TMX, CSV layouts and line numbers."""

from __future__ import annotations

import os
import threading
from collections import Counter
from pathlib import Path

import pytest

from workbench.errors import InputError
from workbench.ingest.tmcsv import iter_csv_pairs
from workbench.ingest.tmfiles import TmFile
from workbench.ingest.tmx import iter_tmx_pairs

CAT_TOOL_TMX = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
  <header creationtool="OmegaT" creationtoolversion="6" segtype="sentence" o-tmf="OmegaT"
    adminlang="EN-US" srclang="AR-SA" datatype="plaintext"/>
  <body>
    <!-- a comment -->
    <tu>
      <tuv xml:lang="AR-SA"><seg>@ARABIC@</seg></tuv>
      <tuv xml:lang="en-US"><seg>@ENGLISH@</seg></tuv>
    </tu>
    <tu>
      <tuv lang="ar"><seg>سلام</seg></tuv>
      <tuv lang="EN_GB"><seg>Peace</seg></tuv>
    </tu>
    <tu>
      <tuv xml:lang="fr"><seg>Bonjour</seg></tuv>
      <tuv xml:lang="en"><seg>Hello</seg></tuv>
    </tu>
    <tu>
      <prop type="x-workbench-origin">mt</prop>
      <tuv xml:lang="ar"><seg>آلة</seg></tuv>
      <tuv xml:lang="en"><seg>Machine</seg></tuv>
    </tu>
    <tu>
      <prop type="x-workbench-status">approved</prop>
      <tuv xml:lang="ar"><seg>موافق</seg></tuv>
      <tuv xml:lang="en"><seg>Approved</seg></tuv>
    </tu>
  </body>
</tmx>
"""
# Inline codes (bpt, ept, ph) stand for formatting in the original file; hi holds text.
CAT_TOOL_TMX = CAT_TOOL_TMX.replace(
    "@ARABIC@", 'انقر <bpt i="1">&lt;b&gt;</bpt>هنا<ept i="1">&lt;/b&gt;</ept>'
).replace(
    "@ENGLISH@",
    'Click <bpt i="1">&lt;b&gt;</bpt>here<ept i="1">&lt;/b&gt;</ept> <hi>now</hi><ph>{1}</ph>.',
)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def tmx_pairs(path: Path) -> tuple[list[tuple[str, str, str | None, int]], Counter[str]]:
    skipped: Counter[str] = Counter()
    pairs = [(p.source, p.target, p.status, p.line) for p in iter_tmx_pairs(path, skipped)]
    return pairs, skipped


def test_tmx_from_a_cat_tool(tmp_path: Path) -> None:
    pairs, skipped = tmx_pairs(write(tmp_path, "omegat.tmx", CAT_TOOL_TMX))
    assert pairs == [
        ("انقر هنا", "Click here now.", None, 8),
        ("سلام", "Peace", None, 12),
        ("موافق", "Approved", "approved", 25),
    ]
    assert skipped == {
        "not an Arabic-English unit (languages: en, fr)": 1,
        "machine translation (origin mt), not a translation": 1,
    }


def test_unknown_status_and_missing_seg_name_the_line(tmp_path: Path) -> None:
    bad_status = CAT_TOOL_TMX.replace(">approved<", ">finished<")
    with pytest.raises(InputError, match=r"line 26, x-workbench-status: status 'finished'"):
        tmx_pairs(write(tmp_path, "status.tmx", bad_status))
    no_seg = CAT_TOOL_TMX.replace('<tuv lang="ar"><seg>سلام</seg></tuv>', '<tuv lang="ar"/>')
    with pytest.raises(InputError, match=r"line 13: <tuv> has no <seg>"):
        tmx_pairs(write(tmp_path, "noseg.tmx", no_seg))


def test_not_tmx_and_malformed(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"line 2: not a TMX file \(root <html>\)"):
        tmx_pairs(write(tmp_path, "page.tmx", "<?xml version='1.0'?>\n<html/>"))
    with pytest.raises(InputError, match=r"line 3: not well-formed XML"):
        tmx_pairs(write(tmp_path, "broken.tmx", "<tmx>\n<body>\n<tu></body>\n</tmx>"))
    with pytest.raises(InputError, match=r"line 2: not well-formed XML \(Entity 'nbsp'"):
        tmx_pairs(write(tmp_path, "entity.tmx", "<tmx>\n<body>&nbsp;</body></tmx>"))


def test_billion_laughs_is_refused_before_any_expansion(tmp_path: Path) -> None:
    levels = ['<!ENTITY l0 "lol">'] + [
        f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' for n in range(1, 10)
    ]
    path = write(
        tmp_path,
        "laughs.tmx",
        f'<?xml version="1.0"?>\n<!DOCTYPE tmx [{"".join(levels)}]>\n'
        "<tmx><body><tu><tuv xml:lang='ar'><seg>&l9;</seg></tuv></tu></body></tmx>",
    )
    reader = iter_tmx_pairs(path, Counter())
    with pytest.raises(InputError, match="DOCTYPE declares entities"):
        next(reader)


def parse_in_thread(path: Path) -> tuple[threading.Thread, list[BaseException | None]]:
    """Parse in a daemon thread: a parser that opened the FIFO would block there for good."""
    outcome: list[BaseException | None] = []

    def parse() -> None:
        try:
            tmx_pairs(path)
            outcome.append(None)
        except BaseException as error:  # handed to the test
            outcome.append(error)

    thread = threading.Thread(target=parse, daemon=True)
    thread.start()
    thread.join(timeout=60)
    return thread, outcome


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE tmx [<!ENTITY xxe SYSTEM "file://{fifo}">]>',
        '<!DOCTYPE tmx [<!ENTITY % pe SYSTEM "file://{fifo}"> %pe;]>',
        '<!DOCTYPE tmx SYSTEM "file://{fifo}">',
    ],
)
def test_nothing_is_read_from_disk_for_a_doctype(tmp_path: Path, doctype: str) -> None:
    """The entity or DTD is a named pipe nobody writes to: opening it would block forever,
    so returning at all proves that the parser never opened it."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    path = write(
        tmp_path,
        "ext.tmx",
        f'<?xml version="1.0"?>\n{doctype.format(fifo=fifo)}\n<tmx version="1.4"><header/>'
        '<body><tu><tuv xml:lang="ar"><seg>سلام</seg></tuv>'
        '<tuv xml:lang="en"><seg>peace</seg></tuv></tu></body></tmx>',
    )
    thread, outcome = parse_in_thread(path)
    assert not thread.is_alive(), "the parser opened the external file"
    if "ENTITY" in doctype:
        assert isinstance(outcome[0], InputError)
        assert "declares entities" in str(outcome[0])
    else:
        assert outcome == [None]  # an external DTD reference alone is fine: it is never loaded


def csv_pairs(path: Path) -> tuple[list[tuple[str, str, str | None, int]], Counter[str]]:
    skipped: Counter[str] = Counter()
    pairs = [(p.source, p.target, p.status, p.line) for p in iter_csv_pairs(path, skipped)]
    return pairs, skipped


def test_csv_layouts(tmp_path: Path) -> None:
    ours = write(
        tmp_path,
        "ours.csv",
        "\ufeffdocument,position,arabic,mt,english,status,editor,updated_at,claims\r\n"
        "1,1,'=سلام,,'=1+1,approved,ali,,\r\n"
        '1,2,"متعدد\r\nالأسطر",,"two\r\nlines",draft,,,\r\n'
        "\r\n"
        "1,3,بلا ترجمة,MT only,,new,,,\r\n",
    )
    pairs, skipped = csv_pairs(ours)
    assert pairs == [
        ("=سلام", "=1+1", "approved", 2),
        ("متعدد\r\nالأسطر", "two\r\nlines", "draft", 3),
    ]
    assert skipped == {"no English": 1}

    plain = write(tmp_path, "plain.csv", "ar,en\n'=سلام,'=x\n")
    assert csv_pairs(plain)[0] == [("'=سلام", "'=x", None, 2)]  # not ours: taken as written


def test_csv_errors_name_the_line(tmp_path: Path) -> None:
    no_arabic = write(tmp_path, "a.csv", 'ar,en\n"x\ny",ok\n ,orphan\n')
    with pytest.raises(InputError, match=r"a.csv, line 4: English without Arabic"):
        csv_pairs(no_arabic)
    quote = write(tmp_path, "q.csv", 'ar,en\nسلام,"peace\n')
    with pytest.raises(InputError, match=r"q.csv, line 2: unexpected end of data"):
        csv_pairs(quote)


def test_unsupported_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"name a \.tmx or \.csv file"):
        TmFile(tmp_path / "memory.xlsx")
    with pytest.raises(InputError, match="no such file"):
        TmFile(tmp_path / "missing.tmx")
