"""`workbench import URL`: a web page fetched over http or https, then read as HTML.

Everything about the fetch is bounded: only http and https (also after a redirect: urllib would
follow one to ftp), a timeout on connecting and on every read, a size cap (the text-file cap,
`max_text_file_mb`) checked on Content-Length and again while reading, and a content type that
must be HTML, so that a PDF or an image is refused before it is parsed.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from http.client import HTTPMessage
from typing import IO, Any
from urllib.parse import urlsplit

from workbench import __version__
from workbench.errors import InputError
from workbench.files.inputs import SizeCap

SCHEMES = ("http", "https")
TIMEOUT_SECONDS = 20.0
HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class Page:
    url: str  # where it ended up, after redirects
    data: bytes


def is_url(argument: str) -> bool:
    """Does a command-line argument name a URL (any scheme) rather than a path?"""
    scheme = urlsplit(argument).scheme
    return len(scheme) > 1 and "://" in argument  # "C:\\x" is a path; "ftp://" is a URL


def check_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme.lower() not in SCHEMES:
        raise InputError(
            f"{url}: only http:// and https:// addresses are fetched; save the page and "
            "import the file instead. Nothing was imported"
        )
    if not parts.hostname:
        raise InputError(f"{url}: the address names no host; nothing was imported")
    return url


class _SafeRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects to http and https only."""

    def redirect_request(  # noqa: PLR0917 (urllib's signature, called positionally)
        self,
        req: Any,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> Any:
        check_url(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _content_type(url: str, headers: Message) -> None:
    kind = headers.get_content_type()
    if kind not in HTML_TYPES:
        raise InputError(
            f"{url}: the server sent {kind}, not a web page (text/html); download it and "
            "import the file if it is one the workbench reads. Nothing was imported"
        )


def _too_large(url: str, cap: SizeCap, size: int | None = None) -> InputError:
    holds = f"{size:,} bytes, " if size is not None else ""
    return InputError(
        f"{url}: the page holds {holds}more than the {cap.megabytes:,} MB allowed (setting "
        f"{cap.setting}); raise {cap.setting} in the config file if it is a real article. "
        "Nothing was imported"
    )


def _read_capped(url: str, response: Any, cap: SizeCap) -> bytes:
    """The body, never more than one chunk past the cap, whatever Content-Length said."""
    length = response.headers.get("Content-Length")
    if length and length.isdigit() and int(length) > cap.bytes:
        raise _too_large(url, cap, int(length))
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read(_CHUNK):
        size += len(chunk)
        if size > cap.bytes:
            raise _too_large(url, cap)
        chunks.append(chunk)
    return b"".join(chunks)


def fetch_page(url: str, cap: SizeCap, timeout: float = TIMEOUT_SECONDS) -> Page:
    """The page at `url`, or InputError saying what went wrong with the fetch."""
    check_url(url)
    opener = urllib.request.build_opener(_SafeRedirects())
    request = urllib.request.Request(
        url, headers={"User-Agent": f"workbench/{__version__}", "Accept": "text/html"}
    )
    try:
        with opener.open(request, timeout=timeout) as response:
            _content_type(url, response.headers)
            return Page(response.geturl(), _read_capped(url, response, cap))
    except urllib.error.HTTPError as error:
        error.close()  # it holds the server's open error page
        raise InputError(
            f"{url}: the server answered {error.code} {error.reason}; nothing was imported"
        ) from error
    except urllib.error.URLError as error:
        raise InputError(
            f"{url}: could not be fetched ({error.reason}); check the address and the "
            "network. Nothing was imported"
        ) from error
    except TimeoutError as error:
        raise InputError(
            f"{url}: no answer within {timeout:g} seconds; nothing was imported"
        ) from error
    except OSError as error:
        raise InputError(f"{url}: could not be fetched ({error}); nothing was imported") from error
