"""The typed math tree that every later stage reads.

Equality ignores source spans and purely typographic choices (which bracket a function call used,
``/`` versus ``\\frac``), so equivalent spellings of one formula give equal trees and the matcher
can compare structure directly. Every node still keeps its ``span`` into the LaTeX it came from,
so anything on screen maps back to the source.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, fields

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Node:
    """Base of every tree node."""

    span: Span = field(default=(0, 0), compare=False, repr=False, kw_only=True)
    """Start and end offsets into the parsed LaTeX string."""

    def children(self) -> Iterator[Node]:
        """The direct sub-nodes, in source order."""
        for f in fields(self):
            if f.name == "span" or not f.compare:
                continue
            value = getattr(self, f.name)
            if isinstance(value, Node):
                yield value
            elif isinstance(value, tuple):
                for item in value:
                    if isinstance(item, Node):
                        yield item
                    elif isinstance(item, tuple):
                        yield from (x for x in item if isinstance(x, Node))

    def walk(self) -> Iterator[Node]:
        """This node and all its descendants, depth first, parents before children."""
        stack: list[Node] = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(list(node.children())))


@dataclass(frozen=True, slots=True)
class Symbol(Node):
    """A letter or named glyph: ``x``, ``\\alpha``, ``\\nabla``, ``\\infty``."""

    name: str
    """``x`` or the canonical control word (``\\epsilon``; ``\\varepsilon`` stays distinct)."""
    font: str = ""
    """"" (math italic), bold, cal, bb, frak, scr, rm, sf, tt."""


@dataclass(frozen=True, slots=True)
class Number(Node):
    """A numeral as written: ``2``, ``0.5``."""

    text: str
    font: str = ""


@dataclass(frozen=True, slots=True)
class OpName(Node):
    """A named operator: ``log``, ``exp``, ``softmax``, ``KL``, ``Var``, ``argmin``, ``max``."""

    name: str


@dataclass(frozen=True, slots=True)
class Text(Node):
    """``\\text{...}`` prose inside math, kept verbatim."""

    text: str


@dataclass(frozen=True, slots=True)
class Accent(Node):
    """An accent over a sub-expression; ``\\widehat`` is a hat, ``\\overline`` a bar."""

    kind: str
    """hat, bar, tilde, dot, ddot, vec, check, breve, acute, grave, ring."""
    body: Node


@dataclass(frozen=True, slots=True)
class Script(Node):
    """A base with subscript, superscript and/or primes: ``x_i^2``, ``f'``, ``W^\\top``."""

    base: Node
    sub: Node | None = None
    sup: Node | None = None
    primes: int = 0


@dataclass(frozen=True, slots=True)
class Add(Node):
    """A sum of terms; subtracted terms are :class:`Neg`, ``\\pm`` ones :class:`PlusMinus`."""

    terms: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Neg(Node):
    """A negated term: ``-x`` alone or as the subtracted part of a sum."""

    body: Node


@dataclass(frozen=True, slots=True)
class PlusMinus(Node):
    """A term added with ``\\pm`` (or ``\\mp``)."""

    body: Node
    sign: str = r"\pm"


@dataclass(frozen=True, slots=True)
class Mul(Node):
    """A product chain with one operator: implicit (""), ``\\cdot``, ``\\times``, ``\\odot``..."""

    factors: tuple[Node, ...]
    op: str = ""


@dataclass(frozen=True, slots=True)
class Frac(Node):
    """A fraction; ``a/b``, ``\\frac``, ``\\dfrac``, ``\\tfrac`` and ``\\over`` are equal."""

    num: Node
    den: Node
    slash: bool = field(default=False, compare=False)
    """Written inline as ``a/b`` (only affects printing)."""


@dataclass(frozen=True, slots=True)
class Sqrt(Node):
    """A root, with an optional index: ``\\sqrt[3]{x}``."""

    body: Node
    index: Node | None = None


@dataclass(frozen=True, slots=True)
class Apply(Node):
    """A function or operator applied to arguments: ``f(x, y)``, ``\\log p(x)``, ``\\nabla L``."""

    head: Node
    args: tuple[Node, ...]
    bracket: str = field(default="(", compare=False)
    """How the arguments were written: "(", "[", "\\{", "{" (macro args) or "" (``\\log x``)."""
    seps: tuple[str, ...] = field(default=(), compare=False)
    """Separators between arguments as written (",", ";", "\\|")."""


@dataclass(frozen=True, slots=True)
class Conditional(Node):
    """``a | b`` inside a probability: ``p(x \\mid z)``."""

    given: Node
    condition: Node


@dataclass(frozen=True, slots=True)
class BigOp(Node):
    """A big operator with limits: ``\\sum_{i=1}^n``, ``\\int``, ``\\max_x``, ``\\arg\\min_x``."""

    op: str
    """sum, prod, int, iint, oint, max, min, sup, inf, lim, argmin, argmax, bigcup, bigcap."""
    body: Node | None
    lower: Node | None = None
    upper: Node | None = None


@dataclass(frozen=True, slots=True)
class Differential(Node):
    """The ``dx`` that closes an integral."""

    var: Node


@dataclass(frozen=True, slots=True)
class Expectation(Node):
    """``\\mathbb{E}_{x \\sim p}[f(x)]`` in any spelling."""

    body: Node | None
    sub: Node | None = None
    sup: Node | None = None


@dataclass(frozen=True, slots=True)
class Group(Node):
    """A bracketed sub-expression: ``(a + b)``, ``[0, 1)``, ``\\{x_i\\}``."""

    open: str
    close: str
    body: Node | None


@dataclass(frozen=True, slots=True)
class Norm(Node):
    """``\\|x\\|`` in any spelling; its order and power are a :class:`Script` around it."""

    body: Node


@dataclass(frozen=True, slots=True)
class Abs(Node):
    """``|x|``: absolute value, determinant bars or set size."""

    body: Node


@dataclass(frozen=True, slots=True)
class Angle(Node):
    """``\\langle u, v \\rangle``."""

    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Seq(Node):
    """A comma (or semicolon) separated list: ``x, y``."""

    items: tuple[Node, ...]
    seps: tuple[str, ...] = field(default=(), compare=False)


@dataclass(frozen=True, slots=True)
class Relation(Node):
    """A chain of relations: ``a = b``, ``0 \\le x < 1``, ``\\theta \\leftarrow \\theta - g``."""

    ops: tuple[str, ...]
    operands: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Postfix(Node):
    """A postfix operator such as the factorial ``n!``."""

    body: Node
    op: str


@dataclass(frozen=True, slots=True)
class Matrix(Node):
    """Matrices, ``cases`` and arrays: rows of cells."""

    kind: str
    rows: tuple[tuple[Node, ...], ...]


@dataclass(frozen=True, slots=True)
class Rows(Node):
    """A multi-line display whose lines are separate statements (``aligned`` with two ``=``)."""

    rows: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Brace(Node):
    """``\\underbrace{body}_{label}`` or ``\\overbrace{body}^{label}``."""

    kind: str
    body: Node
    label: Node | None = None


@dataclass(frozen=True, slots=True)
class Unparsed(Node):
    """What could not be understood, with the reason; the rest of the tree still parses."""

    source: str
    reason: str = field(compare=False)


@dataclass(frozen=True, slots=True)
class Hole(Node):
    """A template hole ``?name``: matches any sub-expression (only in pattern templates)."""

    name: str


def covering_span(nodes: Sequence[Node]) -> Span:
    """From the first to the last of ``nodes`` that has source: the empty operand (``p{}``,
    nothing before ``\\cdot``) is one shared ``Seq(())`` whose span (0, 0) says nothing of
    where it stands, so a product or binding that includes it must not stretch to offset 0."""
    spans = [n.span for n in nodes if not (isinstance(n, Seq) and not n.items)] or [
        n.span for n in nodes if n.span != (0, 0)] or [(0, 0)]
    return (min(start for start, _ in spans), max(end for _, end in spans))


def unparsed_nodes(tree: Node) -> list[Unparsed]:
    """Every place in ``tree`` that the parser could not understand."""
    return [node for node in tree.walk() if isinstance(node, Unparsed)]
