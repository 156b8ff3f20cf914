"""Notations that papers use interchangeably, recognised in one place for the matcher.

Each helper answers "is this sub-tree one spelling of X?" so that a template written in one
spelling covers the others: ``e^{x}`` is ``\\exp(x)``, ``K^T`` is ``K^\\top``, ``D_{KL}`` names
the same divergence as ``\\mathrm{KL}``, ``:=`` and ``\\leftarrow`` both define. Keeping them
here, rather than as extra templates, means every pattern gains every spelling at once.
"""

from __future__ import annotations

from patterns.tree import Add, Apply, Conditional, Mul, Neg, Node, OpName, Script, Seq, Symbol, Text

_SAME_LETTER = {r"\varepsilon": r"\epsilon", r"\varphi": r"\phi", r"\vartheta": r"\theta",
                r"\varrho": r"\rho", r"\varsigma": r"\sigma", r"\varpi": r"\pi"}
"""Letter variants that never change meaning: ``\\varepsilon`` is ``\\epsilon``."""

_DEFINES = "="
_RELATION_CLASS = {
    ":=": _DEFINES, r"\coloneqq": _DEFINES, r"\triangleq": _DEFINES, r"\equiv": _DEFINES,
    r"\doteq": _DEFINES, r"\leftarrow": _DEFINES, r"\gets": _DEFINES, "=:": _DEFINES,
    r"\eqqcolon": _DEFINES, r"\coloneq": _DEFINES, r"\overset{\text{def}}{=}": _DEFINES,
    r"\geq": r"\ge", r"\geqslant": r"\ge", r"\leq": r"\le", r"\leqslant": r"\le",
}
"""Relations that say the same thing: "equals", "is defined as" and "is set to" are one."""

_TRANSPOSE_MARKS = {r"\top", r"\intercal", "T"}
_TRANSPOSE_FONTS = {"", "rm", "sf", "bold"}


def canonical_letter(name: str) -> str:
    """The plain spelling of a letter variant (``\\varepsilon`` → ``\\epsilon``)."""
    return _SAME_LETTER.get(name, name)


def letter_font(font: str) -> str:
    """A letter's font as far as meaning goes: bold ``\\mathbf{x}`` is still x."""
    return "" if font == "bold" else font


def same_relation(template_op: str, subject_op: str) -> bool:
    """Whether two relation symbols are interchangeable in a formula."""
    return _RELATION_CLASS.get(template_op, template_op) == \
        _RELATION_CLASS.get(subject_op, subject_op)


def is_transpose(node: Node) -> bool:
    """``\\top``, ``T``, ``\\mathsf{T}`` and ``\\intercal`` in a superscript all transpose."""
    return isinstance(node, Symbol) and node.name in _TRANSPOSE_MARKS \
        and node.font in _TRANSPOSE_FONTS


def exp_argument(node: Node) -> Node | None:
    """The exponent if ``node`` is ``\\exp(x)`` or ``e^{x}``; otherwise None."""
    if isinstance(node, Apply) and isinstance(node.head, OpName) and node.head.name == "exp" \
            and len(node.args) == 1:
        return node.args[0]
    if isinstance(node, Script) and isinstance(node.base, Symbol) and node.base.name == "e" \
            and node.base.font in ("", "rm") and node.sub is None and node.sup is not None \
            and not node.primes:
        return node.sup
    return None


def word(node: Node) -> str | None:
    """The word an upright name spells: ``\\mathrm{KL}``, ``\\text{KL}`` or bare ``KL``.

    Papers often type an operator name as plain letters (``D_{KL}``), which the parser reads as
    a product of single-letter symbols; here those letters become the word again.
    """
    if isinstance(node, OpName):
        return node.name
    if isinstance(node, Text):
        return node.text.strip()
    if isinstance(node, Symbol) and node.font in ("rm", "sf") and len(node.name) == 1:
        return node.name
    if isinstance(node, Mul) and node.op == "" and all(
        isinstance(f, Symbol) and len(f.name) == 1 and f.name.isalpha() and f.font in ("", "rm")
        for f in node.factors
    ):
        return "".join(f.name for f in node.factors)  # type: ignore[attr-defined]
    return None


def divergence_name(node: Node) -> str | None:
    """``KL`` for ``D_{KL}`` / ``D_{\\mathrm{KL}}`` / ``\\mathbb{D}_{KL}``: a named divergence."""
    if isinstance(node, Script) and isinstance(node.base, Symbol) and node.base.name == "D" \
            and node.sub is not None and node.sup is None:
        return word(node.sub)
    return None


def same_word(template: Node, subject: Node) -> bool:
    """Whether an upright name in a template is spelled, some other way, by the subject."""
    name = word(template)
    if name is None:
        return False
    found = word(subject) if not isinstance(subject, Script) else divergence_name(subject)
    return found is not None and _SAME_WORD.get(found.lower(), found.lower()) == _SAME_WORD.get(
        name.lower(), name.lower())


_SAME_WORD = {"ln": "log"}
"""Names that mean one function: in ML papers ``\\ln`` and ``\\log`` are both natural logs."""


def parameter_list(args: tuple[Node, ...]) -> tuple[Node, ...]:
    """``(x | \\mu, \\sigma)`` as ``(x, \\mu, \\sigma)``: the bar that separates a density's
    variable from its parameters plays the role of the ``;`` in ``(x; \\mu, \\sigma)``."""
    if len(args) == 1 and isinstance(args[0], Conditional):
        cond = args[0].condition
        rest = cond.items if isinstance(cond, Seq) else (cond,)
        return (args[0].given, *rest)
    return args


_MIRRORED = {r"\le": r"\ge", r"\ge": r"\le", "<": ">", ">": "<"}


def mirrored_relation(op: str) -> str:
    """The relation read right to left: ``\\le`` becomes ``\\ge``; ``=`` stays ``=``."""
    canonical = _RELATION_CLASS.get(op, op)
    return _MIRRORED.get(canonical, canonical)


def is_difference(node: Node) -> bool:
    """A sum with terms of both signs, like ``a - b``: one that can be read either way round."""
    return isinstance(node, Add) and any(isinstance(t, Neg) for t in node.terms) and any(
        not isinstance(t, Neg) for t in node.terms
    )


def negated(node: Add) -> Add:
    """``b - a`` for ``a - b``: every term of the sum with its sign flipped."""
    terms = tuple(t.body if isinstance(t, Neg) else Neg(t, span=t.span) for t in node.terms)
    return Add(terms, span=node.span)
