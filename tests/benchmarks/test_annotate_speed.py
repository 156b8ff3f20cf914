"""Annotate throughput: the largest corpus paper and the bundled sample, equations per second."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.pipeline import annotate
from reader.sources.latex import load_latex

ROOT = Path(__file__).resolve().parents[2]


def _annotate(path: Path) -> int:
    return len(annotate(load_latex(path)).equations)


@pytest.mark.corpus
def test_largest_corpus_paper(benchmark, corpus: Path) -> None:
    paper = corpus / "latex" / "ciml-book"
    count = benchmark.pedantic(_annotate, args=(paper,), rounds=3, iterations=1)
    benchmark.extra_info["equations"] = count
    benchmark.extra_info["equations_per_s"] = round(count / benchmark.stats.stats.mean)


def test_sample_paper(benchmark) -> None:
    count = benchmark(_annotate, ROOT / "reader" / "sample" / "sample.tex")
    benchmark.extra_info["equations_per_s"] = round(count / benchmark.stats.stats.mean)
