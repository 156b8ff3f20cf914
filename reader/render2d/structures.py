"""The constructs that need more than one row: fractions, roots, accents, big operators,
expectations and braces. Each also has its one-line spelling for the fallback.
"""

from __future__ import annotations

import unicodedata

from patterns import tree as t
from patterns.vocabulary import INTEGRALS
from reader.render2d.anchors import bracket_text, command, glyph_spans, split_opening
from reader.render2d.box import Box, glyph_block, hstack, leaf, place, space, vstack, with_core
from reader.render2d.context import Ctx, delimited, draw, draw_optional, parens
from reader.render2d.glyphs import (
    BIG,
    LINEAR_BIG,
    MARKS,
    NAMED_BIG,
    accented,
    brace_line,
    radical,
    symbol_text,
)
from reader.render2d.picture import Region, Span
from reader.render2d.scripts import attach

_ATOMIC = (t.Symbol, t.Number, t.OpName, t.Group, t.Norm, t.Abs, t.Angle, t.Accent, t.Script,
           t.Apply, t.Sqrt, t.Text, t.Hole, t.Expectation)
_CLOSING = {"(": ")", "[": "]", r"\{": r"\}"}


def _command_span(node: t.Node, ctx: Ctx) -> Span:
    """The command that draws the node's glyph: ``\\frac``, ``\\sqrt``, ``/``, ``\\over``."""
    spans = glyph_spans(node, ctx.latex)
    return command(spans[0], ctx.latex) if spans else node.span


def _atom(box: Box, node: t.Node, span: Span) -> Box:
    """``box`` in parentheses unless it already reads as one piece on one line."""
    return box if isinstance(node, _ATOMIC) else parens(box, span)


@draw.register
def _(node: t.Frac, ctx: Ctx) -> Box:
    span = _command_span(node, ctx)
    num, den = draw(node.num, ctx), draw(node.den, ctx)
    if node.slash or ctx.linear:
        slash = leaf("/", span, "operator")
        return hstack(_atom(num, node.num, span), slash, _atom(den, node.den, span))
    bar = leaf("─" * max(num.width, den.width, 1), span, "bar")
    return vstack([num, bar, den], baseline=num.height)


@draw.register
def _(node: t.Sqrt, ctx: Ctx) -> Box:
    span = _command_span(node, ctx)
    body = draw(node.body, ctx)
    if ctx.linear:
        index = [] if node.index is None else [draw(node.index, ctx.script())]
        return hstack(*index, leaf("√", span, "bar"), _atom(body, node.body, span))
    sign = glyph_block(radical(body.bottom + 1), span, "bar", 0)
    parts = [(sign, 0, 0), (body, 0, sign.width),
             (leaf("_" * body.width, span, "bar"), -1, sign.width)]
    if node.index is not None:
        index = draw(node.index, ctx.script())
        parts = [(box, row, col + index.width) for box, row, col in parts]
        parts.append((index, -index.height, 0))
    return place(parts, body.baseline, core=(body.top, body.bottom))


@draw.register
def _(node: t.Accent, ctx: Ctx) -> Box:
    span = _command_span(node, ctx)
    body = draw(node.body, ctx)
    letter = body.lines[0] if body.width == 1 and body.height == 1 else ""
    if ctx.linear:  # one line has no row for the mark: a plain ŷ beats hat(𝐲)
        letter = unicodedata.normalize("NFKC", letter)
    if char := accented(letter, node.kind):
        whole = Region(node.span, "operator", ((0, 0, 1),))
        return Box((char,), 0, (*body.marks, whole))
    if ctx.linear:
        return hstack(leaf(node.kind, span, "operator"), parens(body, span))
    mark = MARKS.get(node.kind, "^")
    if node.kind in ("bar", "underline"):
        line = mark * body.width
    elif node.kind == "vec":
        line = "─" * (body.width - 1) + mark
    else:
        line = mark.center(body.width)
    row = body.height if node.kind == "underline" else -1
    return place([(body, 0, 0), (leaf(line, span, "operator"), row, 0)], body.baseline,
                 core=(body.top, body.bottom))


@draw.register
def _(node: t.Brace, ctx: Ctx) -> Box:
    body = draw(node.body, ctx)
    if ctx.linear:
        return body
    under = node.kind == "under"
    line = leaf(brace_line(body.width, under), _command_span(node, ctx), "bracket")
    label = draw_optional(node.label, ctx.script())
    rows = [body, line] if under else [line, body]
    if label is not None:
        rows = [*rows, label] if under else [label, *rows]
    offset = 0 if under else sum(box.height for box in rows[:-1])
    stack = vstack(rows, baseline=offset + body.baseline)
    return with_core(stack, offset + body.top, offset + body.bottom)


@draw.register
def _(node: t.BigOp, ctx: Ctx) -> Box:
    span = _command_span(node, ctx)
    head = _big_head(node, span, ctx)
    if node.body is None:
        return head
    return hstack(head, space(1), draw(node.body, ctx))


def _big_head(node: t.BigOp, span: Span, ctx: Ctx) -> Box:
    """The operator with its limits: stacked for sums and ``max``, beside integrals; in a
    script or on one line, a one-cell sign with its limits as scripts (as TeX's text style)."""
    inline = ctx.linear or ctx.level > 0
    if node.op in BIG and not inline:
        rows, baseline = BIG[node.op]
        glyph = glyph_block(rows, span, "operator", baseline)
    elif node.op in LINEAR_BIG:
        glyph = leaf(LINEAR_BIG[node.op], span, "operator")
    else:
        glyph = leaf(NAMED_BIG.get(node.op, node.op), span, "function")
    if inline:
        return attach(glyph, node.lower, node.upper, ctx, node)
    inner = ctx.script()
    upper, lower = draw_optional(node.upper, inner), draw_optional(node.lower, inner)
    if node.op in INTEGRALS:  # limits beside the ends of the sign, as TeX sets them
        parts = [(glyph, 0, 0)]
        parts += [] if upper is None else [(upper, -upper.baseline, glyph.width)]
        parts += [] if lower is None else [(lower, glyph.height - 1 - lower.baseline,
                                            glyph.width)]
        return place(parts, glyph.baseline, core=(0, glyph.height - 1))
    rows = [box for box in (upper, glyph, lower) if box is not None]
    top = upper.height if upper is not None else 0
    return with_core(vstack(rows, baseline=top + glyph.baseline), top, top + glyph.height - 1)


@draw.register
def _(node: t.Expectation, ctx: Ctx) -> Box:
    spans = glyph_spans(node, ctx.latex)
    if node.body is not None and len(spans) == 2 and node.sub is None and node.sup is None:
        split = split_opening(spans[0], ctx.latex)
        spans = [*split, spans[1]] if split else spans
    head_span = spans[0] if spans else node.span
    head = leaf(symbol_text(t.Symbol("E", "bb")), head_span, "operator")
    head = attach(head, node.sub, node.sup, ctx, node)
    if node.body is None:
        return head
    body = draw(node.body, ctx)
    opening = bracket_text(spans[1], ctx.latex) if len(spans) >= 3 else None
    if opening is None:  # 𝔼_p 𝔼_q[...] or 𝔼_q ∇f: drawn as written, without brackets
        return hstack(head, space(1), body)
    closing = _CLOSING[opening]
    return hstack(head, delimited(body, opening, closing, (spans[1], spans[-1])))
