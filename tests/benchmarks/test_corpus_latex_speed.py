"""LaTeX annotate throughput on every paper of the corpus, equations per second.

``test_annotate_speed.py`` times the largest paper; papers differ in what costs (ciml-book is
inline-heavy, flow-matching has 512 macros, deepseek-v3 a 288-macro command file), so each
corpus folder gets its own row. The bundled sample is annotated once per module first, so the
first row does not pay for loading the catalogue and glossary (about 0.1 s, a large share of a
small paper). Before the clock starts each paper is loaded once, which tells how much of the
time is reading the source (``load_s``) rather than annotating it. A folder whose main file
reaches no equation (dlbook-zh: its ``\\input`` parts are not in the corpus) is skipped with
the source's own warnings, since the throughput of nothing means nothing.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from reader.cli import sample_paper_path
from reader.pipeline import annotate
from reader.sources.latex import load_latex

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
PAPERS = sorted(folder for folder in (CORPUS / "latex").glob("*") if folder.is_dir())
"""Every corpus folder (none without the corpus: pytest then skips the empty parameter set)."""


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    """Load the catalogue and glossary before any row is timed."""
    _annotate(sample_paper_path())


def _annotate(path: Path) -> int:
    return len(annotate(load_latex(path)).equations)


@pytest.mark.corpus
@pytest.mark.parametrize("latex_paper", PAPERS, ids=[folder.name for folder in PAPERS])
def test_latex_annotate_corpus_paper(benchmark, corpus: Path, latex_paper: Path) -> None:
    started = time.perf_counter()
    paper = load_latex(latex_paper)
    load_s = time.perf_counter() - started
    if not paper.equations:
        first = paper.warnings[0] if paper.warnings else "no warning"
        pytest.skip(f"{latex_paper.name}: the main file reaches no equations "
                    f"({len(paper.warnings)} warnings, first: {first})")
    count = benchmark.pedantic(_annotate, args=(latex_paper,), rounds=3, iterations=1)
    benchmark.extra_info["equations"] = count
    benchmark.extra_info["display"] = sum(eq.display for eq in paper.equations)
    benchmark.extra_info["load_s"] = round(load_s, 3)
    benchmark.extra_info["equations_per_s"] = round(count / benchmark.stats.stats.mean)
    assert count == len(paper.equations)
