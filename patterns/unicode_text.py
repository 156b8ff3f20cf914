"""A tree as readable Unicode text: ``ε_θ(√ᾱₜ x₀ + √(1 − ᾱₜ) ε, t)``.

For terminals, plain-text exports and the plain-words explanations, where LaTeX source would be
the hieroglyphics eqlens exists to remove.
"""

from __future__ import annotations

from functools import singledispatch

from patterns import tree as t
from patterns.vocabulary import UNICODE, UNICODE_LETTERS

_FROM_LATEX = {v: k for k, v in UNICODE.items() if v.startswith("\\")}
_FROM_LATEX.update({r"\epsilon": "ε", r"\varepsilon": "ε", r"\phi": "φ", r"\varphi": "φ",
                    r"\vartheta": "ϑ", r"\top": "ᵀ", r"\dots": "…", r"\mid": "|",
                    r"\langle": "⟨", r"\rangle": "⟩", r"\|": "‖", r"\{": "{", r"\}": "}",
                    r"\lfloor": "⌊", r"\rfloor": "⌋", r"\lceil": "⌈", r"\rceil": "⌉",
                    r"\leftarrow": "←", r"\rightarrow": "→", r"\mapsto": "↦", r"\ne": "≠",
                    r"\sim": "∼", r"\in": "∈", r"\le": "≤", r"\ge": "≥", r"\ell": "ℓ"})
_FONT_LETTERS = {(letter, font): glyph for glyph, (letter, font) in UNICODE_LETTERS.items()}
_SUB = str.maketrans("0123456789+-=()aeijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ")
_SUP = str.maketrans("0123456789+-=()inT", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁱⁿᵀ")
_SUB_OK = set("0123456789+-=()aeijklmnoprstuvx")
_SUP_OK = set("0123456789+-=()inT")
_COMBINING = {"hat": "\u0302", "bar": "\u0304", "tilde": "\u0303", "dot": "\u0307",
              "ddot": "\u0308", "vec": "\u20d7", "check": "\u030c", "breve": "\u0306"}
_BIG = {"sum": "∑", "prod": "∏", "int": "∫", "iint": "∬", "oint": "∮", "bigcup": "⋃",
        "bigcap": "⋂"}
_ATOMIC = (t.Symbol, t.Number, t.OpName, t.Group, t.Norm, t.Abs, t.Angle, t.Accent, t.Hole)


def glyph(name: str) -> str:
    """One symbol's name (``\\alpha``, ``x``) as its Unicode glyph."""
    if name in _FROM_LATEX:
        return _FROM_LATEX[name]
    return name[1:] if name.startswith("\\") and len(name) > 2 else name.lstrip("\\")


def _script(text: str, table: dict, ok: set[str], mark: str) -> str:
    """Unicode sub/superscript characters where they all exist, else ``_x`` / ``^(x+1)``."""
    compact = text.replace(" ", "").replace("−", "-")
    if compact and all(ch in ok for ch in compact):
        return compact.translate(table)
    if "," not in text and " " in text:
        text = compact
    if mark == "^" and text == "ᵀ":
        return text
    return mark + text if len(text) == 1 else f"{mark}({text})"


def _paren(node: t.Node) -> str:
    text = to_text(node)
    return text if isinstance(node, (*_ATOMIC, t.Script, t.Apply, t.Sqrt)) else (
        f"({text})")


@singledispatch
def to_text(node: t.Node) -> str:
    """Readable Unicode for ``node``."""
    return ""


@to_text.register
def _(node: t.Symbol) -> str:
    if (node.name, node.font) in _FONT_LETTERS:
        return _FONT_LETTERS[(node.name, node.font)]
    return glyph(node.name)


@to_text.register
def _(node: t.Number) -> str:
    return "𝟙" if node.font == "bb" and node.text == "1" else node.text


@to_text.register
def _(node: t.OpName) -> str:
    return node.name


@to_text.register
def _(node: t.Text) -> str:
    return node.text


@to_text.register
def _(node: t.Hole) -> str:
    return "?" + node.name


@to_text.register
def _(node: t.Accent) -> str:
    body = to_text(node.body)
    if len(body) == 1 and node.kind in _COMBINING:
        return body + _COMBINING[node.kind]
    return f"{node.kind}({body})"


@to_text.register
def _(node: t.Script) -> str:
    base = to_text(node.base)
    if not isinstance(node.base, (*_ATOMIC, t.Apply, t.Expectation)):
        base = f"({base})"
    out = base + "′" * node.primes
    if node.sub is not None:
        out += _script(to_text(node.sub), _SUB, _SUB_OK, "_")
    if node.sup is not None:
        out += _script(to_text(node.sup), _SUP, _SUP_OK, "^")
    return out


@to_text.register
def _(node: t.Add) -> str:
    parts = []
    for i, term in enumerate(node.terms):
        if isinstance(term, t.Neg):
            parts.append(("− " if i else "−") + to_text(term.body))
        elif isinstance(term, t.PlusMinus):
            parts.append(("± " if term.sign == r"\pm" else "∓ ") + to_text(term.body))
        else:
            parts.append(("+ " if i else "") + to_text(term))
    return " ".join(parts)


@to_text.register
def _(node: t.Neg) -> str:
    return "−" + _paren(node.body) if isinstance(node.body, t.Add) else "−" + to_text(node.body)


@to_text.register
def _(node: t.PlusMinus) -> str:
    return "±" + to_text(node.body)


@to_text.register
def _(node: t.Mul) -> str:
    if node.op:
        op = glyph(node.op) if node.op.startswith("\\") else node.op
        return f" {op} ".join(_paren(f) if isinstance(f, t.Add) else to_text(f)
                              for f in node.factors)
    parts = [_paren(f) if isinstance(f, t.Add | t.Relation) else to_text(f)
             for f in node.factors]
    out = parts[0]
    for prev, part in zip(parts, parts[1:], strict=False):
        glue = "" if len(prev) == 1 and 0 < len(part) <= 2 and part[0].isalpha() else " "
        out += glue + part
    return out


@to_text.register
def _(node: t.Frac) -> str:
    return f"{_paren(node.num)}/{_paren(node.den)}"


@to_text.register
def _(node: t.Sqrt) -> str:
    index = "" if node.index is None else _script(to_text(node.index), _SUP, _SUP_OK, "^")
    return index + "√" + _paren(node.body)


@to_text.register
def _(node: t.Apply) -> str:
    head = to_text(node.head)
    seps = [s if s != r"\|" else " ‖" for s in node.seps] + [","] * len(node.args)
    args = "".join(to_text(a) + (seps[i] + " " if i < len(node.args) - 1 else "")
                   for i, a in enumerate(node.args))
    if node.bracket == "":
        return f"{head} {args}"
    if node.bracket == "[":
        return f"{head}[{args}]"
    return f"{head}({args})"


@to_text.register
def _(node: t.Conditional) -> str:
    return f"{to_text(node.given)} | {to_text(node.condition)}"


@to_text.register
def _(node: t.BigOp) -> str:
    head = _BIG.get(node.op, node.op)
    if node.lower is not None:
        head += _script(to_text(node.lower), _SUB, _SUB_OK, "_")
    if node.upper is not None:
        head += _script(to_text(node.upper), _SUP, _SUP_OK, "^")
    return head if node.body is None else f"{head} {to_text(node.body)}"


@to_text.register
def _(node: t.Differential) -> str:
    return "d" + to_text(node.var)


@to_text.register
def _(node: t.Expectation) -> str:
    head = "𝔼"
    if node.sub is not None:
        head += _script(to_text(node.sub), _SUB, _SUB_OK, "_")
    return f"{head}[{'' if node.body is None else to_text(node.body)}]"


@to_text.register
def _(node: t.Group) -> str:
    body = "" if node.body is None else to_text(node.body)
    return glyph(node.open) + body + glyph(node.close)


@to_text.register
def _(node: t.Norm) -> str:
    return f"‖{to_text(node.body)}‖"


@to_text.register
def _(node: t.Abs) -> str:
    return f"|{to_text(node.body)}|"


@to_text.register
def _(node: t.Angle) -> str:
    return "⟨" + ", ".join(to_text(i) for i in node.items) + "⟩"


@to_text.register
def _(node: t.Seq) -> str:
    return ", ".join(to_text(i) for i in node.items)


@to_text.register
def _(node: t.Relation) -> str:
    out = [to_text(node.operands[0])]
    for op, operand in zip(node.ops, node.operands[1:], strict=True):
        out += [glyph(op) if op.startswith("\\") else op, to_text(operand)]
    return " ".join(p for p in out if p)


@to_text.register
def _(node: t.Postfix) -> str:
    return _paren(node.body) + node.op


@to_text.register
def _(node: t.Matrix) -> str:
    rows = "; ".join(", ".join(to_text(c) for c in row) for row in node.rows)
    return ("{ " + rows + " }") if "cases" in node.kind else f"[{rows}]"


@to_text.register
def _(node: t.Rows) -> str:
    return "; ".join(to_text(r) for r in node.rows)


@to_text.register
def _(node: t.Brace) -> str:
    return to_text(node.body)


@to_text.register
def _(node: t.Unparsed) -> str:
    return node.source


def script_chars(text: str, *, sup: bool) -> str | None:
    """``text`` as Unicode sub- or superscript characters, one for one; None when one lacks one.

    The translation keeps the length, so a caller that placed ``text`` in cells can swap it in
    place (the 2-D layout uses this for scripts of scripts, where another row would be clutter).
    """
    compact = text.replace("−", "-")
    ok, table = (_SUP_OK, _SUP) if sup else (_SUB_OK, _SUB)
    if not compact or not all(ch in ok for ch in compact):
        return None
    return compact.translate(table)
