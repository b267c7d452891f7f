"""`workbench import URL`: a page fetched from a local HTTP server (port 0, in a thread), then
read as HTML; what a server can do wrong is refused by name with nothing written."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import Cli
from tests.dbstate import table_dump
from tests.integration.documents.conftest import paragraphs, stored_blocks, stored_document
from tests.source_files import CLUTTER, news_page, seed_article, seed_paths

ARTICLE = seed_article(seed_paths()[3])
PAGE = news_page(ARTICLE, url="https://news.example.com/kazakhstan").encode()


class _Pages(BaseHTTPRequestHandler):
    """/article: the page; /missing: 404; /image: a PNG; /slow: answers after 3 s;
    /big: 2 MB of HTML; /to-ftp: a redirect to ftp (urllib would follow it); /menu: no article."""

    def do_GET(self) -> None:
        if self.path == "/article":
            self._send(200, "text/html; charset=utf-8", PAGE)
        elif self.path == "/image":
            self._send(200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
        elif self.path == "/slow":
            time.sleep(3)
            self._send(200, "text/html", PAGE)
        elif self.path == "/big":
            self._send(200, "text/html", b"<html><body>" + b"<p>x</p>" * (2**21 // 8) + b"</body>")
        elif self.path == "/to-ftp":
            self.send_response(302)
            self.send_header("Location", "ftp://127.0.0.1/article.html")
            self.end_headers()
        elif self.path == "/menu":
            self._send(200, "text/html", b"<html><body><nav><a href='/'>menu</a></nav></body>")
        else:
            self._send(404, "text/plain", b"not here")

    def _send(self, code: int, kind: str, body: bytes) -> None:
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        # The workbench may hang up first (it stops at the size cap, or timed out).
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_a_url_is_fetched_and_imported_as_its_article(any_cli: Cli, server: str) -> None:
    result = any_cli("import", f"{server}/article")
    assert result.exit_code == 0, result.output
    assert f"added   {server}/article: document 1" in result.stdout
    assert paragraphs(stored_blocks(any_cli.db_url, 1)) == ARTICLE.blocks
    stored = stored_document(any_cli.db_url, 1)
    assert stored["source_url"] == "https://news.example.com/kazakhstan"  # the canonical link
    assert stored["source_name"] == f"{server}/article"
    assert (stored["title"], stored["source_format"]) == (ARTICLE.title, "html")
    text = " ".join(source for _, _, source in stored_blocks(any_cli.db_url, 1))
    assert not [piece for piece in CLUTTER if piece in text]
    again = any_cli("import", f"{server}/article")
    assert "skipped" in again.stdout and "already imported as document 1" in again.stdout


@pytest.mark.parametrize(
    ("path", "options", "message"),
    [
        ("/missing", (), "the server answered 404"),
        ("/image", (), "the server sent image/png, not a web page"),
        ("/slow", ("--timeout", "0.5"), "no answer within 0.5 seconds"),
        ("/big", (), "more than the 1 MB allowed (setting max_text_file_mb)"),
        ("/to-ftp", (), "ftp://127.0.0.1/article.html: only http:// and https:// addresses"),
        ("/menu", (), "no article text found on the page"),
    ],
)
def test_what_a_server_does_wrong_is_refused(
    cli: Cli,
    server: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    path: str,
    options: tuple[str, ...],
    message: str,
) -> None:
    config = tmp_path / "config.toml"
    config.write_text("max_text_file_mb = 1\n", encoding="utf-8")
    monkeypatch.setenv("WORKBENCH_CONFIG", str(config))
    assert cli("init").exit_code == 0
    before = table_dump(cli.db_url)
    result = cli("import", *options, f"{server}{path}")
    assert result.exit_code == 2, result.output
    assert message in result.stderr, result.stderr
    assert table_dump(cli.db_url) == before


@pytest.mark.parametrize("url", ["ftp://example.com/a.html", "file:///etc/passwd", "https://"])
def test_only_http_and_https_addresses_are_fetched(cli: Cli, url: str) -> None:
    result = cli("import", url)
    assert result.exit_code == 2
    assert url in result.stderr
