"""On the real-paper corpus, display equations parse fully, or fail for a reason of their own.

An equation whose brackets do not balance in the paper's source (LaTeX does not check them) cannot
give a faithful tree; the parser must say so rather than guess. Everything else must parse.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from patterns.parser import parse_math
from patterns.tree import unparsed_nodes

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "latex"
PAPERS = sorted(p.name for p in CORPUS.iterdir() if p.is_dir()) if CORPUS.is_dir() else []


def source_brackets_balance(latex: str) -> bool:
    """An independent count of (), [] and {} in the source, ignoring \\{ \\} and \\left./\\right."""
    text = re.sub(r"\\[{}]|\\left\.|\\right\.", "", latex)
    return all(text.count(a) == text.count(b) for a, b in ("()", "[]", "{}"))


@pytest.mark.corpus
@pytest.mark.parametrize("name", PAPERS)
def test_display_equations_parse(name: str) -> None:
    from reader.sources.latex import load_latex

    display = [e for e in load_latex(CORPUS / name).equations if e.display]
    ours = []
    for eq in display:
        problems = unparsed_nodes(parse_math(eq.latex))
        assert all(p.reason for p in problems)
        if problems and source_brackets_balance(eq.latex) and "environment" not in str(
            [p.reason for p in problems]
        ):
            ours.append(eq.latex)
    assert len(ours) <= 0.02 * len(display), ours[:5]


def test_the_bracket_counter_itself() -> None:
    assert source_brackets_balance(r"\left\{ f(x) \right.")
    assert not source_brackets_balance(r"\frac{a}{b)}")
