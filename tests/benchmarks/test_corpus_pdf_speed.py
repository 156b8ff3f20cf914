"""PDF annotate throughput on every PDF of the corpus: equations and pages per second.

``test_pdf_speed.py`` sets the transformer PDF beside the raw PyMuPDF floor; this module covers
the rest, because cost grows with pages and glyphs rather than equations: the 101-page
amortized-optimization book and the author-compiled PDFs of ``corpus/pdf`` (some with broken
math-font maps, which take another path) behave differently from a 15-page paper. The page
count is read with PyMuPDF outside the clock.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import sample_paper_path
from reader.pipeline import annotate
from reader.sources.latex import load_latex
from reader.sources.pdf import load_pdf

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
PDFS = sorted([*(CORPUS / "pdf").glob("*.pdf"), *(CORPUS / "pdf-from-latex").glob("*.pdf")])
"""Every corpus PDF (none without the corpus: pytest then skips the empty parameter set)."""


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    """Load the catalogue and glossary before any row is timed."""
    annotate(load_latex(sample_paper_path()))


def _annotate(path: Path) -> int:
    return len(annotate(load_pdf(path)).equations)


def _pages(path: Path) -> int:
    import pymupdf

    with pymupdf.open(path) as doc:
        return doc.page_count


@pytest.mark.corpus
@pytest.mark.parametrize("pdf_paper", PDFS, ids=[f"{pdf.parent.name}/{pdf.stem}" for pdf in PDFS])
def test_pdf_annotate_corpus_paper(benchmark, corpus: Path, pdf_paper: Path) -> None:
    pytest.importorskip("pymupdf")
    count = benchmark.pedantic(_annotate, args=(pdf_paper,), rounds=3, iterations=1)
    pages = _pages(pdf_paper)
    mean = benchmark.stats.stats.mean
    benchmark.extra_info["equations"] = count
    benchmark.extra_info["pages"] = pages
    benchmark.extra_info["equations_per_s"] = round(count / mean, 1)
    benchmark.extra_info["pages_per_s"] = round(pages / mean, 1)
    assert count > 0
