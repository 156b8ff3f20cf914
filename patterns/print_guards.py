"""Where canonical LaTeX needs braces (or other care) to read back as the same tree.

The printer writes each node simply; these predicates spot the places where the parser would
then read it differently: a bracket after a letter becomes a call, ``\\log a \\sum b`` ends
the logarithm's argument early, an unknown command takes a following brace as its argument.
Each was found by the round-trip property in ``tests/fuzz`` and is pinned by an example in
``tests/patterns/test_printer.py``.
"""

from __future__ import annotations

from patterns.lexer import lex
from patterns.tree import (
    Accent,
    Apply,
    BigOp,
    Expectation,
    Group,
    Hole,
    Node,
    OpName,
    Script,
    Symbol,
    Text,
)
from patterns.vocabulary import (
    ADDITIVE,
    BIG_OPERATORS,
    FUNCTION_OPERATORS,
    LIMIT_OPERATORS,
    MULTIPLICATIVE,
    NAMED_SYMBOLS,
    OPERATOR_GLYPHS,
    RELATIONS,
)

GLYPHS_IN_BRACES = (OPERATOR_GLYPHS - MULTIPLICATIVE) | {r"\|"}
"""Symbols that bare would read as an operator or delimiter; ``{\\pm}`` reads as the symbol.
A lone product sign already reads as a symbol (``f(\\cdot)``) and stays bare: the glossary
keys symbols by their printed form."""
_OPERATORS = RELATIONS | ADDITIVE | MULTIPLICATIVE
"""What a row may not start or end with and stay a row of its own (as in the lexer)."""


def takes_a_brace(factor: Node) -> bool:
    """An unknown command followed by a brace reads it as its (next) argument: ``\\foo {}``."""
    if isinstance(factor, Apply) and factor.bracket == "{":
        factor = factor.head
    return isinstance(factor, Symbol) and not factor.font and factor.name[:1] == "\\" and (
        factor.name not in NAMED_SYMBOLS | OPERATOR_GLYPHS)


def takes_no_scripts(node: Node) -> bool:
    """Operators that end with their body: scripts after them never reach them."""
    return isinstance(node, BigOp | Expectation) or isinstance(node, Apply) and node.bracket == ""


def takes_what_follows(factor: Node, op: str) -> bool:
    """A factor that, written bare, would take the next factors as its body or argument:
    ``{\\sum_i x_i} y``, ``{\\log x} y``, ``{\\nabla} f``, ``{\\operatorname{or}} y``, and a
    lone ``{\\not}``, which the lexer would join to the next token."""
    if isinstance(factor, BigOp) or isinstance(factor, Symbol) and factor.name == r"\not":
        return True
    head = factor.base if isinstance(factor, Script) else factor
    return op == "" and (isinstance(factor, Apply) and factor.bracket == "" or isinstance(
        head, Symbol) and head.name in (r"\nabla", r"\partial") and not head.font
        or isinstance(head, OpName))


def reads_as_call(before: Node, group: Node) -> bool:
    """A bracket right after a letter or ``\\text`` would read as its arguments: ``{p}(x)``
    is a product only while the bracket is kept apart, as ``p {\\left(x\\right)}``."""
    return opens_with_bracket(group) and isinstance(before, Symbol | Script | Accent | Text | Hole)


def opens_with_bracket(node: Node) -> bool:
    """Whether ``node`` is written starting with a bracket that a call would take as its own."""
    base = node.base if isinstance(node, Script) else node
    return isinstance(base, Group) and base.open in ("(", "[", r"\{")


def ends_an_argument(text: str) -> bool:
    """Whether an operator's argument written bare would stop before ``text``: ``\\log a
    \\sum b`` is ``(\\log a) \\sum b``, so ``\\log {a \\sum b}`` keeps the sum inside."""
    tokens = lex(text)
    name = tokens[0].text if tokens else ""
    return name == r"\nabla" or name in BIG_OPERATORS or name[1:] in FUNCTION_OPERATORS | (
        LIMIT_OPERATORS)


def continues_across_rows(row: str) -> bool:
    """A row that starts or ends with an operator would read as one formula wrapped over two
    lines (``a = b \\cdot \\\\ c``); in braces it stays a statement of its own."""
    tokens = lex(row)
    return bool(tokens) and (tokens[0].text in _OPERATORS or tokens[-1].text in _OPERATORS)
