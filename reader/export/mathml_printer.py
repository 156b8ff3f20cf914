"""The core of the MathML printer: element markup, hover titles, and the per-node dispatch.

Drawing each kind of node lives in ``mathml_atoms`` (letters, numbers, scripts, fractions) and
``mathml_structures`` (sums, relations, brackets, big operators), which register on ``draw``;
``reader.export.mathml.to_mathml`` loads both and is the one entry point.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from functools import singledispatch

from patterns import tree as t
from patterns.unicode_text import to_text

Span = tuple[int, int]
ATOMIC = (t.Symbol, t.Number, t.OpName, t.Group, t.Norm, t.Abs, t.Angle, t.Accent, t.Hole,
          t.Apply, t.Expectation, t.Script, t.Sqrt, t.Frac, t.Matrix)
"""Nodes that read as one unit and need no parentheses as a factor or a script base."""


def el(tag: str, *children: str, **attrs: str) -> str:
    """``<tag attr="…">children</tag>``; ``class_`` gives ``class``. Attributes are escaped,
    children are markup already."""
    attributes = "".join(f' {k.rstrip("_").replace("_", "-")}="{html.escape(v)}"'
                         for k, v in attrs.items())
    return f"<{tag}{attributes}>{''.join(children)}</{tag}>"


def mo(text: str, **attrs: str) -> str:
    """An operator or fence; the browser's operator dictionary gives its spacing and stretch."""
    return el("mo", html.escape(text, quote=False), **attrs)


def row(*children: str) -> str:
    """A group, which is also what makes its fences stretch to its height."""
    return el("mrow", *children)


class Printer:
    """One equation's printer: knows its LaTeX and the hover title of each symbol span."""

    def __init__(self, latex: str, titles: Mapping[Span, str]) -> None:
        self.latex = latex
        self.titles = {(span[0], span[1]): text for span, text in titles.items()}
        self.trimmed = {self._trim(span): text for span, text in self.titles.items()}

    def _trim(self, span: Span) -> Span:
        """A span without the spaces and braces at its ends: the symbol table and the tree may
        disagree on whether the last ``}`` of ``\\mathcal{L}_{\\mathrm{simple}}`` is part of it."""
        start, end = span
        while start < end and self.latex[start] in " {":
            start += 1
        while end > start and self.latex[end - 1] in " }":
            end -= 1
        return start, end

    def titled(self, markup: str, span: Span) -> str:
        """Put the title of a symbol written at ``span`` on the element's start tag (an inner
        element keeps its own: the innermost title is the one a hover shows)."""
        title = self.titles.get((span[0], span[1])) or self.trimmed.get(self._trim(span))
        if title is None or not markup.startswith("<"):
            return markup
        end = markup.index(">")
        if "title=" in markup[:end]:
            return markup
        return f'{markup[:end]} title="{html.escape(title)}"{markup[end:]}'

    def gap(self, markup: str, start: int, end: int) -> str:
        """Title an operator or fence the tree keeps no node for (``\\mid``, ``∼``, ``‖``): the
        symbol whose span lies in the source between two children."""
        for a, b in self.titles:
            if start <= a and b <= end and a < b:
                return self.titled(markup, (a, b))
        return markup

    def node(self, node: t.Node | None) -> str:
        """A node as MathML, titled when it is a symbol of the table."""
        if node is None:
            return row()
        return self.titled(draw(node, self), node.span)

    def paren(self, node: t.Node) -> str:
        """A node, in parentheses unless it reads as one unit."""
        inner = self.node(node)
        return inner if isinstance(node, ATOMIC) else row(mo("("), inner, mo(")"))


@singledispatch
def draw(node: t.Node, printer: Printer) -> str:
    """One node as MathML; a kind with no drawer of its own shows as readable text."""
    return el("mtext", html.escape(to_text(node), quote=False))
