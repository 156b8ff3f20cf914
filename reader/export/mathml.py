"""Presentation MathML from eqlens's own math tree, with a hover title on every known symbol.

Why our own printer and not latex2mathml (which converts all of our corpus without an exception):
the tree already normalises the paper's spellings (``\\bm``/``\\mathbf``, ``\\lVert``/``\\|``,
``\\operatorname*``), where latex2mathml leaves ``\\lVert`` after ``\\bigl`` and ``\\operatorname*``
as literal text and writes a control word it does not know (about one corpus display in five
has one) into the page; each tree node keeps its span into the LaTeX, which is exactly how the
symbol table locates symbols, so a title lands on the right element rather than on a guessed
glyph; and fonts come out as Unicode letters (𝒙, 𝔼) that browsers honour, where the
``mathvariant`` latex2mathml relies on is ignored by MathML Core (Chromium draws 𝔼 as E).
Anything the parser left unparsed shows as ``merror`` with its source, so one odd corner never
hides the rest of an equation.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

from patterns.parser import parse_math
from reader.export import mathml_atoms, mathml_structures  # noqa: F401 - register the drawers
from reader.export.mathml_printer import Printer, Span

__all__ = ["Span", "to_mathml"]


def to_mathml(latex: str, *, display: bool = True, titles: Mapping[Span, str] | None = None,
              ) -> str:
    """A ``<math>`` element for ``latex``; ``titles`` maps spans of ``latex`` (the symbol table's
    ``spans``) to hover text. The LaTeX rides along as an annotation (copying the equation from
    some browsers gives it back). Raises only on a bug, which callers turn into a fallback."""
    body = Printer(latex, titles or {}).node(parse_math(latex))
    mode = "block" if display else "inline"
    source = html.escape(latex, quote=False)
    return (f'<math display="{mode}"><semantics><mrow>{body}</mrow>'
            f'<annotation encoding="application/x-tex">{source}</annotation></semantics></math>')
