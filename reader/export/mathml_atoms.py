"""MathML for the small pieces: letters, numbers, operator names, text, accents, scripts,
fractions, roots, and what did not parse."""

from __future__ import annotations

import html

from patterns import tree as t
from patterns.unicode_text import glyph
from reader.export.mathml_glyphs import ACCENTS, IDENTIFIER_SYMBOLS, NAMED_OPERATORS, styled
from reader.export.mathml_printer import ATOMIC, Printer, draw, el, mo, row


@draw.register
def _(node: t.Symbol, p: Printer) -> str:
    char = glyph(node.name)
    if node.font == "rm":
        return el("mi", html.escape(char), mathvariant="normal")
    text = html.escape(styled(char, node.font))
    if char.isalnum() or char in IDENTIFIER_SYMBOLS or len(char) > 1:
        return el("mi", text)
    return el("mo", text)


@draw.register
def _(node: t.Number, p: Printer) -> str:
    if node.font in ("bold", "bb"):
        return el("mn", "".join(styled(c, node.font) for c in node.text))
    return el("mn", html.escape(node.text))


@draw.register
def _(node: t.OpName, p: Printer) -> str:
    name = NAMED_OPERATORS.get(node.name, node.name)
    if len(name) == 1:
        return el("mi", html.escape(name), mathvariant="normal")
    return el("mi", html.escape(name))


@draw.register
def _(node: t.Text, p: Printer) -> str:
    text = node.text
    padded = (" " if text[:1] == " " else "") + text.strip() + (" " if text[-1:] == " " else "")
    return el("mtext", html.escape(padded.replace(" ", "\u00a0"), quote=False))


@draw.register
def _(node: t.Hole, p: Printer) -> str:
    return el("mi", html.escape("?" + node.name))


@draw.register
def _(node: t.Accent, p: Printer) -> str:
    mark = ACCENTS.get(node.kind, "^")
    return el("mover", row(p.node(node.body)), mo(mark, stretchy="true"), accent="true")


@draw.register
def _(node: t.Script, p: Printer) -> str:
    base = p.node(node.base)
    if not isinstance(node.base, (*ATOMIC, t.BigOp)):
        base = row(mo("("), base, mo(")"))
    sup = p.node(node.sup) if node.sup is not None else ""
    if node.primes:
        sup = row(mo("′" * node.primes), sup)
    if node.sub is not None and sup:
        # x_t^2 is one node, but the symbol is x_t: title the whole by the symbol's span.
        both = el("msubsup", base, row(p.node(node.sub)), row(sup))
        return p.titled(both, (node.span[0], node.sub.span[1]))
    if node.sub is not None:
        return el("msub", base, row(p.node(node.sub)))
    return el("msup", base, row(sup)) if sup else base


@draw.register
def _(node: t.Frac, p: Printer) -> str:
    if node.slash:
        return row(p.paren(node.num), mo("/"), p.paren(node.den))
    return el("mfrac", row(p.node(node.num)), row(p.node(node.den)))


@draw.register
def _(node: t.Sqrt, p: Printer) -> str:
    if node.index is None:
        return el("msqrt", p.node(node.body))
    return el("mroot", row(p.node(node.body)), row(p.node(node.index)))


@draw.register
def _(node: t.Unparsed, p: Printer) -> str:
    return el("merror", el("mtext", html.escape(node.source, quote=False)),
              title=f"not understood: {node.reason}")
