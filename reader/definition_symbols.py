"""Which parsed formulas are one definable symbol, and the canonical key symbols meet by.

Symbols are compared by :func:`symbol_key`, so ``\\bm{x}_{0}`` in the prose and ``\\mathbf{x}_0``
in an equation meet. Function notation keeps its arguments (``p(\\mathbf{z})`` "the prior" and
``p(\\mathbf{x} \\mid \\mathbf{z})`` "the likelihood" are different things), except the
placeholder form ``f(\\cdot)``, which names the function ``f`` itself.
"""

from __future__ import annotations

import functools

from patterns import tree as t
from patterns.parser import parse_math
from patterns.printer import to_latex

_SKIP_NAMES = frozenset(
    r"\nabla \infty \partial \cdot \dots \ldots \cdots \vdots \ddots \top \prime \emptyset"
    r" \varnothing \odot \circ \times \pm \mp \forall \exists \sum \prod \int . * ' | \| \bot"
    r" \star \ast \dagger".split()
)
"""Glyphs that are operators or punctuation, never a symbol a paper defines."""
_NUMBER_SETS = frozenset("RNZQCE")
_HEAVY = (t.BigOp, t.Frac, t.Sqrt, t.Expectation, t.Apply, t.Norm, t.Abs, t.Angle, t.Matrix,
          t.Differential, t.Unparsed, t.Rows, t.Brace)
"""Nodes that make a sub/superscript a formula rather than an index."""
_NAME_FONTS = frozenset({"cal", "bb", "frak", "scr"})


@functools.lru_cache(maxsize=4096)
def parse(latex: str) -> t.Node | None:
    """The parsed formula, or None; cached because prose repeats its symbols."""
    try:
        return parse_math(latex)
    except Exception:  # the parser is total in practice; a crash must not stop extraction
        return None


def symbol_key(latex: str) -> str:
    """Canonical key of a symbol: ``to_latex(parse_math(latex))``, so spellings compare equal.

    ``\\bm{x}_{0}``, ``\\mathbf{x}_0`` and ``\\boldsymbol{x}_0`` all give ``\\mathbf{x}_{0}``;
    ``f(\\cdot)`` gives the key of ``f`` because the dot only says "f, the function".
    """
    node = parse(latex.strip())
    if node is None:
        return latex.strip()
    if isinstance(node, t.Apply) and all(is_dot(a) for a in node.args):
        node = node.head
    return to_latex(node).strip()


def base_letter(key: str) -> str | None:
    """The letter under accents, fonts, indices and arguments: θ for ``\\hat{\\theta}_t``."""
    node = parse(key)
    while node is not None and not isinstance(node, t.Symbol):
        node = _inner(node)
    return node.name if node is not None and is_letter(node) else None


def _inner(node: t.Node) -> t.Node | None:
    """One layer in: a script's base, an accent's body, a function's head; else None."""
    if isinstance(node, t.Script):
        return node.base
    if isinstance(node, t.Accent):
        return node.body
    if isinstance(node, t.Apply):
        return node.head
    if isinstance(node, t.Mul) and len(node.factors) == 2 and isinstance(node.factors[1],
                                                                         t.Group):
        return node.factors[0]
    return None


def is_dot(node: t.Node) -> bool:
    """The placeholder argument of ``f(\\cdot)``."""
    return isinstance(node, t.Symbol) and node.name in (r"\cdot", ".", r"\bullet")


def is_dots(node: t.Node) -> bool:
    """An ellipsis, as in ``t = 1, \\dots, T``."""
    if isinstance(node, t.Symbol):
        return node.name in (r"\dots", r"\ldots", r"\cdots", ".")
    return isinstance(node, t.Mul) and all(is_dots(f) for f in node.factors)


def is_letter(node: t.Node) -> bool:
    """A letter a paper can define: Latin or Greek, any font, but not ℝ, ℕ, ℤ."""
    if not isinstance(node, t.Symbol) or node.name in _SKIP_NAMES:
        return False
    if node.font == "bb" and node.name in _NUMBER_SETS:
        return False  # ℝ, ℕ, ℤ: the paper uses them, it never defines them
    name = node.name
    return (len(name) == 1 and name.isalpha()) or (name.startswith("\\") and name[1:].isalpha())


def plain_letter(node: t.Node) -> bool:
    """One italic Latin letter, the kind that counts things ("$N$ images", "$P = 256$ pixels")."""
    return isinstance(node, t.Symbol) and node.font == "" and len(node.name) == 1


def mentions_symbol(node: t.Node) -> bool:
    """The formula holds a letter somewhere (``= 0.5`` does not; ``= K(x, y)`` does)."""
    return any(is_letter(n) for n in node.walk())


def symbolish(node: t.Node) -> bool:
    """One symbol: a letter with accents, font, indices, or function notation ``p_θ(x | z)``."""
    if is_letter(node):
        return True
    if isinstance(node, t.Accent):
        return symbolish(node.body)
    if isinstance(node, t.Script):
        return _indexed_symbol(node)
    if isinstance(node, t.Apply):
        big_o = isinstance(node.head, t.Symbol) and node.head.name == "O"
        return symbolish(node.head) and not big_o and all(_argument(a) for a in node.args)
    if isinstance(node, t.Mul):
        return _named_mul(node)
    return False


def _indexed_symbol(node: t.Script) -> bool:
    """``x_t``, ``\\hat{θ}^{(n)}``; not ``W^\\top`` or ``A^{-1}``, which are operations."""
    transpose = isinstance(node.sup, t.Symbol) and node.sup.name == r"\top"
    inverse = isinstance(node.sup, t.Neg)
    base = is_letter(node.base) or isinstance(node.base, t.Accent) and symbolish(node.base)
    return base and _index_like(node.sub) and _index_like(node.sup) and not transpose \
        and not inverse


def _index_like(node: t.Node | None) -> bool:
    """A sub/superscript that indexes (``t``, ``<i``, ``1:d``, ``(n)``), not a formula."""
    if node is None:
        return True
    nodes = list(node.walk())
    return len(nodes) <= 12 and not any(isinstance(n, _HEAVY) for n in nodes)


def _argument(node: t.Node) -> bool:
    """An argument of function notation: symbols, ``·``, ``x | z``, ``x, y``."""
    if is_dot(node) or symbolish(node):
        return True
    if isinstance(node, t.Conditional):
        return _argument(node.given) and _argument(node.condition)
    if isinstance(node, t.Seq):
        return all(_argument(i) for i in node.items)
    return False


def _named_mul(node: t.Mul) -> bool:
    """``γ(t)``, ``L[γ]``, the measure ``dz``, or a name of styled letters (``\\mathcal{TC}``)."""
    factors = node.factors
    if node.op or not 2 <= len(factors) <= 4:
        return False
    if len(factors) == 2 and isinstance(factors[1], t.Group) and factors[1].open in "([":
        return symbolish(factors[0]) and factors[1].body is not None and _argument(
            factors[1].body)
    if len(factors) == 2 and isinstance(factors[0], t.Symbol) and factors[0].name == "d":
        return symbolish(factors[1])
    fonts = {_font(f) for f in factors}
    return all(symbolish(f) and not isinstance(f, t.Mul) for f in factors) and bool(
        fonts & _NAME_FONTS) and "bold" not in fonts


def _font(node: t.Node) -> str:
    """The font of the letter under scripts and accents ("cal" for ``\\mathcal{T}_i``)."""
    inner: t.Node | None = node
    while isinstance(inner, t.Script | t.Accent):
        inner = _inner(inner)
    return inner.font if isinstance(inner, t.Symbol) else ""
