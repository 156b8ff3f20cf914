"""Nodes drawn left to right on the baseline: leaves, sums, products, lists, relations, calls
and bracketed groups. The 2-D constructs live in :mod:`reader.render2d.structures`.
"""

from __future__ import annotations

import re

from patterns import tree as t
from patterns.parser import EMPTY as EMPTY_NODE
from reader.render2d.anchors import glyph_spans, take
from reader.render2d.arrays import matrix
from reader.render2d.box import Box, hstack, leaf, space, vstack
from reader.render2d.context import Ctx, delimited, draw, operator, parens
from reader.render2d.glyphs import number_text, symbol_text, text_of
from reader.render2d.picture import Span

_WRAP_IN_PRODUCT = (t.Add, t.Relation, t.Seq, t.Conditional)
_SEP_TEXT = {r"\|": "‖", r"\mid": "|"}
_BRACKETS = {"(": ("(", ")"), "[": ("[", "]"), r"\{": (r"\{", r"\}"), "{": ("(", ")")}
_ANNOTATED = re.compile(r"\\(overset|stackrel|xrightarrow|xleftarrow)\b")


@draw.register
def _(node: t.Symbol, ctx: Ctx) -> Box:
    return leaf(symbol_text(node), node.span, "symbol")


@draw.register
def _(node: t.Number, ctx: Ctx) -> Box:
    return leaf(number_text(node), node.span, "number")


@draw.register
def _(node: t.OpName, ctx: Ctx) -> Box:
    return leaf(node.name, node.span, "function")


@draw.register
def _(node: t.Text, ctx: Ctx) -> Box:
    return leaf(node.text, node.span, "text")


@draw.register
def _(node: t.Hole, ctx: Ctx) -> Box:
    return leaf("?" + node.name, node.span, "symbol")


@draw.register
def _(node: t.Unparsed, ctx: Ctx) -> Box:
    return leaf(" ".join(node.source.split()), node.span, "text")


# -- sums and products ------------------------------------------------------------------------


@draw.register
def _(node: t.Add, ctx: Ctx) -> Box:
    plain = sum(1 for term in node.terms[1:] if not isinstance(term, t.Neg | t.PlusMinus))
    plus = iter(take(glyph_spans(node, ctx.latex), plain, node.span))
    parts: list[Box] = []
    for i, term in enumerate(node.terms):
        if isinstance(term, t.Neg | t.PlusMinus):
            spaced = bool(i) and ctx.spaced
            sign = leaf(_sign(term), first_span(term, ctx), "operator")
            parts += [space(spaced), sign, space(spaced), _signed_body(term, ctx, spaced)]
            continue
        if i:
            parts.append(operator("+", next(plus), ctx))
        parts.append(draw(term, ctx))
    return hstack(*parts)


@draw.register(t.Neg)
@draw.register(t.PlusMinus)
def _(node: t.Neg | t.PlusMinus, ctx: Ctx) -> Box:
    sign = leaf(_sign(node), first_span(node, ctx), "operator")
    return hstack(sign, _signed_body(node, ctx, spaced=False))


def _sign(node: t.Neg | t.PlusMinus) -> str:
    if isinstance(node, t.Neg):
        return "−"
    return "±" if node.sign == r"\pm" else "∓"


def _signed_body(node: t.Neg | t.PlusMinus, ctx: Ctx, spaced: bool) -> Box:
    """The signed term; a stacked fraction keeps a cell away so ``−`` and ``─`` do not merge."""
    body = draw(node.body, ctx)
    if isinstance(node.body, t.Add):
        return parens(body, node.span)
    fraction = body.lines[body.baseline].startswith("─")
    return hstack(space(1), body) if fraction and not spaced else body


@draw.register
def _(node: t.Mul, ctx: Ctx) -> Box:
    if node.op:
        return _explicit_product(node, ctx)
    factors = [f for f in node.factors if f != EMPTY_NODE] or [EMPTY_NODE]
    parts = [_factor(factors[0], ctx)]
    for prev, factor in zip(factors, factors[1:], strict=False):
        parts += [space(_gap(prev, factor, ctx)), _factor(factor, ctx)]
    return hstack(*parts)


def _explicit_product(node: t.Mul, ctx: Ctx) -> Box:
    spans = take(glyph_spans(node, ctx.latex), len(node.factors) - 1, node.span)
    text = text_of(node.op)
    parts = [_factor(node.factors[0], ctx)]
    for i, factor in enumerate(node.factors[1:]):
        left = node.factors[i] != EMPTY_NODE
        parts += [operator(text, spans[i], ctx, left=left), _factor(factor, ctx)]
    return hstack(*parts)


def _factor(node: t.Node, ctx: Ctx) -> Box:
    box = draw(node, ctx)
    return parens(box, node.span) if isinstance(node, _WRAP_IN_PRODUCT) else box


def _gap(prev: t.Node, factor: t.Node, ctx: Ctx) -> int:
    """Blank cells between implicit factors: ``2x`` and ``Wx`` tight, ``p(x) p(z)`` apart."""
    between = ctx.latex[prev.span[1] : factor.span[0]]
    if r"\qquad" in between or r"\quad" in between:
        return (4 if r"\qquad" in between else 2) if ctx.spaced else 1
    if isinstance(factor, t.Differential) or t.Text in (type(prev), type(factor)):
        return 1
    tight_left = isinstance(prev, t.Number) or _letter(prev)
    tight_right = _letter(factor) or isinstance(prev, t.Number) and isinstance(factor, t.Group)
    return 0 if tight_left and tight_right and not isinstance(factor, t.Number) else 1


def _letter(node: t.Node) -> bool:
    """A single letter, maybe accented or with scripts: what TeX sets tight in a product."""
    while isinstance(node, t.Script | t.Accent):
        node = node.base if isinstance(node, t.Script) else node.body
    return isinstance(node, t.Symbol) and len(symbol_text(node)) == 1


# -- lists, relations and calls -----------------------------------------------------------------


@draw.register
def _(node: t.Seq, ctx: Ctx) -> Box:
    spans = take(glyph_spans(node, ctx.latex), len(node.items) - 1, node.span)
    return joined(node.items, list(node.seps), spans, ctx)


def joined(items: tuple[t.Node, ...], seps: list[str], spans: list[Span], ctx: Ctx) -> Box:
    """Items with their separators (``,``, ``;``, the ``‖`` of a divergence) between them."""
    parts = [draw(items[0], ctx)] if items else []
    for i, item in enumerate(items[1:]):
        sep = seps[i] if i < len(seps) else ","
        if sep in _SEP_TEXT:
            parts.append(operator(_SEP_TEXT[sep], spans[i], ctx))
        else:
            between = ctx.latex[items[i].span[1] : item.span[0]]
            wide = 4 if r"\qquad" in between else 2 if r"\quad" in between else 1
            parts += [leaf(sep, spans[i], "operator"), space(wide if ctx.spaced else 0)]
        parts.append(draw(item, ctx))
    return hstack(*parts)


@draw.register
def _(node: t.Relation, ctx: Ctx) -> Box:
    spans = take(glyph_spans(node, ctx.latex), len(node.ops), node.span)
    parts = [draw(node.operands[0], ctx)]
    for i, op in enumerate(node.ops):
        left = node.operands[i] != EMPTY_NODE
        right = node.operands[i + 1] != EMPTY_NODE
        parts += [_relation(op, spans[i], ctx, left, right), draw(node.operands[i + 1], ctx)]
    return hstack(*parts)


def _relation(op: str, span: Span, ctx: Ctx, left: bool, right: bool) -> Box:
    """A relation symbol; ``\\overset{(i)}{=}`` draws its note above the symbol."""
    match = _ANNOTATED.match(op)
    if match is None:
        return operator(text_of(op), span, ctx, left=left, right=right)
    args = _brace_args(op[match.end() :])
    note = args[0] if args else ""
    symbol = args[1] if match.group(1) in ("overset", "stackrel") and len(args) > 1 else (
        r"\leftarrow" if match.group(1) == "xleftarrow" else r"\rightarrow")
    glyph = operator(text_of(symbol.strip()), span, ctx, left=left, right=right)
    if ctx.linear or not note:
        return glyph
    stack = vstack([leaf(_plain_note(note), span, "text"), glyph], baseline=1)
    return hstack(space(1), stack, space(1)) if stack.width > glyph.width else stack


def _brace_args(text: str) -> list[str]:
    """The brace-delimited arguments at the start of ``text``."""
    args, depth, current = [], 0, ""
    for ch in text:
        if ch == "{":
            depth += 1
            if depth == 1:
                continue
        elif ch == "}":
            depth -= 1
            if depth == 0:
                args.append(current)
                current = ""
                continue
        if depth:
            current += ch
    return args


def _plain_note(note: str) -> str:
    """The note over an annotated relation, readable: ``\\text{def}`` is ``def``."""
    return re.sub(r"\\[A-Za-z]+|[{}]", "", note).strip() or note


@draw.register
def _(node: t.Apply, ctx: Ctx) -> Box:
    head = draw(node.head, ctx)
    if node.bracket == "":
        spans = take([], len(node.args) - 1, node.span)
        return hstack(head, space(1), joined(node.args, list(node.seps), spans, ctx))
    spans = take(glyph_spans(node, ctx.latex), len(node.args) + 1, node.span)
    if isinstance(node.head, t.OpName) and node.head.name == "binom" and not ctx.linear:
        return _binomial(node, ctx, spans[0])
    inner = joined(node.args, list(node.seps), spans[1:-1], ctx)
    opening, closing = _BRACKETS.get(node.bracket, ("(", ")"))
    return hstack(head, delimited(inner, opening, closing, (spans[0], spans[-1])))


def _binomial(node: t.Apply, ctx: Ctx, span: Span) -> Box:
    stack = vstack([draw(arg, ctx) for arg in node.args], baseline=0)
    return delimited(stack, "(", ")", (span, span))


@draw.register
def _(node: t.Conditional, ctx: Ctx) -> Box:
    bar = operator("|", first_span(node, ctx), ctx)
    return hstack(draw(node.given, ctx), bar, draw(node.condition, ctx))


# -- brackets ---------------------------------------------------------------------------------


@draw.register
def _(node: t.Group, ctx: Ctx) -> Box:
    if isinstance(node.body, t.Matrix):  # \left\{ \begin{array}: cases spelled by hand
        body = matrix(node.body, ctx, braced=r"\{" in (node.open, node.close))
    else:
        body = draw(node.body, ctx) if node.body is not None else space(0)
    return delimited(body, node.open, node.close, _pair(node, ctx))


@draw.register
def _(node: t.Norm, ctx: Ctx) -> Box:
    return delimited(draw(node.body, ctx), r"\|", r"\|", _pair(node, ctx), "bar")


@draw.register
def _(node: t.Abs, ctx: Ctx) -> Box:
    return delimited(draw(node.body, ctx), "|", "|", _pair(node, ctx), "bar")


@draw.register
def _(node: t.Angle, ctx: Ctx) -> Box:
    spans = take(glyph_spans(node, ctx.latex), len(node.items) + 1, node.span)
    inner = joined(node.items, [","] * len(node.items), spans[1:-1], ctx)
    return delimited(inner, r"\langle", r"\rangle", (spans[0], spans[-1]))


def _pair(node: t.Node, ctx: Ctx) -> tuple[Span, Span]:
    spans = glyph_spans(node, ctx.latex)
    found = spans[:1] + spans[-1:] if len(spans) > 1 else spans
    opening, closing = (found + [node.span, node.span])[:2]
    return opening, closing


# -- postfix pieces ---------------------------------------------------------------------------


@draw.register
def _(node: t.Postfix, ctx: Ctx) -> Box:
    spans = glyph_spans(node, ctx.latex)
    return hstack(draw(node.body, ctx), leaf(node.op, spans[-1] if spans else node.span,
                                             "operator"))


@draw.register
def _(node: t.Differential, ctx: Ctx) -> Box:
    return hstack(leaf("d", first_span(node, ctx), "operator"), draw(node.var, ctx))


def first_span(node: t.Node, ctx: Ctx) -> Span:
    """Where the node's first own glyph is written (its ``-``, ``\\mid``, ``\\mathrm{d}``...)."""
    spans = glyph_spans(node, ctx.latex)
    return spans[0] if spans else node.span
