"""Named predicates a pattern file can put on a role (``[where] target = "not_number"``).

The escape hatch for what structure alone cannot say. Each predicate gets the bound sub-tree and
answers whether the binding is acceptable; pattern files refer to them by name only.
"""

from __future__ import annotations

from collections.abc import Callable

from patterns.tree import Apply, Number, OpName, Script, Symbol
from patterns.tree import Node as _Node


def _not_number(node: _Node) -> bool:
    """The role must not be a bare numeral (``(x - 1)^2`` is no prediction error)."""
    return not isinstance(node, Number)


def _looks_like_distribution(node: _Node) -> bool:
    """A density or distribution: ``p(x)``, ``q_\\phi(z|x)``, ``\\mathcal{N}(...)``, ``p``."""
    if isinstance(node, Apply):
        node = node.head
    while isinstance(node, Script):
        node = node.base
    return isinstance(node, Symbol) and (
        node.name in ("p", "q", "P", "Q", r"\pi", r"\rho") or node.font == "cal"
    )


def _is_exponential(node: _Node) -> bool:
    """``\\exp`` or ``e``: the base of an exponential."""
    return (isinstance(node, OpName) and node.name == "exp") or (
        isinstance(node, Symbol) and node.name == "e"
    )


def _is_zero(node: _Node) -> bool:
    return isinstance(node, Number) and float(node.text) == 0.0


def _is_one(node: _Node) -> bool:
    return isinstance(node, Number) and float(node.text) == 1.0


CONSTRAINTS: dict[str, Callable[[_Node], bool]] = {
    "not_number": _not_number,
    "distribution": _looks_like_distribution,
    "exponential": _is_exponential,
    "zero": _is_zero,
    "one": _is_one,
}
"""Every constraint a pattern file may name."""
