"""The symbols of an equation: letters, named operators, relations and structures, with spans.

A reader hovers what they see, so a "symbol" is what a person would point at: ``x_t`` (a letter
with its index, distinct from ``x_0``), ``θ̂`` (distinct from ``θ``), the 𝔼 of an expectation,
the bars of a norm, a ``\\sim`` or ``:=``, a ``ᵀ``. Powers are not part of a symbol (``σ²`` is
σ squared); parenthesised or starred superscripts are (``x^{(n)}``, ``θ^*``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from glossary.glyphs import (
    accent_key,
    node_key,
    operator_key,
    relation_key,
    script_keys,
    superscript_key,
)
from patterns.printer import to_latex
from patterns.spans import own_spans
from patterns.tree import (
    Abs,
    Accent,
    Angle,
    BigOp,
    Conditional,
    Differential,
    Expectation,
    Group,
    Mul,
    Node,
    Norm,
    Number,
    OpName,
    Postfix,
    Relation,
    Script,
    Span,
    Symbol,
    Text,
)
from patterns.unicode_text import glyph, to_text

_STRUCTURES = (Expectation, Norm, Abs, Angle, Conditional, Differential, BigOp)
_STRUCTURE_LATEX = {Norm: r"\|\cdot\|", Abs: r"|\cdot|", Angle: r"\langle\cdot,\cdot\rangle",
                    Conditional: r"\mid", Expectation: r"\mathbb{E}", Differential: r"\mathrm{d}"}
_STRUCTURE_TEXT = {Norm: "‖·‖", Abs: "|·|", Angle: "⟨·,·⟩", Conditional: "|", Expectation: "𝔼",
                   Differential: "d"}
_INDEX_SUPERSCRIPTS = {"*", r"\ast", r"\star", r"\prime", r"\dagger"}


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One place where a symbol is written in the equation."""

    latex: str
    """The symbol's canonical LaTeX: its identity (``x_{t}``, ``\\hat{\\theta}``, ``\\sim``)."""
    text: str
    """The symbol as readable Unicode."""
    spans: tuple[Span, ...]
    """Where its glyphs sit in the equation's LaTeX (several for a norm's two bars)."""
    keys: tuple[str, ...]
    """Glyph keys to look up, most specific first."""
    exact: int
    """How many of :attr:`keys` name this exact spelling (the rest are fallbacks)."""
    node: Node
    """The tree node the symbol stands for, to line it up with pattern bindings."""
    operator: bool = False
    """True for structures and operators (𝔼, ‖·‖, ∼): they play no pattern role themselves."""


Known = Callable[[str], bool]
"""Tells whether any glossary entry has a glyph key."""


def find_occurrences(tree: Node, latex: str, known: Known) -> list[Occurrence]:
    """Every symbol occurrence in ``tree``, in source order."""
    found = list(_visit(tree, latex, known))
    return sorted(found, key=lambda o: o.spans[0] if o.spans else (0, 0))


def _visit(node: Node, latex: str, known: Known) -> Iterator[Occurrence]:
    if isinstance(node, Symbol):
        yield from _symbol(node, known)
    elif isinstance(node, Script):
        yield from _script(node, latex, known)
    elif isinstance(node, Accent):
        yield _accent(node)
    elif isinstance(node, OpName):
        yield Occurrence(to_latex(node), to_text(node), (node.span,), (node_key(node),), 1, node)
    elif isinstance(node, Number | Text):
        if known(node_key(node)):
            yield Occurrence(to_latex(node), to_text(node), (node.span,), (node_key(node),), 1,
                             node)
    else:
        yield from _operators(node, latex, known)
        for child in node.children():
            yield from _visit(child, latex, known)


def is_letter(node: Symbol) -> bool:
    """Letters and Greek letters name quantities; other glyphs (∞, ∇, ⋯) are operators."""
    text = glyph(node.name)
    return len(text) == 1 and text.isalpha()


def _symbol(node: Symbol, known: Known) -> Iterator[Occurrence]:
    key = node_key(node)
    if is_letter(node) or known(key):
        yield Occurrence(to_latex(node), to_text(node), (node.span,), (key,), 1, node)


def _accent(node: Accent) -> Occurrence:
    """``θ̂`` is looked up as itself, as any hatted letter, then as its letter θ."""
    return Occurrence(to_latex(node), to_text(node), (node.span,), _letter_keys(node), 2, node)


def _letter_keys(node: Node) -> tuple[str, ...]:
    if isinstance(node, Accent):
        return (node_key(node), accent_key(node), *_letter_keys(node.body))
    return (node_key(node),)


def _is_letter_like(node: Node) -> bool:
    return (isinstance(node, Symbol) and is_letter(node)) or (
        isinstance(node, Accent) and _is_letter_like(node.body))


def _index_superscript(sup: Node | None) -> bool:
    """``x^{(n)}``, ``θ^*``, ``W^Q`` name a symbol; ``x^2`` and ``x^n`` are powers."""
    if sup is None:
        return False
    if isinstance(sup, Group) and sup.open == "(":
        return True
    if isinstance(sup, Symbol):
        return sup.name in _INDEX_SUPERSCRIPTS or (len(sup.name) == 1 and sup.name.isupper()
                                                   and sup.name != "T")
    return False


def _script(node: Script, latex: str, known: Known) -> Iterator[Occurrence]:
    sup_is_index = _index_superscript(node.sup)
    sup_operator = (node.sup is not None and not sup_is_index
                    and known(superscript_key(node.sup)))
    if _is_letter_like(node.base):
        identity = Script(node.base, node.sub, node.sup if sup_is_index else None, node.primes,
                          span=node.span)
        exact = list(dict.fromkeys(script_keys(node) + script_keys(identity)))
        keys = (*exact, *_letter_keys(node.base))
        named = any(known(k) for k in exact)
        end = max(p.span[1] for p in (node.base, node.sub, node.sup if sup_is_index else None)
                  if p is not None)
        yield Occurrence(to_latex(identity), to_text(identity), ((node.span[0], end),), keys,
                         len(exact), node)
        parts = [] if named else [node.sub, node.sup if sup_is_index else None]
    else:
        parts = [node.base, node.sub]
    if node.sup is not None and not sup_is_index:
        if sup_operator:
            keys = (superscript_key(node.sup), node_key(node.sup))
            yield Occurrence("^{" + to_latex(node.sup) + "}", to_text(node.sup),
                             (node.sup.span,), keys, 2, node.sup, operator=True)
        else:
            parts.append(node.sup)
    for part in parts:
        if part is not None and not _is_label(part):
            yield from _visit(part, latex, known)


def _is_label(index: Node) -> bool:
    r"""A word used as an index (``\mathcal{L}_{\text{simple}}``, ``p_{data}``) names the
    symbol; its letters are not symbols of their own."""
    if isinstance(index, OpName | Text):
        return True
    return (isinstance(index, Mul) and not index.op and len(index.factors) >= 3
            and all(isinstance(f, Symbol) and len(f.name) == 1 for f in index.factors))


def _operators(node: Node, latex: str, known: Known) -> Iterator[Occurrence]:
    """The structure itself (𝔼, ‖·‖, ∑) and the operators written between its children."""
    if isinstance(node, _STRUCTURES) or (isinstance(node, Postfix) and node.op == "!"):
        yield _structure(node, latex)
    elif isinstance(node, Relation):
        yield from _between(node, latex, node.ops, relation_key, known)
    elif isinstance(node, Mul) and node.op:
        ops = (node.op,) * (len(node.factors) - 1)
        yield from _between(node, latex, ops, operator_key, known)


def _structure(node: Node, latex: str) -> Occurrence:
    if isinstance(node, BigOp):
        bare = BigOp(node.op, None)
        identity, text = to_latex(bare), to_text(bare).strip()
    elif isinstance(node, Postfix):
        identity, text = "!", "!"
    else:
        identity, text = _STRUCTURE_LATEX[type(node)], _STRUCTURE_TEXT[type(node)]
    spans = own_spans(node, latex) or (node.span,)
    return Occurrence(identity, text, spans, (node_key(node),), 1, node, operator=True)


def _between(node: Node, latex: str, ops: tuple[str, ...], key_of: Callable[[str], str],
             known: Known) -> Iterator[Occurrence]:
    gaps = own_spans(node, latex)
    if len(gaps) != len(ops):
        return
    for op, gap in zip(ops, gaps, strict=True):
        key = key_of(op)
        if known(key):
            yield Occurrence(op, _op_text(op), (gap,), (key,), 1, node, operator=True)


def _op_text(op: str) -> str:
    return glyph(op) if op.startswith("\\") else op
