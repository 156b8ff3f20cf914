"""What an inline formula offers the phrase rules: the symbols it could define, and how it reads.

This is the LaTeX half of definition finding: ``$x$`` is one symbol, ``$u, v \\in R^d$`` two
with a constraint, ``$\\alpha = K(x, y)$`` a definition by formula, ``$x + y$`` nothing. The rules
in :mod:`reader.definition_phrases` get only the :class:`SlotInfo` summary.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from patterns import tree as t
from patterns.printer import to_latex
from patterns.unicode_text import to_text
from reader.definition_sentences import SLOT_RE
from reader.definition_slots import SlotInfo
from reader.definition_symbols import (
    is_dot,
    is_dots,
    mentions_symbol,
    parse,
    plain_letter,
    symbolish,
)

_CONSTRAINTS = frozenset(
    r"\in > < \geq \leq \ge \le \sim : \subset \subseteq \neq \ne \gg \ll \propto \approx"
    r" \colon".split()
)
"""Relations that type or bound a symbol (``x \\in R^d``, ``T > 0``) without defining it."""
_DEFINING = frozenset(r"= := \coloneqq \triangleq \equiv \doteq".split())
_COLON_EQUALS = re.compile(r"\\(?:vcentcolon|coloneqq|colon)\s*=")

Spelling = Callable[[t.Node], str]


@dataclass(frozen=True, slots=True)
class FormulaSlot:
    """An inline formula as the rules see it, plus what to show for it."""

    info: SlotInfo
    symbols: tuple[str, ...] = ()
    """The LaTeX of each definable symbol, as written."""
    rhs: str = ""
    """Unicode of the defining right-hand side (for ``x = ...``)."""
    text: str = ""
    """The whole formula as Unicode."""


@functools.lru_cache(maxsize=4096)
def analyse(math: str) -> FormulaSlot:
    """What an inline formula defines: its symbols, and a right-hand side if it is one."""
    node = parse(_COLON_EQUALS.sub(":=", math))
    if node is None:
        return FormulaSlot(SlotInfo(0), text=math)
    text = to_text(node)
    if t.unparsed_nodes(node):
        return FormulaSlot(SlotInfo(0), text=text)
    spelled = functools.partial(_spelled, math)
    if symbolish(node) or isinstance(node, t.Symbol) and not is_dots(node) and not is_dot(node):
        return FormulaSlot(SlotInfo(1, letter=plain_letter(node)), (spelled(node),), text=text)
    if isinstance(node, t.Relation) and symbolish(node.operands[0]):
        return _analyse_relation(node, spelled, text)
    if isinstance(node, t.Seq):
        return _analyse_list(node, spelled, text)
    return FormulaSlot(SlotInfo(0), text=text)


def render(masked: str, maths: list[str]) -> str:
    """Masked text back to plain text: formulas as Unicode, loader placeholders tidied."""
    text = SLOT_RE.sub(lambda m: analyse(maths[int(m.group(1))]).text, masked)
    text = text.replace("(<ref>)", "(…)").replace("<ref>", "…")
    return re.sub(r"\s+", " ", text).strip()


def _spelled(math: str, node: t.Node) -> str:
    """The symbol as the formula writes it, or the printer's spelling if the span is odd."""
    written = math[node.span[0]:node.span[1]].strip()
    if not written or written.count("{") != written.count("}"):
        return to_latex(node)
    return written


def _analyse_relation(node: t.Relation, spelled: Spelling, text: str) -> FormulaSlot:
    """``x = K(x, y)`` defines x by formula; ``x \\in R^d`` and ``T = 1000`` only mention it."""
    op, rhs = node.ops[0], node.operands[1]
    symbols = (spelled(node.operands[0]),)
    if op in _DEFINING and len(node.ops) == 1 and mentions_symbol(rhs):
        return FormulaSlot(SlotInfo(1, formula=True, relation=True), symbols, to_text(rhs), text)
    if op in _CONSTRAINTS or op in _DEFINING:  # "p_t \to p" is a statement, not a type
        counted = plain_letter(node.operands[0]) and isinstance(rhs, t.Number)
        return FormulaSlot(SlotInfo(1, relation=True, letter=counted), symbols, text=text)
    return FormulaSlot(SlotInfo(0), text=text)


def _analyse_list(node: t.Seq, spelled: Spelling, text: str) -> FormulaSlot:
    """``x, y``, ``u, v ∈ R^d``, the range ``t = 1, …, T`` (defines ``t``), ``x = …, ‖ε‖ ≈ 0``."""
    items = [i for i in node.items if not is_dots(i)]
    first = items[0] if items else None
    if isinstance(first, t.Relation) and first.ops == ("=",) and symbolish(first.operands[0]):
        formula = mentions_symbol(first.operands[1]) and not isinstance(items[-1], t.Number)
        rhs = to_text(first.operands[1]) if formula else ""
        return FormulaSlot(SlotInfo(1, formula=formula, relation=True),
                           (spelled(first.operands[0]),), rhs, text)
    relation = False
    if items and isinstance(items[-1], t.Relation) and items[-1].ops[0] in _CONSTRAINTS:
        items[-1] = items[-1].operands[0]
        relation = True
    if len(items) < 2 or not all(symbolish(i) for i in items):
        return FormulaSlot(SlotInfo(0), text=text)
    return FormulaSlot(SlotInfo(len(items), relation=relation), tuple(spelled(i) for i in items),
                       text=text)
