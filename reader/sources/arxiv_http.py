"""One bounded HTTP GET for arXiv: size and time limits, a User-Agent, failures sorted by cause.

The caller needs to tell three outcomes apart: the file is not there (arXiv has no source, so
try the PDF), the network failed (use a cached copy or say "check the connection"), or the answer
is hostile (too big). urllib is enough for one GET, so eqlens needs no HTTP dependency; it is
imported here, lazily, so the command line starts without it.
"""

from __future__ import annotations

import http.client
import os
import time
from collections.abc import Callable
from typing import BinaryIO

from reader import limits
from reader.errors import SourceError

ProgressFn = Callable[[int, int | None], None]
"""Called with (bytes received, total bytes or None when the server does not say)."""

BASE_URL_ENV = "EQLENS_ARXIV_URL"
"""Overrides ``https://arxiv.org`` (tests use a local server; a mirror works too)."""

DEFAULT_BASE_URL = "https://arxiv.org"

_CHUNK_BYTES = 64 * 1024
"""Read size: small enough for a smooth progress bar, large enough to be cheap."""

_MISSING_STATUSES = (403, 404, 410)
"""What arXiv answers for an e-print it will not give (no source, withdrawn, unknown id)."""


class Missing(Exception):
    """The server says the file is not there (HTTP 403/404/410)."""

    def __init__(self, status: int) -> None:
        super().__init__(f"HTTP {status}")
        self.status = status


class NetworkFailure(Exception):
    """The download did not complete for a reason outside the paper (connection, 5xx, time)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def base_url() -> str:
    """The arXiv site to download from; only http(s), so a setting can never read local files."""
    base = os.environ.get(BASE_URL_ENV, "").strip() or DEFAULT_BASE_URL
    if not base.startswith(("http://", "https://")):
        raise SourceError(f"{BASE_URL_ENV} must be an http:// or https:// address, not {base!r}")
    return base.rstrip("/")


def user_agent() -> str:
    """``eqlens/<version>``: arXiv asks automated clients to say who they are."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"eqlens/{version('eqlens')}"
    except PackageNotFoundError:
        return "eqlens/dev"


def download(url: str, out: BinaryIO, *, timeout: float | None = None,
             progress: ProgressFn | None = None) -> None:
    """Write the body of ``url`` into ``out``; Missing, NetworkFailure or SourceError if not.

    ``timeout`` bounds the wait for the connection and for each read (default
    :data:`reader.limits.DOWNLOAD_TIMEOUT_SECONDS`); the whole transfer is also bounded, since a
    server trickling one byte at a time never trips a per-read timeout.
    """
    import urllib.error
    import urllib.request

    wait = limits.DOWNLOAD_TIMEOUT_SECONDS if timeout is None else timeout
    request = urllib.request.Request(url, headers={"User-Agent": user_agent()})
    try:
        with urllib.request.urlopen(request, timeout=wait) as response:
            _copy_body(response, out, progress)
    except urllib.error.HTTPError as err:
        if err.code in _MISSING_STATUSES:
            raise Missing(err.code) from None
        raise NetworkFailure(f"arXiv answered HTTP {err.code} {err.reason}".strip()) from None
    except urllib.error.URLError as err:
        raise NetworkFailure(_describe(err.reason, wait)) from None
    except (OSError, http.client.HTTPException) as err:
        raise NetworkFailure(_describe(err, wait)) from None


def _copy_body(response: http.client.HTTPResponse, out: BinaryIO,
               progress: ProgressFn | None) -> None:
    total = _content_length(response)
    if total is not None and total > limits.MAX_DOWNLOAD_BYTES:
        raise SourceError(f"the download is {total // 1_000_000} MB, more than eqlens accepts "
                          f"({limits.MAX_DOWNLOAD_BYTES // 1_000_000} MB)")
    deadline = time.monotonic() + limits.DOWNLOAD_DEADLINE_SECONDS
    done = 0
    if progress:
        progress(0, total)
    while chunk := response.read(_CHUNK_BYTES):
        done += len(chunk)
        if done > limits.MAX_DOWNLOAD_BYTES:
            raise SourceError("the download is larger than eqlens accepts "
                              f"({limits.MAX_DOWNLOAD_BYTES // 1_000_000} MB)")
        if time.monotonic() > deadline:
            raise NetworkFailure(f"the download took more than "
                                 f"{limits.DOWNLOAD_DEADLINE_SECONDS:g} s")
        try:
            out.write(chunk)
        except OSError as err:  # the disk, not the network: never "check the connection"
            raise SourceError(f"cannot save the download: {err.strerror or err}") from err
        if progress:
            progress(done, total)
    if total is not None and done < total:
        raise NetworkFailure(f"the connection closed after {done} of {total} bytes")


def _content_length(response: http.client.HTTPResponse) -> int | None:
    value = response.headers.get("Content-Length", "")
    return int(value) if value.strip().isdigit() else None


def _describe(reason: object, wait: float) -> str:
    """A few words for the cause: "no answer within 30 s", "connection refused", ..."""
    if isinstance(reason, TimeoutError) or "timed out" in str(reason):
        return f"no answer within {wait:g} s"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror[0].lower() + reason.strerror[1:]
    return str(reason) or type(reason).__name__
