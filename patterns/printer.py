"""Writes a tree back as canonical LaTeX, and as readable Unicode text.

Canonical LaTeX is what equality means made visible: two spellings that parse to equal trees
print identically, and parsing the printout gives the tree back (a property test checks it).
The Unicode form is for terminals and plain-text exports: ``ε_θ(√ᾱ_t x₀ + ...)``.
"""

from __future__ import annotations

from functools import singledispatch

from patterns.parse_postfix import calls_by_name
from patterns.print_guards import (
    GLYPHS_IN_BRACES,
    continues_across_rows,
    ends_an_argument,
    opens_with_bracket,
    reads_as_call,
    takes_a_brace,
    takes_no_scripts,
    takes_what_follows,
)
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
from patterns.vocabulary import (
    ACCENT_COMMANDS,
    BIG_OPERATORS,
    FUNCTION_OPERATORS,
    MULTIPLICATIVE,
)

_FONT_COMMANDS = {"bold": r"\mathbf", "cal": r"\mathcal", "bb": r"\mathbb", "frak": r"\mathfrak",
                  "scr": r"\mathscr", "rm": r"\mathrm", "sf": r"\mathsf", "tt": r"\mathtt"}
_BIG_COMMANDS = {v: k for k, v in BIG_OPERATORS.items()}
_ATOMS = (Symbol, Number, OpName, Group, Norm, Abs, Angle, Hole, Accent, Text)


def _braced(node: Node | None) -> str:
    return "{" + (_latex(node) if node is not None else "") + "}"


def _script_part(node: Node | None, mark: str) -> str:
    return "" if node is None else mark + _braced(node)


def to_latex(node: Node) -> str:
    """Canonical LaTeX for ``node``.

    The rows of a whole display are written as rows; rows anywhere else can only have come from
    a ``\\substack`` (``\\sum_{\\substack{i \\\\ j}}``) and are written as one.
    """
    return _rows(node) if isinstance(node, Rows) else _latex(node)


@singledispatch
def _latex(node: Node) -> str:
    raise TypeError(f"cannot print {type(node).__name__}")


@_latex.register
def _(node: Symbol) -> str:
    if node.font and node.font in _FONT_COMMANDS:
        return f"{_FONT_COMMANDS[node.font]}{{{node.name}}}"
    if len(node.name) == 1 and not node.name.isalnum() or node.name in GLYPHS_IN_BRACES:
        return "{" + node.name + "}"  # an operator glyph used as a symbol: x^{*}, f(\cdot)
    return node.name


@_latex.register
def _(node: Number) -> str:
    if node.font in _FONT_COMMANDS:
        return f"{_FONT_COMMANDS[node.font]}{{{node.text}}}"
    return node.text


@_latex.register
def _(node: OpName) -> str:
    if node.name in FUNCTION_OPERATORS or node.name in ("max", "min", "sup", "inf", "lim"):
        return "\\" + node.name
    return rf"\operatorname{{{node.name}}}"


@_latex.register
def _(node: Text) -> str:
    return rf"\text{{{node.text}}}"


@_latex.register
def _(node: Hole) -> str:
    return "?" + node.name


@_latex.register
def _(node: Accent) -> str:
    return ACCENT_COMMANDS[node.kind] + _braced(node.body)


@_latex.register
def _(node: Script) -> str:
    if takes_no_scripts(node.base) and not node.primes and (node.sub is None) != (
            node.sup is None):  # from \underset{x}{\sum_i y}: a script would be its limit
        command, script = (r"\underset", node.sub) if node.sup is None else (r"\overset", node.sup)
        return command + _braced(script) + _braced(node.base)
    base = _latex(node.base)
    if not isinstance(node.base, _ATOMS) or isinstance(node.base, Symbol) and (
        node.base.name in GLYPHS_IN_BRACES | MULTIPLICATIVE
    ):
        base = "{" + base + "}"
    return base + "'" * node.primes + _script_part(node.sub, "_") + _script_part(node.sup, "^")


@_latex.register
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
    text = _latex(node)
    return "{" + text + "}" if isinstance(node, Add | Relation | Seq | Neg | PlusMinus) else text


@_latex.register
def _(node: Neg) -> str:
    return "-" + _term(node.body)


@_latex.register
def _(node: PlusMinus) -> str:
    return node.sign + " " + _term(node.body)


@_latex.register
def _(node: Mul) -> str:
    sep = " " if node.op == "" else f" {node.op} "
    parts = []
    for i, factor in enumerate(node.factors):
        text = _latex(factor)
        if isinstance(factor, Add | Relation | Seq | Neg | PlusMinus | Conditional) or (
            isinstance(factor, Mul) and factor.op != node.op
        ) or isinstance(factor, Frac) and factor.slash or isinstance(factor, Symbol) and (
            factor.name in MULTIPLICATIVE and i < len(node.factors) - 1  # {a \star} b
        ) or (
            i < len(node.factors) - 1 and takes_what_follows(factor, node.op)
        ) or (i > 0 and node.op == "" and reads_as_call(node.factors[i - 1], factor)):
            text = "{" + text + "}"
        if parts and parts[-1][-1:].isdigit() and text[:1] in "0123456789.":
            text = "{" + text + "}"  # 81 {160}: digits a blank apart are one number
        parts.append(text)
    for i in range(len(parts) - 1, 0, -1):  # backwards: a braced factor starts with a brace too
        if parts[i].startswith("{") and takes_a_brace(node.factors[i - 1]):
            parts[i - 1] = "{" + parts[i - 1] + "}"
    return sep.join(parts)


@_latex.register
def _(node: Frac) -> str:
    return rf"\frac{_braced(node.num)}{_braced(node.den)}"


@_latex.register
def _(node: Sqrt) -> str:
    index = "" if node.index is None else f"[{_latex(node.index)}]"
    return rf"\sqrt{index}{_braced(node.body)}"


def _joined(items: tuple[Node, ...], seps: tuple[str, ...]) -> str:
    """Items with the separators they were written with (commas by default)."""
    padded = list(seps) + [","] * len(items)
    return "".join(_item(item, len(items)) + (padded[i] + " " if i < len(items) - 1 else "")
                   for i, item in enumerate(items))


def _item(node: Node, count: int) -> str:
    """One item of a list; a braced list in it (``p({a; b}; c)``) keeps its braces, and so does
    a conditional among several items."""
    text = _latex(node)
    nested = isinstance(node, Seq) and node.items or isinstance(node, Conditional) and count > 1
    return "{" + text + "}" if nested else text


@_latex.register
def _(node: Apply) -> str:
    head = _latex(node.head)
    if node.bracket == "{":
        if node.head == OpName("binom") and len(node.args) == 2:
            head = r"\binom"  # {n \choose k} too
        return head + "".join(_braced(a) for a in node.args)
    if node.bracket == "" and len(node.args) == 1:  # \log x, \nabla{a + b}: no call brackets
        arg = node.args[0]
        braced = isinstance(arg, Add | Relation | Seq | Conditional | Neg | PlusMinus) or (
            opens_with_bracket(arg)) or isinstance(arg, Mul) and any(
            ends_an_argument(_latex(f)) for f in arg.factors[1:])
        return head + " " + ("{" + _latex(arg) + "}" if braced else _latex(arg))
    opener, closer = {"[": ("[", "]"), r"\{": (r"\{", r"\}")}.get(node.bracket, ("(", ")"))
    if not isinstance(_head_symbol(node.head), Symbol | OpName) or node.bracket == "":
        opener, closer = r"\left(", r"\right)"
    args = _joined(node.args, node.seps)
    if len(node.args) < 2 and isinstance(_head_symbol(node.head), Symbol) and not calls_by_name(
            node.head):
        args = ", " + args if args else ","  # x(,y): only the comma made it a call
    return f"{head}{opener}{args}{closer}"


def _head_symbol(node: Node) -> Node:
    while isinstance(node, Script | Accent):
        node = node.base if isinstance(node, Script) else node.body
    return node


@_latex.register
def _(node: Conditional) -> str:
    return f"{_latex(node.given)} \\mid {_latex(node.condition)}"


@_latex.register
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


@_latex.register
def _(node: Differential) -> str:
    return r"\mathrm{d}" + _braced(node.var)


@_latex.register
def _(node: Expectation) -> str:
    head = r"\mathbb{E}" + _script_part(node.sub, "_") + _script_part(node.sup, "^")
    body = "" if node.body is None else _latex(node.body)
    return head + r"\left[" + body + r"\right]"


_OPEN = {"(": r"\left(", "[": r"\left[", r"\{": r"\left\{", "": r"\left."}
_CLOSE = {")": r"\right)", "]": r"\right]", r"\}": r"\right\}", "": r"\right."}


@_latex.register
def _(node: Group) -> str:
    body = "" if node.body is None else _latex(node.body)
    opener = _OPEN.get(node.open, r"\left" + node.open)
    closer = _CLOSE.get(node.close, r"\right" + node.close)
    return f"{opener}{body}{closer}"


@_latex.register
def _(node: Norm) -> str:
    return rf"\left\| {_latex(node.body)} \right\|"


@_latex.register
def _(node: Abs) -> str:
    return rf"\left| {_latex(node.body)} \right|"


@_latex.register
def _(node: Angle) -> str:
    return r"\langle " + ", ".join(_latex(i) for i in node.items) + r" \rangle"


@_latex.register
def _(node: Seq) -> str:
    return _joined(node.items, node.seps)


@_latex.register
def _(node: Relation) -> str:
    out = [_operand(node.operands[0])]
    for op, operand in zip(node.ops, node.operands[1:], strict=True):
        out += [op, _operand(operand)]
    if not any(out[::2]):
        out[0] = "{}"  # "{} \le", not a lone "\le", which in braces is the symbol ≤
    return " ".join(part for part in out if part)


def _operand(node: Node) -> str:
    """A relation's side; a relation or list there was braced (``{a = b} \\le c``)."""
    text = _latex(node)
    return "{" + text + "}" if isinstance(node, Relation | Conditional) or (
        isinstance(node, Seq) and node.items) else text


@_latex.register
def _(node: Postfix) -> str:
    return _term(node.body) + node.op


@_latex.register
def _(node: Matrix) -> str:
    rows = r" \\ ".join(" & ".join(_latex(c) for c in row) for row in node.rows)
    spec = "{" + "c" * max((len(r) for r in node.rows), default=1) + "}" if node.kind in (
        "array", "subarray") else ""
    return rf"\begin{{{node.kind}}}{spec} {rows} \end{{{node.kind}}}"


@_latex.register
def _(node: Rows) -> str:
    return r"\substack{" + _rows(node) + "}"


def _rows(node: Rows) -> str:
    texts = [_latex(row) for row in node.rows]
    return r" \\ ".join(
        "{" + text + "}" if isinstance(row, Seq) or continues_across_rows(text) else text
        for row, text in zip(node.rows, texts, strict=True))


@_latex.register
def _(node: Brace) -> str:
    if node.kind == "under":
        return r"\underbrace" + _braced(node.body) + _script_part(node.label, "_")
    return r"\overbrace" + _braced(node.body) + _script_part(node.label, "^")


@_latex.register
def _(node: Unparsed) -> str:
    return node.source
