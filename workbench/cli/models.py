"""`workbench models list|install|remove|default|download`: the models MT uses.

Two kinds: Argos Translate packages (`.argosmodel` files) and CTranslate2 folders converted from
OPUS-MT/Marian models. Both live in $ARGOS_PACKAGES_DIR.
"""

from __future__ import annotations

from pathlib import Path

import click

from workbench.cli.collector import resume_collector
from workbench.cli.output import echo, json_line
from workbench.cli.types import TEXT
from workbench.errors import InputError


@click.group("models")
def models_group() -> None:
    """Machine-translation models: Argos packages and CTranslate2 folders ($ARGOS_PACKAGES_DIR)."""
    resume_collector()  # these commands open no database: their start-up ends here


def _size(size: int) -> str:
    return f"{size / 1024 / 1024:,.1f} MB"


@models_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
def list_command(as_json: bool) -> None:
    """List installed models: name, kind, languages, version, size; * marks the default."""
    from workbench.mt.catalogue import entries
    from workbench.mt.packages import packages_dir, scan_packages

    directory = packages_dir()
    listed = entries(directory)
    for entry in listed:
        if as_json:
            echo(json_line(entry.to_json()))
            continue
        model = entry.model
        mark = "*" if entry.default else " "
        echo(
            f"{mark} {model.name:<28} {model.kind:<11} {model.from_code}→{model.to_code}  "
            f"{model.version:<20} {_size(entry.size):>10}  {model.label()}"
        )
    for item in scan_packages(directory)[1]:
        echo(f"broken package folder {item.path}: {item.reason}", err=True)
    if not as_json:
        if not any(entry.default for entry in listed):
            from workbench.mt.packages import MISSING_MODEL_HELP

            echo(f"Models folder: {directory}\n{MISSING_MODEL_HELP}")
        else:
            echo(f"Models folder: {directory}; * = the default for Arabic→English")


@models_group.command("install")
@click.argument("path", type=click.Path(path_type=Path, exists=True))
@click.option("--sha256", type=TEXT, metavar="HEX", help="Refuse a file unless its SHA-256 is HEX.")
@click.option("--name", type=TEXT, help="Install a CTranslate2 folder under this name.")
@click.option("--from", "from_code", type=TEXT, metavar="CODE", help="Its source language (ar).")
@click.option("--to", "to_code", type=TEXT, metavar="CODE", help="Its target language (en).")
def install_command(
    path: Path, sha256: str | None, name: str | None, from_code: str | None, to_code: str | None
) -> None:
    """Install an Arabic→English model: an .argosmodel FILE or a CTranslate2 model folder.

    A folder holds model.bin, config.json and the vocabulary with source.spm and target.spm
    beside them, as `ct2-transformers-converter --copy_files source.spm target.spm` leaves it.
    Everything is checked first (files, loading, languages); a bad one installs nothing.
    """
    from workbench.mt.packages import find_ar_en_model

    if path.is_dir():
        from workbench.mt.ct2_folder import check_folder, install_folder

        if sha256 is not None:
            raise InputError("--sha256 checks an .argosmodel file, not a folder")
        installed = install_folder(check_folder(path, name, from_code, to_code))
    else:
        from workbench.mt.archive import check_archive, install_archive

        if name or from_code or to_code:
            raise InputError(
                "--name, --from and --to are for CTranslate2 folders; an .argosmodel file names "
                "itself (its metadata.json)"
            )
        if sha256 is not None and not _is_hex_digest(sha256):
            raise InputError(f"--sha256 {sha256!r} is not 64 hexadecimal digits")
        installed = install_archive(check_archive(path, sha256))
    echo(
        f"installed {installed.label()} ({installed.kind}) as {installed.name} in {installed.path}"
    )
    chosen = find_ar_en_model()
    if chosen is not None and chosen.path != installed.path:
        echo(
            f"note: MT keeps using {chosen.name} by default; "
            f"`workbench models default {installed.name}` switches to the new one"
        )


def _is_hex_digest(value: str) -> bool:
    text = value.strip().lower()
    return len(text) == 64 and all(c in "0123456789abcdef" for c in text)


@models_group.command("remove")
@click.argument("name", type=TEXT)
def remove_command(name: str) -> None:
    """Delete the installed model NAME (MT already made by it stays, with its name)."""
    from workbench.mt.catalogue import remove
    from workbench.mt.packages import find_ar_en_model

    removed = remove(name)
    echo(f"removed {removed.label()} ({removed.path})")
    chosen = find_ar_en_model()
    echo(f"MT now uses {chosen.name}" if chosen else "no Arabic→English model is left")


@models_group.command("default")
@click.argument("name", type=TEXT)
def default_command(name: str) -> None:
    """Make the installed model NAME the one `translate` and the TUI use."""
    from workbench.mt.catalogue import set_default

    model = set_default(name)
    echo(f"{model.name} ({model.label()}) is now the default for Arabic→English")


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
