"""Checking .argosmodel files: every kind of bad file is refused and nothing is installed."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest

from tests.mt_archives import TOP, repack, with_metadata, without
from tests.mt_fixtures import TOY_MODEL_FILE
from workbench.errors import InputError
from workbench.mt.archive import check_archive, install_archive
from workbench.mt.packages import find_ar_en_model


def refused(path: Path, packages: Path, sha256: str | None = None) -> str:
    with pytest.raises(InputError) as caught:
        install_archive(check_archive(path, sha256), packages)
    assert list(packages.iterdir()) == [], "a refused file must install nothing"
    message = str(caught.value)
    assert str(path) in message and "nothing was installed" in message
    return message


def test_the_test_model_passes_and_installs(argos_packages_dir: Path) -> None:
    digest = hashlib.sha256(TOY_MODEL_FILE.read_bytes()).hexdigest()
    checked = check_archive(TOY_MODEL_FILE, digest.upper())
    assert checked.top == TOP
    model = install_archive(checked, argos_packages_dir)
    assert model.path == argos_packages_dir / TOP
    assert (model.from_code, model.to_code, model.version) == ("ar", "en", "0.1")
    assert model.is_test_model
    assert model.label() == "ar→en TEST MODEL 0.1 (not for real use)"
    assert find_ar_en_model() == model  # found through $ARGOS_PACKAGES_DIR


def test_truncated_file_is_refused(tmp_path: Path, argos_packages_dir: Path) -> None:
    data = TOY_MODEL_FILE.read_bytes()
    truncated = tmp_path / "truncated.argosmodel"
    truncated.write_bytes(data[: len(data) // 2])
    assert "not a zip archive" in refused(truncated, argos_packages_dir)


def test_corrupt_member_is_refused(tmp_path: Path, argos_packages_dir: Path) -> None:
    """Flip bytes inside the stored model.bin: the zip directory is intact, the CRC is not."""
    corrupt = tmp_path / "corrupt.argosmodel"
    data = bytearray(TOY_MODEL_FILE.read_bytes())
    with zipfile.ZipFile(TOY_MODEL_FILE) as archive:
        info = archive.getinfo(f"{TOP}/model/model.bin")
    middle = info.header_offset + 200 + info.compress_size // 2
    data[middle : middle + 64] = bytes(64)
    corrupt.write_bytes(bytes(data))
    assert "damaged" in refused(corrupt, argos_packages_dir)


def test_wrong_direction_is_refused(tmp_path: Path, argos_packages_dir: Path) -> None:
    en_ar = with_metadata(tmp_path / "en_ar.argosmodel", from_code="en", to_code="ar")
    message = refused(en_ar, argos_packages_dir)
    assert "translates en→ar" in message and "needs ar→en" in message


@pytest.mark.parametrize(
    ("member", "expected"),
    [
        ("metadata.json", "metadata.json is missing"),
        ("model/model.bin", "model.bin is missing"),
        ("model/shared_vocabulary.json", "no vocabulary"),
        ("sentencepiece.model", "no tokenizer"),
    ],
)
def test_missing_part_is_refused(
    tmp_path: Path, argos_packages_dir: Path, member: str, expected: str
) -> None:
    assert expected in refused(without(tmp_path / "part.argosmodel", member), argos_packages_dir)


def test_invalid_version_is_refused(tmp_path: Path, argos_packages_dir: Path) -> None:
    bad = with_metadata(tmp_path / "v.argosmodel", package_version="one point oh")
    assert "PEP 440" in refused(bad, argos_packages_dir)


def test_metadata_that_is_not_json_is_refused(tmp_path: Path, argos_packages_dir: Path) -> None:
    def garble(name: str, data: bytes) -> tuple[str, bytes]:
        return (name, b"{not json") if name.endswith("metadata.json") else (name, data)

    assert "not valid JSON" in refused(
        repack(tmp_path / "j.argosmodel", garble), argos_packages_dir
    )


def test_two_top_folders_are_refused(tmp_path: Path, argos_packages_dir: Path) -> None:
    two = repack(tmp_path / "two.argosmodel", lambda n, d: (n, d), {"other/readme.txt": b"x"})
    assert "exactly one top folder" in refused(two, argos_packages_dir)


def test_path_escaping_the_folder_is_refused(tmp_path: Path, argos_packages_dir: Path) -> None:
    evil = repack(tmp_path / "evil.argosmodel", lambda n, d: (n, d), {f"{TOP}/../x": b"x"})
    assert "unsafe path" in refused(evil, argos_packages_dir)


def test_sha256_mismatch_is_refused(argos_packages_dir: Path) -> None:
    message = refused(TOY_MODEL_FILE, argos_packages_dir, sha256="0" * 64)
    assert "sha256 is" in message


def test_reinstall_replaces_the_package_in_one_piece(
    tmp_path: Path, argos_packages_dir: Path
) -> None:
    install_archive(check_archive(TOY_MODEL_FILE), argos_packages_dir)
    newer = with_metadata(tmp_path / "newer.argosmodel", package_version="0.2")
    model = install_archive(check_archive(newer), argos_packages_dir)
    assert model.version == "0.2"
    assert sorted(p.name for p in argos_packages_dir.iterdir()) == [TOP]


def test_real_model_ranks_above_the_test_model(tmp_path: Path, argos_packages_dir: Path) -> None:
    install_archive(check_archive(TOY_MODEL_FILE), argos_packages_dir)
    real_like = with_metadata(
        tmp_path / "real.argosmodel",
        top="translate-ar_en",
        package_version="0.0.1",
        description="Arabic to English",
    )
    install_archive(check_archive(real_like), argos_packages_dir)
    chosen = find_ar_en_model()
    assert chosen is not None and chosen.name == "translate-ar_en"
    assert chosen.label() == "translate-ar_en 0.0.1"
