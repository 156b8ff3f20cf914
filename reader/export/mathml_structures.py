"""MathML for the structures: sums and products, relations, function calls, brackets and norms,
big operators, expectations, matrices and multi-line displays.

Operators and fences have no node of their own in the tree, so their titles (``∼``, ``∣``, the
bars of ``‖·‖``) are found by ``Printer.gap`` in the source between the neighbouring children.
"""

from __future__ import annotations

from patterns import tree as t
from patterns.unicode_text import glyph
from reader.export.mathml_glyphs import BIG_OPERATORS, INTEGRALS, MATRIX_FENCES, NAMED_OPERATORS
from reader.export.mathml_printer import Printer, draw, el, mo, row

_FENCES = {"\\{": "{", "\\}": "}", "\\langle": "⟨", "\\rangle": "⟩", "\\|": "‖", ".": "",
           "\\lfloor": "⌊", "\\rfloor": "⌋", "\\lceil": "⌈", "\\rceil": "⌉", "\\vert": "|",
           "\\Vert": "‖", "\\lvert": "|", "\\rvert": "|"}
_THIN = el("mspace", width="0.167em")


def _operator_like(node: t.Node) -> bool:
    """``log p``, ``exp(x)``, ``∑``: what TeX sets as an operator, with space before it."""
    if isinstance(node, t.Apply):
        node = node.head
    if isinstance(node, t.Script):
        node = node.base
    return isinstance(node, t.OpName | t.BigOp)


def _sign(term: t.PlusMinus) -> str:
    return "±" if term.sign == r"\pm" else "∓"


@draw.register
def _(node: t.Add, p: Printer) -> str:
    parts: list[str] = []
    for i, term in enumerate(node.terms):
        if isinstance(term, t.Neg):
            body = p.paren(term.body) if isinstance(term.body, t.Add) else p.node(term.body)
            parts += [mo("−"), body]
        elif isinstance(term, t.PlusMinus):
            parts += [mo(_sign(term)), p.node(term.body)]
        else:
            parts += ([mo("+")] if i else []) + [p.node(term)]
    return row(*parts)


@draw.register
def _(node: t.Neg, p: Printer) -> str:
    return row(mo("−"), p.paren(node.body) if isinstance(node.body, t.Add) else p.node(node.body))


@draw.register
def _(node: t.PlusMinus, p: Printer) -> str:
    return row(mo(_sign(node)), p.node(node.body))


@draw.register
def _(node: t.Mul, p: Printer) -> str:
    op = glyph(node.op) if node.op.startswith("\\") else node.op
    parts: list[str] = []
    for i, factor in enumerate(node.factors):
        if i and op:
            parts.append(p.gap(mo(op), node.factors[i - 1].span[1], factor.span[0]))
        elif i and _operator_like(factor):
            parts.append(_THIN)
        parts.append(p.paren(factor) if isinstance(factor, t.Add | t.Relation)
                     else p.node(factor))
    return row(*parts)


@draw.register
def _(node: t.Apply, p: Printer) -> str:
    head = p.node(node.head)
    seps = ["‖" if s in ("\\|", "\\Vert") else glyph(s) for s in node.seps]
    args: list[str] = []
    for i, arg in enumerate(node.args):
        if i:
            args.append(mo(seps[i - 1] if i - 1 < len(seps) else ","))
        args.append(p.node(arg))
    if node.bracket == "":
        return row(head, mo("\u2061"), _THIN, *args)
    open_, close = {"[": ("[", "]"), "\\{": ("{", "}")}.get(node.bracket, ("(", ")"))
    return row(head, mo("\u2061"), row(mo(open_), *args, mo(close)))


@draw.register
def _(node: t.Conditional, p: Printer) -> str:
    bar = p.gap(mo("∣"), node.given.span[1], node.condition.span[0])
    return row(p.node(node.given), bar, p.node(node.condition))


@draw.register
def _(node: t.BigOp, p: Printer) -> str:
    children = [n for n in (node.lower, node.upper, node.body) if n is not None]
    first = min((n.span[0] for n in children), default=node.span[1])
    name = BIG_OPERATORS.get(node.op) or NAMED_OPERATORS.get(node.op, node.op)
    integral = node.op in INTEGRALS
    head = p.gap(mo(name, movablelimits="false" if integral else "true",
                    largeop="true" if node.op in BIG_OPERATORS else "false"),
                 node.span[0], first)
    tags = ("msub", "msup", "msubsup") if integral else ("munder", "mover", "munderover")
    lower = row(p.node(node.lower)) if node.lower is not None else ""
    upper = row(p.node(node.upper)) if node.upper is not None else ""
    if lower and upper:
        head = el(tags[2], head, lower, upper)
    elif lower or upper:
        head = el(tags[0] if lower else tags[1], head, lower or upper)
    return row(head, p.node(node.body)) if node.body is not None else head


@draw.register
def _(node: t.Differential, p: Printer) -> str:
    d = p.gap(el("mi", "d", mathvariant="normal"), node.span[0], node.var.span[0])
    return row(_THIN, d, p.node(node.var))


@draw.register
def _(node: t.Expectation, p: Printer) -> str:
    children = [n for n in (node.sub, node.sup, node.body) if n is not None]
    first = min((n.span[0] for n in children), default=node.span[1])
    head = p.gap(el("mi", "𝔼"), node.span[0], first)
    sub = row(p.node(node.sub)) if node.sub is not None else ""
    sup = row(p.node(node.sup)) if node.sup is not None else ""
    if sub and sup:
        head = el("msubsup", head, sub, sup)
    elif sub or sup:
        head = el("msub" if sub else "msup", head, sub or sup)
    if node.body is None:
        return head
    return row(head, row(mo("["), p.node(node.body), mo("]")))


def _fenced(p: Printer, node: t.Node, open_: str, close: str, inner: list[t.Node],
            body: list[str]) -> str:
    """``open body close``, each fence titled by the symbol written there (‖·‖, |·|)."""
    start = inner[0].span[0] if inner else node.span[1]
    end = inner[-1].span[1] if inner else node.span[0]
    left = p.gap(mo(open_, fence="true"), node.span[0], start) if open_ else ""
    right = p.gap(mo(close, fence="true"), end, node.span[1]) if close else ""
    return row(left, *body, right)


@draw.register
def _(node: t.Group, p: Printer) -> str:
    inner = [node.body] if node.body is not None else []
    return _fenced(p, node, _FENCES.get(node.open, glyph(node.open)),
                   _FENCES.get(node.close, glyph(node.close)), inner, [p.node(n) for n in inner])


@draw.register
def _(node: t.Norm, p: Printer) -> str:
    return _fenced(p, node, "‖", "‖", [node.body], [p.node(node.body)])


@draw.register
def _(node: t.Abs, p: Printer) -> str:
    return _fenced(p, node, "|", "|", [node.body], [p.node(node.body)])


@draw.register
def _(node: t.Angle, p: Printer) -> str:
    body: list[str] = []
    for i, item in enumerate(node.items):
        body += ([mo(",")] if i else []) + [p.node(item)]
    return _fenced(p, node, "⟨", "⟩", list(node.items), body)


@draw.register
def _(node: t.Seq, p: Printer) -> str:
    statements = any(isinstance(i, t.Relation) for i in node.items)
    parts: list[str] = []
    for i, item in enumerate(node.items):
        if i:
            parts.append(mo(node.seps[i - 1] if i - 1 < len(node.seps) else ","))
            if statements:  # "z = …, \qquad ε ∼ 𝒩": two statements, set apart
                parts.append(el("mspace", width="1em"))
        parts.append(p.node(item))
    return row(*parts)


@draw.register
def _(node: t.Relation, p: Printer) -> str:
    parts = [p.node(node.operands[0])]
    for op, left, right in zip(node.ops, node.operands, node.operands[1:], strict=False):
        text = glyph(op) if op.startswith("\\") else op
        parts += [p.gap(mo(text), left.span[1], right.span[0]), p.node(right)]
    return row(*parts)


@draw.register
def _(node: t.Postfix, p: Printer) -> str:
    return row(p.paren(node.body), mo(node.op))


@draw.register
def _(node: t.Matrix, p: Printer) -> str:
    rows = "".join(el("mtr", *(el("mtd", p.node(c)) for c in cells)) for cells in node.rows)
    open_, close = MATRIX_FENCES.get(node.kind, ("", ""))
    return row(mo(open_) if open_ else "", el("mtable", rows, class_=node.kind),
               mo(close) if close else "")


@draw.register
def _(node: t.Rows, p: Printer) -> str:
    rows = "".join(el("mtr", el("mtd", p.node(r))) for r in node.rows)
    return el("mtable", rows, class_="rows")


@draw.register
def _(node: t.Brace, p: Printer) -> str:
    under = node.kind.startswith("under")
    tag = "munder" if under else "mover"
    braced = el(tag, p.node(node.body), mo("⏟" if under else "⏞"))
    return braced if node.label is None else el(tag, braced, row(p.node(node.label)))
