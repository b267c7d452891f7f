"""`workbench models list|install|download`: the Argos Translate packages MT uses."""

from __future__ import annotations

from pathlib import Path

import click

from workbench.cli.output import echo, json_line
from workbench.cli.types import TEXT
from workbench.errors import InputError


@click.group("models")
def models_group() -> None:
    """Machine-translation models (Argos Translate packages in $ARGOS_PACKAGES_DIR)."""


@models_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
def list_command(as_json: bool) -> None:
    """List installed packages: direction, version, path; mark the one MT uses."""
    from workbench.mt.packages import find_ar_en_model, packages_dir, scan_packages

    directory = packages_dir()
    models, broken = scan_packages(directory)
    chosen = find_ar_en_model(directory)
    for model in models:
        used = chosen is not None and model.path == chosen.path
        if as_json:
            record = {
                "name": model.name,
                "from": model.from_code,
                "to": model.to_code,
                "version": model.version,
                "path": str(model.path),
                "test_model": model.is_test_model,
                "used": used,
            }
            echo(json_line(record))
        else:
            mark = "*" if used else " "
            echo(
                f"{mark} {model.from_code}→{model.to_code}  {model.version:<8} "
                f"{model.label():<45} {model.path}"
            )
    for item in broken:
        echo(f"broken package folder {item.path}: {item.reason}", err=True)
    if not as_json:
        if chosen is None:
            from workbench.mt.packages import MISSING_MODEL_HELP

            echo(f"Packages folder: {directory}\n{MISSING_MODEL_HELP}")
        else:
            echo(f"Packages folder: {directory}; * = used for Arabic→English")


@models_group.command("install")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--sha256", type=TEXT, metavar="HEX", help="Refuse the file unless its SHA-256 is HEX."
)
def install_command(file: Path, sha256: str | None) -> None:
    """Install an Arabic→English .argosmodel FILE (checked first; a bad file installs nothing)."""
    from workbench.mt.archive import check_archive, install_archive
    from workbench.mt.packages import find_ar_en_model

    if sha256 is not None and not _is_hex_digest(sha256):
        raise InputError(f"--sha256 {sha256!r} is not 64 hexadecimal digits")
    checked = check_archive(file, sha256)
    installed = install_archive(checked)
    echo(f"installed {installed.label()} in {installed.path}")
    chosen = find_ar_en_model()
    if chosen is not None and chosen.path != installed.path:
        echo(f"note: MT keeps using {chosen.label()} ({chosen.path}), which ranks higher")


def _is_hex_digest(value: str) -> bool:
    text = value.strip().lower()
    return len(text) == 64 and all(c in "0123456789abcdef" for c in text)


@models_group.command("download")
def download_command() -> None:
    """Download and install translate-ar_en through Argos' package index (needs internet)."""
    from workbench.mt import index
    from workbench.mt.archive import check_archive, install_archive
    from workbench.mt.packages import find_ar_en_model

    offer = index.fetch_offer()
    if offer is None:
        raise InputError("the Argos Translate package index lists no Arabic→English package")
    installed = find_ar_en_model()
    if not index.is_newer(offer, installed):
        assert installed is not None
        echo(f"{installed.label()} is installed and up to date")
        return
    echo(f"downloading {offer.version} from {', '.join(offer.links)} ...")
    path = index.download(offer)
    model = install_archive(check_archive(path))
    echo(f"installed {model.label()} in {model.path}")
