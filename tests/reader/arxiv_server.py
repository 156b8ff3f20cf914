"""A stand-in for arxiv.org on 127.0.0.1, and the e-prints it serves, built at test time.

No test may reach the internet: the download tests point ``EQLENS_ARXIV_URL`` at this server
(port 0, its own thread) and ``EQLENS_CACHE_DIR`` at a temporary folder.
"""

from __future__ import annotations

import gzip
import io
import tarfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "arxiv"
PAPER_TITLE = "Fetched From a Local arXiv"
SINGLE_TITLE = "A Single-File Submission"


@dataclass
class Route:
    """What the server answers for one path."""

    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    hang: bool = False
    """Say nothing until the test ends: the client must give up on its own timeout."""
    truncate: int | None = None
    """Announce the whole body but send only this many bytes, then close."""


@dataclass
class Request:
    path: str
    user_agent: str


class ArxivServer:
    """Serves ``routes`` (path → Route); 404 for anything else. Records every request."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Request] = []
        self.release = threading.Event()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.02,),
                                        daemon=True)
        self._running = False

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def paths(self) -> list[str]:
        return [r.path for r in self.requests]

    def start(self) -> None:
        self._thread.start()
        self._running = True

    def stop(self) -> None:
        """Stop serving and free the port: later requests are refused (offline)."""
        self.release.set()
        if self._running:
            self._httpd.shutdown()
            self._running = False
        self._httpd.server_close()


def _handler_for(server: ArxivServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
            server.requests.append(Request(self.path, self.headers.get("User-Agent", "")))
            route = server.routes.get(self.path, Route(b"not found", status=404))
            if route.hang:
                server.release.wait(30)
                return
            self.send_response(route.status)
            self.send_header("Content-Length", str(len(route.body)))
            for key, value in route.headers.items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(route.body[: route.truncate])
            self.wfile.flush()

        def log_message(self, *args: object) -> None:
            pass

    return Handler


@contextmanager
def serve_arxiv(monkeypatch: pytest.MonkeyPatch, cache: Path) -> Iterator[ArxivServer]:
    """A running server with eqlens pointed at it and at a private cache folder."""
    server = ArxivServer()
    server.start()
    monkeypatch.setenv("EQLENS_ARXIV_URL", server.url)
    monkeypatch.setenv("EQLENS_CACHE_DIR", str(cache))
    try:
        yield server
    finally:
        server.stop()


def paper_tarball() -> bytes:
    """The fixture paper (main.tex + sections/method.tex) as arXiv serves it: a .tar.gz."""
    folder = FIXTURES / "paper"
    members = [(p.relative_to(folder).as_posix(), p.read_bytes())
               for p in sorted(folder.rglob("*.tex"))]
    return tarball(members)


def tarball(members: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def single_tex_gz() -> bytes:
    """A single-file submission: one gzipped .tex, no tar wrapper."""
    return gzip.compress((FIXTURES / "single.tex").read_bytes())


def pdf_bytes(text: str = "A PDF-only paper") -> bytes:
    """A one-page PDF made with PyMuPDF."""
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), text)
    data = doc.tobytes()
    doc.close()
    return data
