"""How long the PDF route takes next to the least any PDF route can take (informational).

The floor is one raw PyMuPDF pass over the same file: every page's ``rawdict`` text and its
drawings, which the route needs and cannot do without. ``extra_info`` records the route's time
as a multiple of the floor; neither is asserted (speed is measured, not asserted).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from reader.pipeline import annotate
from reader.sources.pdf import load_pdf

PAPER = Path("pdf-from-latex") / "transformer.pdf"


def _floor(path: Path) -> int:
    """One raw PyMuPDF pass: open, and each page's rawdict and drawings."""
    import pymupdf

    pages = 0
    with pymupdf.open(path) as doc:
        for page in doc:
            page.get_text("rawdict")
            page.get_drawings()
            pages += 1
    return pages


def _annotate(path: Path) -> int:
    return len(annotate(load_pdf(path)).equations)


def _best_of(function, path: Path, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        function(path)
        best = min(best, time.perf_counter() - started)
    return best


@pytest.mark.corpus
def test_pdf_annotate_transformer(benchmark, corpus: Path) -> None:
    pytest.importorskip("pymupdf")
    path = corpus / PAPER
    count = benchmark.pedantic(_annotate, args=(path,), rounds=3, iterations=1,
                               warmup_rounds=1)
    floor = _best_of(_floor, path)
    mean = benchmark.stats.stats.mean
    benchmark.extra_info["equations"] = count
    benchmark.extra_info["floor_s"] = round(floor, 4)
    benchmark.extra_info["times_floor"] = round(mean / floor, 1)
    assert count > 0


@pytest.mark.corpus
def test_pymupdf_floor_transformer(benchmark, corpus: Path) -> None:
    pytest.importorskip("pymupdf")
    pages = benchmark.pedantic(_floor, args=(corpus / PAPER,), rounds=5, iterations=1,
                               warmup_rounds=1)
    benchmark.extra_info["pages"] = pages
    assert pages > 0
