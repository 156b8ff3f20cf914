"""Fixtures shared by the arXiv tests: a private download cache and the local arXiv server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.reader.arxiv_server import ArxivServer, serve_arxiv


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    """The download cache of one test (EQLENS_CACHE_DIR points here while ``server`` runs)."""
    return tmp_path / "cache"


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch, cache: Path) -> Iterator[ArxivServer]:
    """arXiv on 127.0.0.1 (EQLENS_ARXIV_URL points at it); stopped after the test."""
    with serve_arxiv(monkeypatch, cache) as running:
        yield running
