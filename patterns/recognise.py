"""Find every catalogue pattern inside an equation tree.

Patterns are indexed by the kind of node their templates start with, so each sub-tree is tried
only against the few patterns that could match there: the cost grows with the tree plus the
matches, not with the catalogue times the tree.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from patterns.catalogue import Pattern
from patterns.constraints import CONSTRAINTS
from patterns.equivalences import exp_argument
from patterns.matcher import match
from patterns.tree import Add, Apply, BigOp, Group, Hole, Mul, Node, OpName, Script, Span

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Match:
    """One pattern found in one place, with its roles bound to the paper's sub-expressions."""

    pattern: Pattern
    node: Node
    bindings: dict[str, Node]

    @property
    def span(self) -> Span:
        return self.node.span


def index_key(node: Node) -> str:
    """A coarse key that a template's root and any sub-tree it can match share."""
    if isinstance(node, Script):
        return index_key(node.base) + "^"
    if isinstance(node, Group):
        return index_key(node.body) if node.body is not None else "Group"
    if isinstance(node, OpName):
        return "OpName:" + node.name.lower()
    if isinstance(node, BigOp):
        return "BigOp:" + node.op
    if isinstance(node, Apply):
        return "Apply"
    if isinstance(node, Hole):
        return "*"
    return type(node).__name__


class TemplateIndex(Generic[T]):
    """Templates indexed by the kind of node they can match, each with the item it belongs to.

    The catalogue indexes pattern templates and the glossary its cue templates; both then try a
    sub-tree only against the few templates that could match there.
    """

    def __init__(self, entries: Iterable[tuple[T, Node]]) -> None:
        self.by_key: dict[str, list[tuple[T, Node]]] = defaultdict(list)
        self.anywhere: list[tuple[T, Node]] = []
        for item, template in entries:
            key = index_key(template)
            bucket = self.anywhere if key.startswith("*") else self.by_key[key]
            bucket.append((item, template))

    def candidates(self, node: Node) -> list[tuple[T, Node]]:
        """The (item, template) pairs whose template could match at ``node``."""
        key = index_key(node)
        found = list(self.by_key.get(key, ()))
        if isinstance(node, Script):
            found += self.by_key.get(index_key(node.base), [])
        if isinstance(node, Add | Mul):
            found += self.by_key.get(type(node).__name__, [])
        if isinstance(node, Script) and exp_argument(node) is not None:
            found += self.by_key.get("Apply", [])  # ``e^{x}`` matches ``\exp(x)`` templates
        return found + self.anywhere


class Recogniser:
    """The catalogue indexed for matching."""

    def __init__(self, patterns: Iterable[Pattern]) -> None:
        self.patterns = list(patterns)
        self.index = TemplateIndex(
            (pattern, template) for pattern in self.patterns for template in pattern.templates
        )

    def candidates(self, node: Node) -> list[tuple[Pattern, Node]]:
        return self.index.candidates(node)

    def find(self, tree: Node) -> list[Match]:
        """Every match in ``tree``, outermost first; one per pattern and place."""
        found: list[Match] = []
        seen: set[tuple[str, Span]] = set()
        for node in tree.walk():
            for pattern, template in self.candidates(node):
                if (pattern.id, node.span) in seen:
                    continue
                bindings = self._first_valid(pattern, template, node)
                if bindings is not None:
                    seen.add((pattern.id, node.span))
                    found.append(Match(pattern, node, bindings))
        return _drop_nested(found)

    @staticmethod
    def _first_valid(pattern: Pattern, template: Node, node: Node) -> dict[str, Node] | None:
        for bindings in match(template, node):
            if all(CONSTRAINTS[c](bindings[r]) for r, c in pattern.where.items() if r in bindings):
                return bindings
        return None


def _inside(inner: Span, outer: Span) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1] and inner != outer


def _drop_nested(found: list[Match]) -> list[Match]:
    """Remove matches that sit inside a match their pattern says they do not count within."""
    kept = []
    for m in found:
        excluded = any(
            other.pattern.id in m.pattern.not_within and (
                _inside(m.span, other.span) or m.span == other.span
            )
            for other in found
            if other is not m
        )
        if not excluded:
            kept.append(m)
    return kept


def explain(m: Match, render: Callable[[Node], str]) -> str:
    """The pattern's summary with each ``{role}`` replaced by the paper's own expression."""
    values = {role: render(node) for role, node in m.bindings.items()}
    text = m.pattern.summary
    for role in m.pattern.roles:
        text = text.replace("{" + role + "}", values.get(role, "…"))
    return text
