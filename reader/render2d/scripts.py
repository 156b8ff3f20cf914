"""Sub- and superscripts: on their own rows below and above the base.

Decisions, so they are made once:

* In the formula itself scripts get real rows (``x`` with ``t`` on the row below).
* Scripts of scripts (``x₀`` in ``𝔼_{t, x_0}``) use Unicode sub/superscript characters when every
  character has one: a third and fourth row would push the formula apart for a tiny mark.
* A lone ``^\\top`` reads as ``xᵀ`` and primes as ``f′`` on the base's row; ``W^\\top_i`` with a
  subscript as well keeps the row above.
* The one-line fallback uses the Unicode characters, else ``_x`` / ``^(t+1)`` like the linear text.
"""

from __future__ import annotations

from patterns import tree as t
from patterns.spans import own_spans
from patterns.unicode_text import script_chars
from reader.render2d.box import Box, hstack, leaf, place
from reader.render2d.context import Ctx, draw, draw_optional, parens
from reader.render2d.picture import Span

_NEEDS_PARENS = (t.Add, t.Mul, t.Relation, t.Seq, t.Neg, t.PlusMinus, t.Conditional)
_INLINE_SUP = {r"\top": "ᵀ", r"\prime": "′"}
_COMPACT_KINDS = frozenset({"symbol", "number", "operator"})


@draw.register
def _(node: t.Script, ctx: Ctx) -> Box:
    base = draw(node.base, ctx)
    if isinstance(node.base, _NEEDS_PARENS) or isinstance(node.base, t.Frac) and ctx.linear:
        base = parens(base, node.base.span)
    if node.primes:
        base = hstack(base, leaf("′" * node.primes, _marker(node, ctx, "'"), "operator"))
    sup = node.sup
    if isinstance(sup, t.Symbol) and sup.name in _INLINE_SUP and (
            node.sub is None or sup.name == r"\prime"):
        base = hstack(base, leaf(_INLINE_SUP[sup.name], sup.span, "symbol"))
        sup = None
    return attach(base, node.sub, sup, ctx, node)


def attach(base: Box, sub: t.Node | None, sup: t.Node | None, ctx: Ctx, owner: t.Node) -> Box:
    """``base`` with its scripts, drawn one level deeper; see the module docstring for how."""
    inner = ctx.script()
    low, high = draw_optional(sub, inner), draw_optional(sup, inner)
    compact_low, compact_high = _compact(low, sup=False), _compact(high, sup=True)
    if ctx.linear:
        low_part = [compact_low] if compact_low else _marked(low, "_", owner, ctx)
        high_part = [compact_high] if compact_high else _marked(high, "^", owner, ctx)
        return hstack(base, *low_part, *high_part)
    if ctx.level and (compact_low or not low) and (compact_high or not high):
        return hstack(base, *(box for box in (compact_low, compact_high) if box))
    return _rows(base, low, high)


def _rows(base: Box, low: Box | None, high: Box | None) -> Box:
    """Scripts on the rows just outside the base's core, clear of any accent on its last cell."""
    parts = [(base, 0, 0)]
    ink = [row for row, line in enumerate(base.lines) if line[-1:].strip()] or [base.top]
    if high is not None:
        parts.append((high, min(base.top, ink[0]) - high.height, base.width))
    if low is not None:
        parts.append((low, max(base.bottom, ink[-1]) + 1, base.width))
    return place(parts, base.baseline, core=(base.top, base.bottom))


def _compact(box: Box | None, *, sup: bool) -> Box | None:
    """One row of letters, digits and signs as Unicode script characters, else None."""
    if box is None or box.height != 1 or any(r.kind not in _COMPACT_KINDS for r in box.regions()):
        return None
    chars = script_chars(box.lines[0], sup=sup)
    return None if chars is None else Box((chars,), 0, box.marks)


def _marked(box: Box | None, mark: str, owner: t.Node, ctx: Ctx) -> list[Box]:
    """The linear ``_x`` / ``^(x+1)`` spelling of a script that has no Unicode characters."""
    if box is None:
        return []
    span = _marker(owner, ctx, mark)
    return [leaf(mark, span, "operator"), box if box.width == 1 else parens(box, span)]


def _marker(node: t.Node, ctx: Ctx, mark: str) -> Span:
    """Where ``_``, ``^`` or the primes of a script are written; the node's span if nowhere."""
    for start, end in own_spans(node, ctx.latex):
        text = ctx.latex[start:end]
        if mark in text:
            first = start + text.index(mark)
            return first, start + text.rindex(mark) + 1
    return node.span
