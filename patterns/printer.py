"""Writes a tree back as canonical LaTeX, and as readable Unicode text.

Canonical LaTeX is what equality means made visible: two spellings that parse to equal trees
print identically, and parsing the printout gives the tree back (a property test checks it).
The Unicode form is for terminals and plain-text exports: ``ε_θ(√ᾱ_t x₀ + ...)``.
"""

from __future__ import annotations

from functools import singledispatch

from patterns.tree import (
    Abs,
    Accent,
    Add,
    Angle,
    Apply,
    BigOp,
    Brace,
    Conditional,
    Differential,
    Expectation,
    Frac,
    Group,
    Hole,
    Matrix,
    Mul,
    Neg,
    Node,
    Norm,
    Number,
    OpName,
    PlusMinus,
    Postfix,
    Relation,
    Rows,
    Script,
    Seq,
    Sqrt,
    Symbol,
    Text,
    Unparsed,
)
from patterns.vocabulary import ACCENT_COMMANDS, BIG_OPERATORS, FUNCTION_OPERATORS

_FONT_COMMANDS = {"bold": r"\mathbf", "cal": r"\mathcal", "bb": r"\mathbb", "frak": r"\mathfrak",
                  "scr": r"\mathscr", "rm": r"\mathrm", "sf": r"\mathsf", "tt": r"\mathtt"}
_BIG_COMMANDS = {v: k for k, v in BIG_OPERATORS.items()}
_ATOMS = (Symbol, Number, OpName, Group, Norm, Abs, Angle, Hole, Accent, Text)


def _braced(node: Node | None) -> str:
    return "{" + (to_latex(node) if node is not None else "") + "}"


def _script_part(node: Node | None, mark: str) -> str:
    return "" if node is None else mark + _braced(node)


@singledispatch
def to_latex(node: Node) -> str:
    """Canonical LaTeX for ``node``."""
    raise TypeError(f"cannot print {type(node).__name__}")


@to_latex.register
def _(node: Symbol) -> str:
    if node.font and node.font in _FONT_COMMANDS:
        return f"{_FONT_COMMANDS[node.font]}{{{node.name}}}"
    if len(node.name) == 1 and not node.name.isalnum() or node.name == r"\|":
        return "{" + node.name + "}"  # an operator glyph used as a symbol: x^{*}, f(\cdot)
    return node.name


@to_latex.register
def _(node: Number) -> str:
    if node.font in _FONT_COMMANDS:
        return f"{_FONT_COMMANDS[node.font]}{{{node.text}}}"
    return node.text


@to_latex.register
def _(node: OpName) -> str:
    if node.name in FUNCTION_OPERATORS or node.name in ("max", "min", "sup", "inf", "lim"):
        return "\\" + node.name
    return rf"\operatorname{{{node.name}}}"


@to_latex.register
def _(node: Text) -> str:
    return rf"\text{{{node.text}}}"


@to_latex.register
def _(node: Hole) -> str:
    return "?" + node.name


@to_latex.register
def _(node: Accent) -> str:
    return ACCENT_COMMANDS[node.kind] + _braced(node.body)


@to_latex.register
def _(node: Script) -> str:
    base = to_latex(node.base)
    if not isinstance(node.base, _ATOMS) or isinstance(node.base, Symbol) and node.base.name in (
        "|", r"\|"
    ):
        base = "{" + base + "}"
    return base + "'" * node.primes + _script_part(node.sub, "_") + _script_part(node.sup, "^")


@to_latex.register
def _(node: Add) -> str:
    out = []
    for i, term in enumerate(node.terms):
        if isinstance(term, Neg):
            out.append(("- " if i else "-") + _term(term.body))
        elif isinstance(term, PlusMinus):
            out.append(term.sign + " " + _term(term.body))
        else:
            out.append(("+ " if i else "") + _term(term))
    return " ".join(out)


def _term(node: Node) -> str:
    text = to_latex(node)
    return "{" + text + "}" if isinstance(node, Add | Relation | Seq | Neg | PlusMinus) else text


@to_latex.register
def _(node: Neg) -> str:
    return "-" + _term(node.body)


@to_latex.register
def _(node: PlusMinus) -> str:
    return node.sign + " " + _term(node.body)


@to_latex.register
def _(node: Mul) -> str:
    sep = " " if node.op == "" else f" {node.op} "
    parts = []
    for factor in node.factors:
        text = to_latex(factor)
        if isinstance(factor, Add | Relation | Seq | Neg | PlusMinus | Conditional) or (
            isinstance(factor, Mul) and factor.op != node.op
        ) or isinstance(factor, Frac) and factor.slash:
            text = "{" + text + "}"
        parts.append(text)
    return sep.join(parts)


@to_latex.register
def _(node: Frac) -> str:
    return rf"\frac{_braced(node.num)}{_braced(node.den)}"


@to_latex.register
def _(node: Sqrt) -> str:
    index = "" if node.index is None else f"[{to_latex(node.index)}]"
    return rf"\sqrt{index}{_braced(node.body)}"


def _joined(items: tuple[Node, ...], seps: tuple[str, ...]) -> str:
    """Items with the separators they were written with (commas by default)."""
    padded = list(seps) + [","] * len(items)
    return "".join(to_latex(item) + (padded[i] + " " if i < len(items) - 1 else "")
                   for i, item in enumerate(items))


@to_latex.register
def _(node: Apply) -> str:
    head = to_latex(node.head)
    if node.bracket == "{":
        return head + "".join(_braced(a) for a in node.args)
    if node.bracket == "" and len(node.args) == 1 and not isinstance(
        node.args[0], Add | Relation | Seq | Conditional | Neg | PlusMinus
    ):
        if isinstance(node.head, Script) and node.head.sup is not None and not isinstance(
            node.head.base, OpName
        ):
            return "{" + head + "} " + _term(node.args[0])
        return head + " " + to_latex(node.args[0])
    opener, closer = {"[": ("[", "]"), r"\{": (r"\{", r"\}")}.get(node.bracket, ("(", ")"))
    if not isinstance(_head_symbol(node.head), Symbol | OpName) or node.bracket == "":
        opener, closer = r"\left(", r"\right)"
    return f"{head}{opener}{_joined(node.args, node.seps)}{closer}"


def _head_symbol(node: Node) -> Node:
    while isinstance(node, Script | Accent):
        node = node.base if isinstance(node, Script) else node.body
    return node


@to_latex.register
def _(node: Conditional) -> str:
    return f"{to_latex(node.given)} \\mid {to_latex(node.condition)}"


@to_latex.register
def _(node: BigOp) -> str:
    if node.op in _BIG_COMMANDS:
        head = _BIG_COMMANDS[node.op]
    elif node.op in ("max", "min", "sup", "inf", "lim"):
        head = "\\" + node.op
    else:
        head = rf"\operatorname*{{{node.op}}}"
    head += _script_part(node.lower, "_") + _script_part(node.upper, "^")
    if node.body is None:
        return head
    return head + " " + _term(node.body)


@to_latex.register
def _(node: Differential) -> str:
    return r"\mathrm{d}" + _braced(node.var)


@to_latex.register
def _(node: Expectation) -> str:
    head = r"\mathbb{E}" + _script_part(node.sub, "_") + _script_part(node.sup, "^")
    body = "" if node.body is None else to_latex(node.body)
    return head + r"\left[" + body + r"\right]"


_OPEN = {"(": r"\left(", "[": r"\left[", r"\{": r"\left\{", "": r"\left."}
_CLOSE = {")": r"\right)", "]": r"\right]", r"\}": r"\right\}", "": r"\right."}


@to_latex.register
def _(node: Group) -> str:
    body = "" if node.body is None else to_latex(node.body)
    opener = _OPEN.get(node.open, r"\left" + node.open)
    closer = _CLOSE.get(node.close, r"\right" + node.close)
    return f"{opener}{body}{closer}"


@to_latex.register
def _(node: Norm) -> str:
    return rf"\left\| {to_latex(node.body)} \right\|"


@to_latex.register
def _(node: Abs) -> str:
    return rf"\left| {to_latex(node.body)} \right|"


@to_latex.register
def _(node: Angle) -> str:
    return r"\langle " + ", ".join(to_latex(i) for i in node.items) + r" \rangle"


@to_latex.register
def _(node: Seq) -> str:
    return _joined(node.items, node.seps)


@to_latex.register
def _(node: Relation) -> str:
    out = [to_latex(node.operands[0])]
    for op, operand in zip(node.ops, node.operands[1:], strict=True):
        out += [op, to_latex(operand)]
    return " ".join(part for part in out if part)


@to_latex.register
def _(node: Postfix) -> str:
    return _term(node.body) + node.op


@to_latex.register
def _(node: Matrix) -> str:
    rows = r" \\ ".join(" & ".join(to_latex(c) for c in row) for row in node.rows)
    spec = "{" + "c" * max((len(r) for r in node.rows), default=1) + "}" if node.kind in (
        "array", "subarray") else ""
    return rf"\begin{{{node.kind}}}{spec} {rows} \end{{{node.kind}}}"


@to_latex.register
def _(node: Rows) -> str:
    return r" \\ ".join("{" + to_latex(r) + "}" if isinstance(r, Seq) else to_latex(r)
                        for r in node.rows)


@to_latex.register
def _(node: Brace) -> str:
    if node.kind == "under":
        return r"\underbrace" + _braced(node.body) + _script_part(node.label, "_")
    return r"\overbrace" + _braced(node.body) + _script_part(node.label, "^")


@to_latex.register
def _(node: Unparsed) -> str:
    return node.source
