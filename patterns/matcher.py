"""Structural matching of template trees (with ``?holes``) against equation trees.

The equivalences that make one template cover many notations are declared here once, never in
templates: sums and products match up to order and grouping (a hole may absorb the extra terms
of a longer sum), ``\\cdot`` and juxtaposition are one product, bracket kinds do not matter,
``\\varepsilon`` is ``\\epsilon``, bold is not a different letter, a missing subscript or limit in
a template means "any", and a norm's order is optional.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields

from patterns.tree import (
    Add,
    BigOp,
    Expectation,
    Group,
    Hole,
    Mul,
    Node,
    Norm,
    Number,
    OpName,
    Script,
    Symbol,
)

Bindings = dict[str, Node]

_SAME_LETTER = {r"\varepsilon": r"\epsilon", r"\varphi": r"\phi", r"\vartheta": r"\theta",
                r"\varrho": r"\rho", r"\varsigma": r"\sigma", r"\varpi": r"\pi"}
_PRODUCT_OPS = {"": "", r"\cdot": "", "*": "", r"\times": r"\times"}
_OPTIONAL_IN_TEMPLATE = {Expectation: ("sub", "sup"), BigOp: ("lower", "upper")}
MAX_PERMUTATION_ITEMS = 8
"""Longer sums/products are matched only in order: bounds the commutative search."""


def _font(font: str) -> str:
    return "" if font == "bold" else font


def unwrap_group(node: Node) -> Node:
    """What a hole binds to a bracketed expression is its content."""
    while isinstance(node, Group) and node.open in ("(", "[") and node.body is not None:
        node = node.body
    return node


def match(template: Node, subject: Node, bindings: Bindings | None = None) -> Iterator[Bindings]:
    """Every way ``template`` matches ``subject`` exactly at its root."""
    yield from _match(template, subject, dict(bindings or {}))


def _match(t: Node, s: Node, b: Bindings) -> Iterator[Bindings]:
    if isinstance(t, Hole):
        yield from _bind(t.name, s, b)
        return
    if isinstance(t, Group) and t.body is not None and t.open in ("(", "["):
        if isinstance(s, Group) and s.open in ("(", "[") and s.body is not None:
            yield from _match(t.body, s.body, b)
        return
    if isinstance(t, Script):
        yield from _match_script(t, s, b)
        return
    if type(t) is not type(s):
        return
    if isinstance(t, Symbol):
        s_sym: Symbol = s  # type: ignore[assignment]
        if (_SAME_LETTER.get(t.name, t.name) == _SAME_LETTER.get(s_sym.name, s_sym.name)
                and _font(t.font) == _font(s_sym.font)):
            yield b
        return
    if isinstance(t, Number):
        if _same_number(t.text, s.text):  # type: ignore[attr-defined]
            yield b
        return
    if isinstance(t, OpName):
        if t.name.lower() == s.name.lower():  # type: ignore[attr-defined]
            yield b
        return
    if isinstance(t, Add):
        yield from _match_multiset(list(t.terms), list(s.terms), b, Add, "")  # type: ignore
        return
    if isinstance(t, Mul):
        s_mul: Mul = s  # type: ignore[assignment]
        if _PRODUCT_OPS.get(t.op, t.op) != _PRODUCT_OPS.get(s_mul.op, s_mul.op):
            return
        yield from _match_multiset(list(t.factors), list(s_mul.factors), b, Mul, s_mul.op)
        return
    yield from _match_fields(t, s, b)


def _same_number(a: str, b: str) -> bool:
    try:
        return float(a) == float(b)
    except ValueError:
        return a == b


def _bind(name: str, s: Node, b: Bindings) -> Iterator[Bindings]:
    value = unwrap_group(s)
    if name in b:
        if b[name] == value:
            yield b
        return
    out = dict(b)
    out[name] = value
    yield out


def _match_fields(t: Node, s: Node, b: Bindings) -> Iterator[Bindings]:
    """Field-by-field match for the remaining node types; template None may mean "any"."""
    optional = _OPTIONAL_IN_TEMPLATE.get(type(t), ())
    pairs: list[tuple[object, object]] = []
    for f in fields(t):
        if f.name == "span" or not f.compare:
            continue
        tv, sv = getattr(t, f.name), getattr(s, f.name)
        if tv is None and f.name in optional:
            continue
        pairs.append((tv, sv))
    yield from _match_pairs(pairs, b)


def _match_pairs(pairs: list[tuple[object, object]], b: Bindings) -> Iterator[Bindings]:
    if not pairs:
        yield b
        return
    (tv, sv), rest = pairs[0], pairs[1:]
    if isinstance(tv, Node):
        if not isinstance(sv, Node):
            return
        for b2 in _match(tv, sv, b):
            yield from _match_pairs(rest, b2)
    elif isinstance(tv, tuple):
        if not isinstance(sv, tuple) or len(tv) != len(sv):
            return
        yield from _match_pairs(list(zip(tv, sv, strict=True)) + rest, b)
    elif tv is None:
        if sv is None:
            yield from _match_pairs(rest, b)
    elif tv == sv:
        yield from _match_pairs(rest, b)


def _match_script(t: Script, s: Node, b: Bindings) -> Iterator[Bindings]:
    if not isinstance(s, Script):
        return
    if t.primes != s.primes:
        return
    base_pairs: list[tuple[object, object]] = [(t.sup, s.sup)]
    if t.sub is not None:
        yield from _match_pairs([(t.base, s.base), (t.sub, s.sub)] + base_pairs, b)
        return
    if s.sub is None:
        yield from _match_pairs([(t.base, s.base)] + base_pairs, b)
        return
    # The template has no subscript but the subject does: a hole base takes ``x_i`` whole;
    # a norm ignores its order (``\|x\|^2`` covers ``\|x\|_2^2``).
    if isinstance(t.base, Hole):
        whole = Script(s.base, s.sub, span=(s.base.span[0], s.sub.span[1]))
        yield from _match_pairs([(t.base, whole)] + base_pairs, b)
    elif isinstance(t.base, Norm):
        yield from _match_pairs([(t.base, s.base)] + base_pairs, b)


def _match_multiset(ts: list[Node], ss: list[Node], b: Bindings, kind: type,
                    op: str) -> Iterator[Bindings]:
    """Match template items to subject items in any order; one bare hole may take the rest."""
    if len(ts) > len(ss):
        return
    if len(ss) > MAX_PERMUTATION_ITEMS:
        if len(ts) == len(ss):
            yield from _match_pairs(list(zip(ts, ss, strict=True)), b)
        return
    fixed = [t for t in ts if not isinstance(t, Hole)]
    holes = [t for t in ts if isinstance(t, Hole)]
    if len(ss) > len(ts) and not holes:
        return
    for b2, rest in _assign(fixed, ss, b):
        yield from _assign_holes(holes, rest, b2, kind, op)


def _assign(ts: list[Node], ss: list[Node], b: Bindings) -> Iterator[tuple[Bindings, list[Node]]]:
    if not ts:
        yield b, ss
        return
    first, others = ts[0], ts[1:]
    for i, s in enumerate(ss):
        for b2 in _match(first, s, b):
            yield from _assign(others, ss[:i] + ss[i + 1 :], b2)


def _assign_holes(holes: list[Node], ss: list[Node], b: Bindings, kind: type,
                  op: str) -> Iterator[tuple[Bindings]]:
    if not holes:
        if not ss:
            yield b
        return
    if len(holes) == 1:
        if not ss:
            return
        value = ss[0] if len(ss) == 1 else _rebuild(kind, ss, op)
        yield from _match(holes[0], value, b)
        return
    for i, s in enumerate(ss):
        for b2 in _match(holes[0], s, b):
            yield from _assign_holes(holes[1:], ss[:i] + ss[i + 1 :], b2, kind, op)


def _rebuild(kind: type, items: list[Node], op: str) -> Node:
    ordered = sorted(items, key=lambda n: n.span[0])
    span = (ordered[0].span[0], ordered[-1].span[1])
    if kind is Add:
        return Add(tuple(ordered), span=span)
    return Mul(tuple(ordered), op, span=span)
