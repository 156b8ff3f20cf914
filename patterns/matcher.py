"""Structural matching of template trees (with ``?holes``) against equation trees.

The equivalences that make one template cover many notations are declared here once, never in
templates: sums and products match up to order and grouping (a hole may absorb the extra terms
of a longer sum), ``\\cdot`` and juxtaposition are one product, bracket kinds do not matter,
``\\varepsilon`` is ``\\epsilon``, bold is not a different letter, a missing subscript or limit in
a template means "any", and a norm's order is optional.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import fields

from patterns.equivalences import (
    canonical_letter,
    exp_argument,
    is_difference,
    is_transpose,
    letter_font,
    mirrored_relation,
    negated,
    parameter_list,
    same_relation,
    same_word,
)
from patterns.limits import MAX_PERMUTATION_ITEMS
from patterns.tree import (
    Abs,
    Add,
    Apply,
    BigOp,
    Expectation,
    Group,
    Hole,
    Mul,
    Node,
    Norm,
    Number,
    OpName,
    Relation,
    Script,
    Seq,
    Symbol,
    Text,
    covering_span,
)

Bindings = dict[str, Node]

_PRODUCT_OPS = {"": "", r"\cdot": "", "*": "", r"\times": r"\times", r"\odot": ""}
"""Product spellings that mean the same; ``\\odot`` (elementwise) counts as an ordinary product,
since no pattern's meaning turns on the difference (``\\sigma \\odot \\epsilon`` vs ``\\sigma
\\epsilon``)."""
_OPTIONAL_IN_TEMPLATE = {Expectation: ("sub", "sup"), BigOp: ("lower", "upper")}


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
    if isinstance(s, Group) and s.open in ("(", "[") and s.body is not None:
        # Redundant brackets in the paper do not hide what is inside them.
        yield from _match(t, s.body, b)
        return
    if (t_exp := exp_argument(t)) is not None:
        if (s_exp := exp_argument(s)) is not None:
            yield from _match(t_exp, s_exp, b)
        return
    handler = _BEFORE_TYPE_CHECK.get(type(t))
    if handler is not None:
        yield from handler(t, s, b)
        return
    if isinstance(t, Symbol) and _only_subscripted(s):
        # A template letter without a subscript covers the subscripted letter: ``D`` is
        # also ``D_\phi``, ``\nabla`` also ``\nabla_\theta``.
        yield from _match(t, s.base, b)  # type: ignore[attr-defined]
        return
    if type(t) is not type(s):
        return
    yield from _SAME_TYPE.get(type(t), _match_fields)(t, s, b)


def _only_subscripted(s: Node) -> bool:
    return isinstance(s, Script) and s.sub is not None and s.sup is None and not s.primes


def _match_word(t: Node, s: Node, b: Bindings) -> Iterator[Bindings]:
    """Operator names compare as words (``\\mathrm{KL}`` = ``KL`` = ``D_{KL}``), and like
    letters they cover a subscripted form (``\\mathrm{Var}_{x \\sim p}``)."""
    if same_word(t, s):
        yield b
    elif _only_subscripted(s):
        yield from _match(t, s.base, b)  # type: ignore[attr-defined]


def _match_symbol(t: Symbol, s: Symbol, b: Bindings) -> Iterator[Bindings]:
    if t.name == r"\top":
        same = is_transpose(s)
    else:
        same = (canonical_letter(t.name) == canonical_letter(s.name)
                and letter_font(t.font) == letter_font(s.font))
    if same:
        yield b


def _match_number(t: Number, s: Number, b: Bindings) -> Iterator[Bindings]:
    if _same_number(t.text, s.text):
        yield b


def _match_apply(t: Apply, s: Apply, b: Bindings) -> Iterator[Bindings]:
    """Calls: ``max``/``min`` ignore argument order, ``;`` and ``|`` both separate a density's
    parameters, and a lone hole argument takes the whole argument list (``\\epsilon_\theta(?in)``
    covers ``\\epsilon_\theta(x_t, t)``)."""
    args = parameter_list(s.args) if t.seps[:1] == (";",) else s.args
    if len(t.args) == 1 and isinstance(t.args[0], Hole) and len(args) > 1:
        args = (Seq(args, s.seps, span=covering_span(args)),)
    if isinstance(t.head, OpName) and t.head.name in _SYMMETRIC_CALLS:
        for b2 in _match(t.head, s.head, b):
            yield from _match_multiset(list(t.args), list(args), b2, Seq, "")
        return
    yield from _match_pairs([(t.head, s.head), (t.args, args)], b)


def _match_add(t: Add, s: Add, b: Bindings) -> Iterator[Bindings]:
    yield from _match_multiset(list(t.terms), list(s.terms), b, Add, "")


def _match_mul(t: Mul, s: Mul, b: Bindings) -> Iterator[Bindings]:
    if _PRODUCT_OPS.get(t.op, t.op) == _PRODUCT_OPS.get(s.op, s.op):
        yield from _match_multiset(list(t.factors), list(s.factors), b, Mul, s.op)


def _match_bars(t: Norm | Abs, s: Norm | Abs, b: Bindings) -> Iterator[Bindings]:
    """``\\|a - b\\|`` and ``\\|b - a\\|`` are the same length."""
    yield from _match(t.body, s.body, b)
    if is_difference(s.body):
        yield from _match(t.body, negated(s.body), b)  # type: ignore[arg-type]


def _match_relation(t: Relation, s: Node, b: Bindings) -> Iterator[Bindings]:
    """A template relation matches any run of the same length inside a longer chain, and a
    one-step inequality also matches its mirror image (``a \\le b`` is ``b \\ge a``)."""
    if not isinstance(s, Relation) or len(t.ops) > len(s.ops):
        return
    width = len(t.ops)
    for start in range(len(s.ops) - width + 1):
        ops = s.ops[start : start + width]
        window = s.operands[start : start + width + 1]
        if all(same_relation(a, c) for a, c in zip(t.ops, ops, strict=True)):
            yield from _match_pairs(list(zip(t.operands, window, strict=True)), b)
        elif width == 1 and same_relation(t.ops[0], mirrored_relation(ops[0])):
            yield from _match_pairs(list(zip(t.operands, reversed(window), strict=True)), b)


def _same_number(a: str, b: str) -> bool:
    try:
        return float(a) == float(b)
    except ValueError:
        return a == b


def _bind(name: str, s: Node, b: Bindings) -> Iterator[Bindings]:
    value = unwrap_group(s)
    if name in b:
        if same_tree(b[name], value):
            yield b
        return
    out = dict(b)
    out[name] = value
    yield out


def same_tree(a: Node, b: Node) -> bool:
    """Whether a repeated hole sees the same expression twice: equal trees, up to the letter
    variants and bold that never change meaning (``\\varepsilon`` and ``\\epsilon``)."""
    if a == b:
        return True
    if type(a) is not type(b):
        return False
    if isinstance(a, Symbol):
        return canonical_letter(a.name) == canonical_letter(b.name) and \
            letter_font(a.font) == letter_font(b.font)  # type: ignore[attr-defined]
    for f in fields(a):
        if f.name == "span" or not f.compare:
            continue
        av, bv = getattr(a, f.name), getattr(b, f.name)
        if isinstance(av, Node) and isinstance(bv, Node):
            if not same_tree(av, bv):
                return False
        elif isinstance(av, tuple) and isinstance(bv, tuple) and len(av) == len(bv):
            if not all(same_tree(x, y) if isinstance(x, Node) and isinstance(y, Node)
                       else x == y for x, y in zip(av, bv, strict=True)):
                return False
        elif av != bv:
            return False
    return True


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
    if _is_square(t) and isinstance(t.base, Group) and isinstance(s.base, Group) \
            and is_difference(s.base.body) and t.sub is None and s.sub is None:
        # ``(a - b)^2`` and ``(b - a)^2`` are one square.
        flipped = Group(s.base.open, s.base.close, negated(s.base.body),  # type: ignore[arg-type]
                        span=s.base.span)
        yield from _match_pairs([(t.base, s.base)] + base_pairs, b)
        yield from _match_pairs([(t.base, flipped)] + base_pairs, b)
        return
    if t.sub is not None:
        yield from _match_pairs([(t.base, s.base), (t.sub, s.sub)] + base_pairs, b)
        return
    if s.sub is None:
        yield from _match_pairs([(t.base, s.base)] + base_pairs, b)
        return
    # The template has no subscript but the subject does: a hole base takes ``x_i`` whole;
    # a norm ignores its order (``\|x\|^2`` covers ``\|x\|_2^2``).
    if isinstance(t.base, Hole):
        whole = Script(s.base, s.sub, span=covering_span((s.base, s.sub)))
        yield from _match_pairs([(t.base, whole)] + base_pairs, b)
    elif isinstance(t.base, Norm | Symbol):
        # A letter covers its subscripted form here too: ``W^{K}`` is also ``W_i^{K}``.
        yield from _match_pairs([(t.base, s.base)] + base_pairs, b)


def _is_square(t: Script) -> bool:
    return isinstance(t.sup, Number) and t.sup.text == "2"


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
    span = covering_span(ordered)
    if kind is Add:
        return Add(tuple(ordered), span=span)
    if kind is Seq:
        return Seq(tuple(ordered), span=span)
    return Mul(tuple(ordered), op, span=span)


_SYMMETRIC_CALLS = frozenset({"max", "min"})
"""Calls whose arguments can be written in any order."""

_BEFORE_TYPE_CHECK: dict[type, Callable[..., Iterator[Bindings]]] = {
    Script: _match_script, Relation: _match_relation, OpName: _match_word, Text: _match_word,
}
"""Template kinds that may match a subject of another kind."""

_SAME_TYPE: dict[type, Callable[..., Iterator[Bindings]]] = {
    Symbol: _match_symbol, Number: _match_number, Apply: _match_apply, Add: _match_add,
    Mul: _match_mul, Norm: _match_bars, Abs: _match_bars,
}
"""Node kinds with their own notion of sameness; the rest compare field by field."""
