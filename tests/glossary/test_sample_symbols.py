"""Every symbol of the bundled sample paper is explained, by the glossary or by the paper."""

from __future__ import annotations

from reader.cli import sample_paper_path
from reader.pipeline import annotate
from reader.sources.latex import load_latex


def test_every_sample_symbol_resolves():
    annotated = annotate(load_latex(sample_paper_path()))
    symbols = [(item.equation.id, s) for item in annotated.equations for s in item.symbols]
    assert len(symbols) > 500
    unexplained = sorted({s["latex"] for _, s in symbols if not (s["glossary"] or s["definition"])})
    assert unexplained == []


def test_paper_definitions_sit_beside_the_glossary_meaning():
    annotated = annotate(load_latex(sample_paper_path()))
    sgd = next(item for item in annotated.equations if item.equation.label == "eq:sgd")
    eta = next(s for s in sgd.symbols if s["text"] == "η")
    assert eta["glossary"] == "learning_rate"
    assert eta["definition"]["text"] == "the learning rate"
    assert eta["definition"]["where"].startswith("section 4")
    assert eta["role"] == "lr in gradient descent"
