"""Corpus symbols whose meaning was judged by hand stay judged.

Cases judged right must stay right. Cases the lookup got wrong are strict xfails: they document
a known mistake with its reason, and the day a change fixes one the test fails until its verdict
is updated, so the tally in the file stays true.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

import pytest

from reader.model import Paper
from reader.pipeline import annotate_equation, paper_definitions
from reader.sources.latex import load_latex

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "latex"
CASES = tomllib.loads((Path(__file__).parent / "hand_checked_symbols.toml").read_text("utf-8"))

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not CORPUS.is_dir(), reason="the corpus is not present"),
]


@cache
def _paper(document: str) -> Paper:
    return load_latex(CORPUS / document)


def _params() -> list:
    params = []
    for case in CASES["case"]:
        marks = ([pytest.mark.xfail(strict=True, reason=case["why"])]
                 if case["verdict"] == "wrong" else [])
        params.append(pytest.param(case, marks=marks,
                                   id=f"{case['document']}-{case['equation']}-{case['symbol']}"))
    return params


def test_at_least_thirty_decisions_were_judged():
    assert len(CASES["case"]) >= 30
    assert all(c["verdict"] in ("correct", "wrong") for c in CASES["case"])


@pytest.mark.parametrize("case", _params())
def test_hand_checked_meaning(case: dict) -> None:
    paper = _paper(case["document"])
    annotated = annotate_equation(paper.equation(case["equation"]), paper_definitions(paper))
    found = {s["latex"]: s for s in annotated.symbols}
    assert case["symbol"] in found, sorted(found)
    assert (found[case["symbol"]]["glossary"] or "none") == case["expected"]
