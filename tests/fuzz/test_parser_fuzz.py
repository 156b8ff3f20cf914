"""The parser and the printer: never raise, spans inside the input, parse(print(t)) == t.

Beyond ``tests/patterns/test_printer.py`` (generated well-formed formulas, a small soup): real
corpus equations after random edits, arbitrary Unicode, and nesting past the parser's depth limit.
"""

from __future__ import annotations

from hypothesis import given

from patterns.parser import parse_math
from patterns.printer import to_latex
from patterns.tree import Mul, Node, Symbol, Unparsed, unparsed_nodes
from patterns.unicode_text import to_text
from tests.fuzz.corpus import corpus_equations, needs_corpus
from tests.fuzz.harness import FUZZ, no_hang
from tests.fuzz.strategies import math_input, mutated_equation


def check_parse(latex: str) -> Node:
    """Everything that must hold for any input; returns the tree for further checks."""
    with no_hang(latex):
        tree = parse_math(latex)
        printed = to_latex(tree)
        text = to_text(tree)
    assert isinstance(printed, str) and isinstance(text, str)
    for node in tree.walk():
        start, end = node.span
        assert 0 <= start <= end <= len(latex), (node, latex)
    for problem in unparsed_nodes(tree):
        assert problem.reason, problem
    return tree


def check_round_trip(latex: str) -> None:
    tree = check_parse(latex)
    if unparsed_nodes(tree) or _sign_before_a_factor(tree):
        return
    printed = to_latex(tree)
    with no_hang(printed):
        again = parse_math(printed)
    if isinstance(again, Unparsed) and again.reason.startswith("nested deeper"):
        return  # known: canonical braces (x_{i}) add levels, and near the limit cross it
    assert again == tree, f"{latex!r} printed as {printed!r} reads back differently"


def _sign_before_a_factor(tree: Node) -> bool:
    """Known limitation: ``\\mathbb{E}\\right] x`` keeps 𝔼 apart from ``x`` only thanks to the
    stray ``\\right]`` that the parser skips; printed without it, 𝔼 takes ``x`` as its body."""
    return any(isinstance(node, Mul) and any(
        isinstance(f, Symbol) and f.name == "E" and f.font == "bb" for f in node.factors[:-1])
        for node in tree.walk())


@FUZZ
@given(math_input)
def test_any_input_parses_prints_and_round_trips(latex: str) -> None:
    check_round_trip(latex)


@needs_corpus
@FUZZ
@given(mutated_equation())
def test_mutated_real_equations_parse_and_round_trip(latex: str) -> None:
    check_round_trip(latex)


@needs_corpus
def test_every_corpus_equation_round_trips_when_it_parses() -> None:
    """The unmutated seeds first: a failure here is not the mutations' fault."""
    failures = []
    for latex in corpus_equations():
        try:
            check_round_trip(latex)
        except AssertionError as err:
            failures.append(str(err)[:300])
    assert not failures, f"{len(failures)} failures, e.g. {failures[:3]}"
