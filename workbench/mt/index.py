"""Fetching the ar→en package through Argos Translate's online package index.

The only code in the workbench that may reach the network, and only when a user runs
`workbench models download`. Offline it fails fast with the way to install from a file.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import packaging.version
from argostranslate import package as argos_package
from argostranslate import settings as argos_settings

from workbench.errors import WorkbenchError
from workbench.mt.packages import (
    MISSING_MODEL_HELP,
    SOURCE_CODE,
    TARGET_CODE,
    InstalledModel,
    find_ar_en_model,
)

NETWORK_TIMEOUT_S = 20.0


class OfflineError(WorkbenchError):
    """The package index cannot be reached."""


@dataclass(frozen=True)
class Offer:
    version: str
    links: list[str]
    available: argos_package.AvailablePackage


@contextmanager
def _network_timeout(seconds: float) -> Iterator[None]:
    # argostranslate calls urlopen without a timeout; a black-holed network would hang forever.
    previous = socket.getdefaulttimeout()
    socket.setdefaulttimeout(seconds)
    try:
        yield
    finally:
        socket.setdefaulttimeout(previous)


def _offline(reason: str) -> OfflineError:
    """Offline: say so, and say what is installed rather than claim that nothing is."""
    installed = find_ar_en_model()
    if installed is None:
        after = MISSING_MODEL_HELP
    else:
        after = (
            f"Machine translation still works with the installed {installed.label()} "
            f"({installed.name}; `workbench models list` shows all). To add a model without "
            "network, copy its .argosmodel file or CTranslate2 folder here and run "
            "`workbench models install PATH`."
        )
    return OfflineError(
        f"cannot reach the Argos Translate package index ({argos_settings.remote_package_index}): "
        f"{reason}. This machine looks offline (no network).\n{after}"
    )


def fetch_offer() -> Offer | None:
    """Refresh argos' local copy of the index and return its ar→en package, if it lists one."""
    index = Path(argos_settings.local_package_index)
    before = index.stat().st_mtime_ns if index.exists() else None
    with _network_timeout(NETWORK_TIMEOUT_S):
        # Logs and swallows its own errors: whether the index file changed tells us.
        argos_package.update_package_index()
    after = index.stat().st_mtime_ns if index.exists() else None
    if after is None or after == before:
        raise _offline("the index could not be downloaded")
    for available in argos_package.get_available_packages():
        if (available.from_code, available.to_code) == (SOURCE_CODE, TARGET_CODE):
            return Offer(str(available.package_version), list(available.links), available)
    return None


def is_newer(offer: Offer, installed: InstalledModel | None) -> bool:
    if installed is None or installed.is_test_model:
        return True
    try:
        return packaging.version.Version(offer.version) > packaging.version.Version(
            installed.version
        )
    except packaging.version.InvalidVersion:
        return True


def download(offer: Offer) -> Path:
    """The downloaded .argosmodel file (in argos' download cache)."""
    try:
        with _network_timeout(NETWORK_TIMEOUT_S):
            return Path(offer.available.download())
    except Exception as error:  # argos raises a bare Exception when every link fails
        raise _offline(f"the download failed ({error})") from error
