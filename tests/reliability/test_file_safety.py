"""Files in and out, attacked for real: the database as OUT in every spelling, FIFOs, sockets,
devices, links, oversized and wrongly encoded files, a zip bomb. Each is refused (exit 2) before
anything is written or blocks, and the database is intact afterwards."""

from __future__ import annotations

import os
import socket
import stat
import threading
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import Result

from tests.conftest import Cli
from tests.dbstate import table_dump
from tests.mt_archives import TOP
from tests.mt_fixtures import TOY_MODEL_FILE
from tests.templates import restore_seeded

# Every command that writes a file named by the user, as (arguments before OUT, after OUT).
WRITERS: list[tuple[list[str], list[str]]] = [
    (["export", "tmx"], []),
    (["export", "csv"], []),
    (["export", "claims", "--format", "jsonl"], []),
    (["export", "claims", "--format", "csv"], []),
    (["export", "claims", "--format", "claimreview"], []),
    (["glossary", "export"], []),
    (["backup", "--force"], []),
]
SENTENCE = "قال المتحدث إن الوفد وصل إلى المدينة صباح اليوم.\n"


@pytest.fixture
def sqlite_cli(db_path: Path, request: pytest.FixtureRequest) -> Cli:
    cli = Cli(f"sqlite:///{db_path}")
    restore_seeded(request, cli.db_url)  # the seeds as `workbench import` leaves them
    assert cli("glossary", "import", "--starter").exit_code == 0
    return cli


@pytest.fixture
def config_file(tmp_path: Path) -> Path:
    """The config file the tests read (conftest points WORKBENCH_CONFIG here)."""
    return Path(os.environ["WORKBENCH_CONFIG"])


def write_to(cli: Cli, out: str | Path) -> Iterator[tuple[str, Result]]:
    for before, after in WRITERS:
        yield " ".join(before), cli(*before, str(out), *after)


def assert_intact(cli: Cli, before: dict[str, object]) -> None:
    assert table_dump(cli.db_url) == before
    checked = cli("check")
    assert checked.exit_code == 0, checked.output


def within(seconds: float, action: Callable[[], Result]) -> Result:
    """Run `action`, failing (not hanging) if it blocks, as reading a FIFO would."""
    outcome: list[Result] = []
    worker = threading.Thread(target=lambda: outcome.append(action()), daemon=True)
    worker.start()
    worker.join(seconds)
    assert outcome, f"still blocked after {seconds} s"
    return outcome[0]


# ---- writing: OUT may never be the database, a folder, a FIFO, a socket or a device ----


def _database_spellings(db_path: Path) -> list[Path]:
    folder = db_path.parent
    (folder / "sub").mkdir()
    symlink = folder / "link.csv"
    symlink.symlink_to(db_path)
    chained = folder / "chain.csv"
    chained.symlink_to(symlink)
    hard = folder / "hard.csv"
    os.link(db_path, hard)
    return [
        db_path,
        Path(db_path.name),  # relative to the working folder
        Path("sub/../" + db_path.name),
        symlink,
        chained,
        hard,
        *(Path(f"{db_path}{end}") for end in ("-wal", "-shm", "-journal")),
    ]


def test_the_database_in_any_spelling_is_never_an_output(
    sqlite_cli: Cli, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(db_path.parent)
    spellings = _database_spellings(db_path)
    before = table_dump(sqlite_cli.db_url)
    size = db_path.stat().st_size

    for out in spellings:
        for command, result in write_to(sqlite_cli, out):
            assert result.exit_code == 2, (command, out, result.output)
            assert "is the database" in result.stderr, (command, out)
            assert "writing there would destroy the database" in result.stderr

    assert db_path.stat().st_size == size
    assert (db_path.parent / "link.csv").is_symlink()  # the links are left as they were
    assert (db_path.parent / "hard.csv").stat().st_ino == db_path.stat().st_ino
    assert not list(db_path.parent.glob(".*.tmp")), "no temporary file may be left behind"
    assert_intact(sqlite_cli, before)


def test_a_fifo_a_socket_a_folder_and_a_device_are_refused_as_outputs(
    sqlite_cli: Cli, tmp_path: Path
) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    bound = tmp_path / "sock.csv"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(bound))
    folder = tmp_path / "folder.csv"
    folder.mkdir()
    device = Path("/dev/null")  # only its refusal is checked: nothing may write it
    before = table_dump(sqlite_cli.db_url)
    try:
        for out, kind in [
            (fifo, "a FIFO (named pipe)"),
            (bound, "a socket"),
            (device, "a character device"),
        ]:
            for command, result in write_to(sqlite_cli, out):
                assert result.exit_code == 2, (command, out, result.output)
                assert f"{out} is {kind}, not a regular file" in result.stderr, command
        for command, result in write_to(sqlite_cli, folder):
            assert result.exit_code == 2, (command, result.output)
            assert "folder" in result.stderr or "directory" in result.stderr, command
    finally:
        server.close()
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert stat.S_ISSOCK(bound.lstat().st_mode)
    assert stat.S_ISCHR(device.lstat().st_mode)
    assert list(folder.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    assert_intact(sqlite_cli, before)


def test_a_symlink_is_written_through_and_stays_a_link(sqlite_cli: Cli, tmp_path: Path) -> None:
    for index, (before, after) in enumerate(WRITERS):
        target = tmp_path / "real" / f"target-{index}"
        target.parent.mkdir(exist_ok=True)
        target.write_text("old")
        link = tmp_path / f"link-{index}"
        link.symlink_to(target)

        result = sqlite_cli(*before, str(link), *after)

        assert result.exit_code == 0, (before, result.output)
        assert link.is_symlink() and link.readlink() == target
        assert target.read_bytes() != b"old"  # replaced by the export (empty if no claims)


def test_a_dangling_symlink_is_refused(sqlite_cli: Cli, tmp_path: Path) -> None:
    link = tmp_path / "dangling.csv"
    link.symlink_to(tmp_path / "nowhere" / "x.csv")
    for command, result in write_to(sqlite_cli, link):
        assert result.exit_code == 2, (command, result.output)
        assert "which does not exist" in result.stderr
    assert link.is_symlink() and not (tmp_path / "nowhere").exists()


# ---- reading: regular files only, never blocking, within the size cap ----


def _readers(path: Path) -> list[list[str]]:
    return [
        ["import", str(path)],
        ["import-tm", str(path.with_suffix(".tmx"))],
        ["import-tm", str(path.with_suffix(".csv"))],
        ["glossary", "import", str(path.with_suffix(".csv"))],
        ["models", "install", str(path.with_suffix(".argosmodel"))],
    ]


def test_fifos_devices_and_sockets_are_refused_at_once_when_read(
    sqlite_cli: Cli, tmp_path: Path
) -> None:
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    kinds = {"pipe": "a FIFO (named pipe)", "zero": "a character device", "sock": "a socket"}
    for suffix in (".txt", ".tmx", ".csv", ".argosmodel"):
        os.mkfifo(tmp_path / f"pipe{suffix}")
        (tmp_path / f"zero{suffix}").symlink_to("/dev/zero")  # would fill memory if read
    server.bind(str(tmp_path / "sock.txt"))
    for suffix in (".tmx", ".csv", ".argosmodel"):
        (tmp_path / f"sock{suffix}").symlink_to(tmp_path / "sock.txt")
    before = table_dump(sqlite_cli.db_url)
    try:
        for name, kind in kinds.items():
            for arguments in _readers(tmp_path / f"{name}.txt"):
                result = within(30, lambda arguments=arguments: sqlite_cli(*arguments))
                assert result.exit_code == 2, (arguments, result.output)
                assert f"is {kind}, not a regular file" in result.stderr, arguments
    finally:
        server.close()
    assert_intact(sqlite_cli, before)


def test_a_folder_import_does_not_follow_links_out_of_the_folder(
    sqlite_cli: Cli, tmp_path: Path
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "own.txt").write_text(SENTENCE, encoding="utf-8")
    (folder / "a.txt").symlink_to("/etc/passwd")
    before = table_dump(sqlite_cli.db_url)

    result = sqlite_cli("import", str(folder))

    assert result.exit_code == 2, result.output
    assert f"{folder / 'a.txt'} -> /etc/passwd" in result.stderr
    assert "lead out of the folder" in result.stderr
    assert_intact(sqlite_cli, before)
    # A link that stays inside the folder is fine: it is the same article, read once.
    (folder / "a.txt").unlink()
    (folder / "again.txt").symlink_to(folder / "own.txt")
    inside = sqlite_cli("import", str(folder))
    assert inside.exit_code == 0, inside.output
    assert "1 document and" in inside.stdout and "1 already present" in inside.stdout


def test_utf16_and_utf32_files_get_the_iconv_command(sqlite_cli: Cli, tmp_path: Path) -> None:
    text = "term_ar,term_en,note\nوزير,minister,\n"
    files = {
        "bom16.txt": ("utf-16", SENTENCE, "UTF-16"),
        "le16.txt": ("utf-16-le", SENTENCE, "UTF-16LE"),
        "be32.txt": ("utf-32-be", SENTENCE, "UTF-32BE"),
        "bom32.txt": ("utf-32", SENTENCE, "UTF-32"),
    }
    before = table_dump(sqlite_cli.db_url)
    for name, (codec, content, named) in files.items():
        path = tmp_path / name
        path.write_bytes(content.encode(codec))
        result = sqlite_cli("import", str(path))
        assert result.exit_code == 2, result.output
        assert f"the file is {named} text, not UTF-8" in result.stderr
        converted = tmp_path / name.replace(".txt", "-utf8.txt")
        assert f"iconv -f {named} -t UTF-8 {path} > {converted}" in result.stderr
        assert "binary" not in result.stderr
    glossary = tmp_path / "glossary.csv"
    glossary.write_bytes(text.encode("utf-16"))
    memory = tmp_path / "memory.csv"
    memory.write_bytes("ar,en\nوزير,minister\n".encode("utf-16"))
    for arguments in (["glossary", "import", str(glossary)], ["import-tm", str(memory)]):
        result = sqlite_cli(*arguments)
        assert result.exit_code == 2, result.output
        assert "iconv -f UTF-16 -t UTF-8" in result.stderr, arguments
    assert_intact(sqlite_cli, before)


def test_the_size_caps_are_settings_and_named_when_exceeded(
    sqlite_cli: Cli, tmp_path: Path, config_file: Path
) -> None:
    config_file.write_text("max_text_file_mb = 1\nmax_memory_file_mb = 1\n")
    article = tmp_path / "long.txt"
    article.write_text(SENTENCE * (2 * 1024 * 1024 // len(SENTENCE.encode())), encoding="utf-8")
    memory = tmp_path / "big.tmx"
    unit = '<tu><tuv xml:lang="ar"><seg>وزير</seg></tuv><tuv xml:lang="en"><seg>m</seg></tuv></tu>'
    memory.write_text(f'<tmx version="1.4"><header/><body>{unit * 20_000}</body></tmx>')
    glossary = tmp_path / "terms.csv"
    glossary.write_text("term_ar,term_en\n" + "وزير,minister\n" * 100_000, encoding="utf-8")
    before = table_dump(sqlite_cli.db_url)

    for arguments, setting in [
        (["import", str(article)], "max_text_file_mb"),
        (["glossary", "import", str(glossary)], "max_text_file_mb"),
        (["import-tm", str(memory)], "max_memory_file_mb"),
    ]:
        result = sqlite_cli(*arguments)
        assert result.exit_code == 2, result.output
        assert "more than the 1 MB allowed" in result.stderr, arguments
        assert f"raise {setting} in the config file" in result.stderr

    assert_intact(sqlite_cli, before)
    config_file.write_text("max_text_file_mb = 0\n")
    bad = sqlite_cli("import", str(article))
    assert bad.exit_code == 2
    assert "max_text_file_mb = 0 is not allowed: use a whole number from 1" in bad.stderr


def test_a_file_growing_past_the_cap_while_read_is_stopped(tmp_path: Path) -> None:
    """The size is checked before reading, and the reading itself stops at the cap: a file that
    passed the check and then grew (appended to by another program) is refused too."""
    from workbench.errors import InputError
    from workbench.files.inputs import SizeCap, open_regular

    path = tmp_path / "growing.txt"
    path.write_bytes(b"x" * 1000)
    handle = open_regular(path, SizeCap(1, "max_text_file_mb"))
    with path.open("ab") as writer:
        writer.write(b"y" * (2 * 1024 * 1024))
    with handle, pytest.raises(InputError, match="more than the 1 MB allowed"):
        while handle.read(64 * 1024):
            pass


# Runs the command and prints its peak RSS in KB. A small process in between, because a child
# forked from pytest itself would count pytest's own memory in its peak (Linux keeps the high
# water mark across exec).
MEASURE_PEAK = (
    "import os, subprocess, sys; child = subprocess.Popen(sys.argv[1:]); "
    "_, status, usage = os.wait4(child.pid, 0); print(usage.ru_maxrss); "
    "sys.exit(os.waitstatus_to_exitcode(status))"
)


def test_a_fifty_megabyte_text_file_is_refused_in_little_memory(
    db_path: Path, tmp_path: Path
) -> None:
    import subprocess
    import sys

    big = tmp_path / "fifty.txt"
    with big.open("w", encoding="utf-8") as handle:
        for _ in range(50 * 1024 * 1024 // (len(SENTENCE.encode()) * 1000) + 1):
            handle.write(SENTENCE * 1000)
    command = [sys.executable, "-m", "workbench", "--db", str(db_path), "import", str(big)]
    result = subprocess.run(
        [sys.executable, "-c", MEASURE_PEAK, *command], capture_output=True, text=True, check=False
    )
    assert result.returncode == 2, result.stderr
    assert "more than the 16 MB allowed (setting max_text_file_mb)" in result.stderr
    peak_kb = int(result.stdout.split()[-1])
    assert peak_kb < 200 * 1024, f"peak memory {peak_kb // 1024} MB"


# ---- model archives: checked for their unpacked size and the free space ----


def _zip_bomb(path: Path, megabytes: int = 64) -> Path:
    """A package-shaped zip whose one member unpacks from about 64 KB to `megabytes` MB."""
    zeros = bytes(1024 * 1024)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{TOP}/metadata.json", '{"from_code": "ar", "to_code": "en"}')
        with archive.open(f"{TOP}/model/model.bin", "w") as member:
            for _ in range(megabytes):
                member.write(zeros)
    return path


def test_a_zip_bomb_is_refused_before_unpacking(
    cli: Cli, tmp_path: Path, argos_packages_dir: Path
) -> None:
    bomb = _zip_bomb(tmp_path / "bomb.argosmodel")

    result = cli("models", "install", str(bomb))

    assert result.exit_code == 2, result.output
    assert "would unpack to 67,10" in result.stderr and "a zip bomb" in result.stderr
    assert list(argos_packages_dir.iterdir()) == []


def test_an_install_needing_more_than_the_free_space_is_refused(tmp_path: Path) -> None:
    """A real small disk: a 16 MB tmpfs, in a private mount namespace (needs root)."""
    import shlex
    import subprocess
    import sys

    packages = tmp_path / "small-disk"
    packages.mkdir()
    install = shlex.join(
        [sys.executable, "-m", "workbench", "models", "install", str(TOY_MODEL_FILE)]
    )
    script = (
        f"mount -t tmpfs -o size=16m tmpfs {shlex.quote(str(packages))} && "
        f"ARGOS_PACKAGES_DIR={shlex.quote(str(packages))} {install}; "
        f"status=$?; ls -A {shlex.quote(str(packages))}; exit $status"
    )
    command = ["unshare", "--mount", "--propagation", "private", "sh", "-c", script]
    try:
        result = subprocess.run(command, check=False, capture_output=True, text=True, timeout=120)
    except FileNotFoundError:
        pytest.skip("unshare is not installed")
    if "mount:" in result.stderr or "unshare:" in result.stderr:
        pytest.skip(f"cannot mount a small disk here: {result.stderr.strip()}")
    assert result.returncode == 2, result.stderr
    assert "MB free; free some space or set ARGOS_PACKAGES_DIR" in result.stderr
    assert result.stdout.strip() == "", "nothing may be left in the packages folder"


def test_a_package_folder_that_is_a_link_or_a_file_is_not_replaced(
    cli: Cli, tmp_path: Path, argos_packages_dir: Path
) -> None:
    elsewhere = tmp_path / "someone-elses-folder"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("keep")
    (argos_packages_dir / TOP).symlink_to(elsewhere)

    linked = cli("models", "install", str(TOY_MODEL_FILE))

    assert linked.exit_code == 2, linked.output
    assert f"{argos_packages_dir / TOP} is a symbolic link, not a package folder" in linked.stderr
    assert (argos_packages_dir / TOP).is_symlink()
    assert (elsewhere / "keep.txt").read_text() == "keep"
    assert [p.name for p in argos_packages_dir.iterdir()] == [TOP]


def test_the_database_as_the_packages_folder_is_refused(
    sqlite_cli: Cli, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = table_dump(sqlite_cli.db_url)
    for packages in (db_path, db_path / "below-the-database"):
        monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))

        result = sqlite_cli("models", "install", str(TOY_MODEL_FILE))

        assert result.exit_code == 2, result.output
        assert "(the packages folder, ARGOS_PACKAGES_DIR)" in result.stderr
    assert_intact(sqlite_cli, before)
