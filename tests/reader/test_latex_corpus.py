"""The real papers in ../shared/corpus: all load, and numbers agree with the compiled PDFs."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from reader.sources.latex import load_latex

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
PAPERS = sorted(p.name for p in (CORPUS / "latex").iterdir()) if CORPUS.is_dir() else []

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent"),
]


@pytest.mark.parametrize("name", PAPERS)
def test_every_corpus_paper_loads(name):
    paper = load_latex(CORPUS / "latex" / name)
    assert paper.title
    ids = [eq.id for eq in paper.equations]
    assert ids == [f"eq-{i}" for i in range(1, len(ids) + 1)]
    assert all(eq.file and eq.line for eq in paper.equations)
    assert set(paper.labels.values()) <= set(ids)


def _check_numbering_module():
    spec = importlib.util.spec_from_file_location(
        "check_numbering", ROOT / "scripts" / "check_numbering.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


def test_numbers_match_the_compiled_pdfs():
    pytest.importorskip("pymupdf")
    results = _check_numbering_module().compare_corpus(CORPUS)
    assert len(results) == 5
    for result in results:
        assert result.printed > 0, result.paper
        assert result.share >= 0.95, result
