"""The XLIFF round trip through a real CAT tool: OmegaT 3.6 in console mode translates the
exported file from a TMX in its project's tm/auto folder, and `import-xliff` brings every target
back."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from translate.storage import tmx

from tests.conftest import Cli
from tests.integration.publish.conftest import article_paragraphs, build_document, in_ci

pytestmark = pytest.mark.slow

PROJECT_FILE = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>AR</source_lang>
    <target_lang>EN</target_lang>
    <source_tok>org.omegat.tokenizer.LuceneArabicTokenizer</source_tok>
    <target_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</target_tok>
    <sentence_seg>false</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
"""


# A short run: the JVM's first-tier compiler only and its single-threaded collector, which take
# half the CPU time of the default (optimising compiler threads, parallel GC) for the same
# translation (how Java runs the code, not what it does).
QUICK_JVM = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"


def omegat() -> str:
    found = shutil.which("omegat")
    if found is None:
        if in_ci():
            pytest.fail("omegat is missing in CI: .ci/run should have installed it")
        pytest.skip("OmegaT is not installed (Debian package omegat)")
    return found


def make_project(folder: Path, pairs: list[tuple[str, str]]) -> Path:
    """An OmegaT project: omegat.project, source/, target/, tm/auto/ with the English as TMX.
    Sentence segmentation is off: each XLIFF unit is already one sentence."""
    for sub in ("source", "target", "tm/auto", "glossary", "dictionary", "omegat"):
        (folder / sub).mkdir(parents=True)
    (folder / "omegat.project").write_text(PROJECT_FILE, "utf-8")
    memory = tmx.tmxfile(sourcelanguage="ar", targetlanguage="en")
    for arabic, english in pairs:
        memory.addtranslation(arabic, "ar", english, "en")
    memory.savefile(str(folder / "tm" / "auto" / "english.tmx"))
    return folder


@pytest.mark.parametrize("offset", [0, 400], ids=["ntrex-0", "ntrex-400"])
def test_omegat_translates_and_every_target_comes_back(
    cli: Cli, tmp_path: Path, offset: int
) -> None:
    command = omegat()
    paragraphs = article_paragraphs(offset)
    built = build_document(cli, tmp_path, paragraphs, translate=False)
    pairs = [pair for p in paragraphs for pair in zip(p.arabic, p.english, strict=True)]
    project = make_project(tmp_path / "project", pairs)
    exported = project / "source" / "article.xlf"
    result = cli("export", "xliff", str(exported), "--doc", str(built.document_id), "--copy-source")
    assert result.exit_code == 0, result.output
    home = tmp_path / "home"
    home.mkdir()
    run = subprocess.run(
        [command, str(project), "--mode=console-translate"],
        capture_output=True,
        timeout=300,
        env={**os.environ, "HOME": str(home), "JAVA_TOOL_OPTIONS": QUICK_JVM},
        check=False,
    )
    assert run.returncode == 0, run.stdout.decode(errors="replace")[-3000:]
    translated = project / "target" / "article.xlf"
    assert translated.exists(), "OmegaT wrote no target file"
    back = cli("import-xliff", str(translated), user="freelancer")
    assert back.exit_code == 0, back.output
    assert f"{len(pairs)} sentences updated" in back.output
    assert [segment.target for segment in built.segments()] == [english for _, english in pairs]
    built.database.dispose()
