"""What every layout function shares: the drawing context, the dispatch, and small helpers for
operators and brackets.

One dispatch serves both the 2-D drawing and the one-line fallback; the few constructs that differ
(fractions, scripts, roots, big operators, matrices) look at :attr:`Ctx.linear`. Keeping one
dispatch means a glyph's region is computed one way whichever form is shown.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import singledispatch

from patterns.tree import Node
from patterns.unicode_text import to_text
from reader.render2d.box import Box, glyph_block, hstack, leaf, place, space
from reader.render2d.glyphs import tall
from reader.render2d.picture import Span


@dataclass(frozen=True, slots=True)
class Ctx:
    """How to draw: the LaTeX spans point into, the script depth, and 2-D or one line."""

    latex: str
    level: int = 0
    """0 in the main formula, 1 in its scripts and limits, 2 in scripts of scripts..."""
    linear: bool = False

    def script(self) -> Ctx:
        return replace(self, level=self.level + 1)

    @property
    def spaced(self) -> bool:
        """Spaces around operators; TeX drops them in scripts, and so does the drawing."""
        return self.level == 0


@singledispatch
def draw(node: Node, ctx: Ctx) -> Box:
    """``node`` as a box. Anything without its own drawing shows as its linear text."""
    return leaf(to_text(node), node.span, "text")


def draw_optional(node: Node | None, ctx: Ctx) -> Box | None:
    return None if node is None else draw(node, ctx)


def operator(text: str, span: Span, ctx: Ctx, *, left: bool = True, right: bool = True) -> Box:
    """A binary operator or relation with TeX's spacing: spaced in the formula, tight in scripts."""
    glyph = leaf(text, span, "operator")
    if not ctx.spaced:
        return glyph
    return hstack(space(int(left)), glyph, space(int(right)))


def delimited(body: Box, opening: str, closing: str, spans: tuple[Span, Span],
              kind: str = "bracket") -> Box:
    """``body`` between two delimiters as tall as its core (script rows stay outside)."""
    height = body.bottom - body.top + 1
    left = glyph_block(tall(opening, height), spans[0], kind, 0)
    right = glyph_block(tall(closing, height), spans[1], kind, 0)
    parts = [(left, body.top, 0), (body, 0, left.width), (right, body.top, left.width + body.width)]
    return place(parts, body.baseline, core=(body.top, body.bottom))


def parens(body: Box, span: Span) -> Box:
    """Parentheses the source did not write but the reading needs (``(a + b)²``)."""
    return delimited(body, "(", ")", (span, span)) if body.width else body
