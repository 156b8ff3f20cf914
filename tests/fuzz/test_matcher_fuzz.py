"""The matcher on fuzzed trees: the whole catalogue, never an exception, matches inside the tree.

A match's ``node`` is a sub-tree of the equation (the same object). Its bindings are sub-trees
too, or are assembled from sub-trees when a template role covers part of a node: the rest of a
longer sum or product, ``x_i`` for a hole base, an argument list, or ``a - b`` read as ``b - a``
inside a norm or a square. Either way every binding lies within its match's span, which is what
the reader relies on to highlight and quote it.
"""

from __future__ import annotations

from hypothesis import given

from patterns.parser import parse_math
from patterns.tree import Node
from reader.pipeline import recogniser
from tests.fuzz.corpus import needs_corpus
from tests.fuzz.harness import FUZZ, no_hang
from tests.fuzz.strategies import math_input, mutated_equation


def made_of_subtrees(node: Node, pool: set[int]) -> bool:
    """``node`` is one of ``pool``'s nodes, or a new node whose children all are (recursively)."""
    if id(node) in pool:
        return True
    children = list(node.children())
    return bool(children) and all(made_of_subtrees(child, pool) for child in children)


def check_matches(latex: str) -> None:
    with no_hang(latex):
        tree = parse_math(latex)
        matches = recogniser().find(tree)
    nodes = {id(node) for node in tree.walk()}
    for m in matches:
        assert id(m.node) in nodes, (m.pattern.id, latex)
        start, end = m.span
        inside = {id(node) for node in m.node.walk()}
        for role, bound in m.bindings.items():
            assert made_of_subtrees(bound, inside), (m.pattern.id, role, bound, latex)
            if bound.span != (0, 0):  # the shared empty operand has no place
                assert start <= bound.span[0] <= bound.span[1] <= end, (m.pattern.id, role, latex)


@FUZZ
@given(math_input)
def test_matching_any_input_stays_inside_the_tree(latex: str) -> None:
    check_matches(latex)


@needs_corpus
@FUZZ
@given(mutated_equation())
def test_matching_mutated_real_equations_stays_inside_the_tree(latex: str) -> None:
    check_matches(latex)
