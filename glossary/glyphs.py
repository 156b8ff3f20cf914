"""Glyph keys: one string per glyph, shared by glossary data and equation trees.

An entry lists its glyphs as LaTeX (``\\mathbb{E}``, ``\\operatorname{Var}``, ``^\\top``,
``\\sim``); an equation offers nodes (an Expectation, an OpName, a Script's superscript, a
relation operator). Both sides are reduced to the same key here, so ``\\operatorname{E}`` in a
data file and ``\\mathbb{E}_{x}[\\cdot]`` in a paper meet, and bold ``\\mathbf{x}`` finds the
entries for ``x``.
"""

from __future__ import annotations

from patterns.equivalences import canonical_letter, letter_font
from patterns.parser import parse_math
from patterns.printer import to_latex
from patterns.tree import (
    Abs,
    Accent,
    Angle,
    BigOp,
    Conditional,
    Differential,
    Expectation,
    Node,
    Norm,
    Number,
    OpName,
    Postfix,
    Relation,
    Script,
    Symbol,
    Text,
)

_BARS = {r"\|": "struct:norm", r"\Vert": "struct:norm", r"\lVert": "struct:norm",
         r"\rVert": "struct:norm", "|": "struct:abs", r"\vert": "struct:abs",
         r"\lvert": "struct:abs", r"\rvert": "struct:abs"}
_COMMAND_KEYS = {
    r"\langle": "struct:angle", r"\rangle": "struct:angle",
    r"\lceil": "struct:ceil", r"\rceil": "struct:ceil",
    r"\lfloor": "struct:floor", r"\rfloor": "struct:floor",
    "!": "struct:factorial", "~": r"rel:\sim",
    r"\binom": "struct:binom", r"\tbinom": "struct:binom", r"\dbinom": "struct:binom",
    r"\choose": "struct:binom",
}
"""Glyphs that are only half of a structure (or not math on their own) in a data file."""
_ACCENT_COMMANDS = {r"\hat": "hat", r"\widehat": "hat", r"\bar": "bar", r"\overline": "bar",
                    r"\tilde": "tilde", r"\widetilde": "tilde", r"\vec": "vec", r"\dot": "dot"}

_BIG_OPERATOR_NAMES = {"max", "min", "sup", "inf", "lim", "argmax", "argmin"}

EXPECTATION_KEY = "sym:bb:E"
NORM_KEY = "struct:norm"
ABS_KEY = "struct:abs"
ANGLE_KEY = "struct:angle"
CONDITIONAL_KEY = r"rel:\mid"
DIFFERENTIAL_KEY = "sym:rm:d"
FACTORIAL_KEY = "struct:factorial"
_STRUCTURE_KEYS: dict[type, str] = {
    Expectation: EXPECTATION_KEY, Norm: NORM_KEY, Abs: ABS_KEY, Angle: ANGLE_KEY,
    Conditional: CONDITIONAL_KEY, Differential: DIFFERENTIAL_KEY,
}


def glyph_key(latex: str) -> str:
    """The key of a glyph as an entry's ``symbols`` list spells it."""
    latex = latex.strip()
    if latex in _COMMAND_KEYS:
        return _COMMAND_KEYS[latex]
    if latex in _ACCENT_COMMANDS:
        return "accent:" + _ACCENT_COMMANDS[latex]
    if latex.startswith("^"):
        return superscript_key(parse_math(latex[1:]))
    return node_key(parse_math(latex))


def superscript_key(sup: Node) -> str:
    """A superscript that is an operator of its own: ``^\\top``, ``^T``, ``^{-1}``."""
    return "sup:" + to_latex(sup).strip("{} ")


def accent_key(node: Accent) -> str:
    """The accent alone (``\\hat`` of any letter), for entries such as ``estimate``."""
    return "accent:" + node.kind


def node_key(node: Node) -> str:
    """The key of one glyph-like node of an equation tree."""
    if isinstance(node, Symbol):
        if node.name in _BARS:
            return _BARS[node.name]
        return f"sym:{letter_font(node.font)}:{canonical_letter(node.name)}"
    if isinstance(node, OpName):
        # ``\max(0, x)`` is written as a function call but is the same glyph as ``\max_x``.
        # Case matters: ``\ln`` is the natural log, ``\operatorname{LN}`` a LayerNorm.
        if node.name.lower() in _BIG_OPERATOR_NAMES:
            return "bigop:" + node.name.lower()
        return "op:" + node.name
    if isinstance(node, BigOp):
        return "bigop:" + node.op
    if isinstance(node, Relation) and len(node.ops) == 1:
        return "rel:" + node.ops[0]
    if isinstance(node, Number):
        return f"num:{node.font}:{node.text}"
    if isinstance(node, Text):
        return "text:" + node.text.strip()
    if isinstance(node, Accent):
        return f"accent:{node.kind}:{node_key(node.body)}"
    return _structure_key(node) or "tex:" + to_latex(node)


def _structure_key(node: Node) -> str | None:
    if isinstance(node, Postfix):
        return FACTORIAL_KEY if node.op == "!" else None
    if isinstance(node, Script):
        return "script:" + to_latex(node)
    return _STRUCTURE_KEYS.get(type(node))


def script_keys(node: Script) -> list[str]:
    r"""Exact keys of an indexed symbol, also with its letter in the plain font:
    ``\mathrm{D}_{\mathrm{KL}}`` and ``\mathcal{D}_{\mathrm{KL}}`` are ``D_{\mathrm{KL}}``."""
    keys = [node_key(node)]
    if isinstance(node.base, Symbol) and node.base.font:
        plain = Script(Symbol(node.base.name), node.sub, node.sup, node.primes)
        keys.append(node_key(plain))
    return keys


def relation_key(op: str) -> str:
    """The key of a relation operator as the tree stores it (``\\sim``, ``:=``, ``\\in``)."""
    return "rel:" + op


def operator_key(op: str) -> str:
    """The key of a product operator (``\\odot``, ``\\times``, ``\\otimes``)."""
    return node_key(parse_math(op))
