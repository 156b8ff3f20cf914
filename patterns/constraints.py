"""Named predicates a pattern file can put on a role (``[where] target = "not_number"``).

The escape hatch for what structure alone cannot say. Each predicate gets the bound sub-tree and
answers whether the binding is acceptable; pattern files refer to them by name only.
"""

from __future__ import annotations

from collections.abc import Callable

from patterns.tree import (
    Accent,
    Add,
    Apply,
    Expectation,
    Frac,
    Mul,
    Number,
    OpName,
    Script,
    Sqrt,
    Symbol,
)
from patterns.tree import Node as _Node

_GREEK_LOWER = frozenset(
    r"\alpha \beta \gamma \delta \epsilon \varepsilon \zeta \eta \theta \iota \kappa \lambda \mu "
    r"\nu \xi \pi \rho \sigma \tau \upsilon \phi \varphi \chi \psi \omega".split()
)


def _letter(node: _Node) -> Symbol | None:
    """The letter a decorated name is built on: ``\\hat{w}_t^{(l)}`` -> ``w``."""
    while isinstance(node, Script | Accent):
        node = node.base if isinstance(node, Script) else node.body
    return node if isinstance(node, Symbol) else None


def _letter_in(node: _Node, names: frozenset[str]) -> bool:
    sym = _letter(node)
    return sym is not None and sym.name in names


def _not_number(node: _Node) -> bool:
    """The role must not be a bare numeral (``(x - 1)^2`` is no prediction error)."""
    return not isinstance(node, Number)


def _looks_like_distribution(node: _Node) -> bool:
    """A density or distribution: ``p(x)``, ``q_\\phi(z|x)``, ``\\mathcal{N}(...)``, ``p``."""
    if isinstance(node, Apply):
        node = node.head
    while isinstance(node, Script):
        node = node.base
    return isinstance(node, Symbol) and (
        node.name in ("p", "q", "P", "Q", r"\pi", r"\rho") or node.font == "cal"
    )


def _is_exponential(node: _Node) -> bool:
    """``\\exp`` or ``e``: the base of an exponential."""
    return (isinstance(node, OpName) and node.name == "exp") or (
        isinstance(node, Symbol) and node.name == "e"
    )


def _is_zero(node: _Node) -> bool:
    return isinstance(node, Number) and float(node.text) == 0.0


def _is_one(node: _Node) -> bool:
    return isinstance(node, Number) and float(node.text) == 1.0


def _is_epsilon(node: _Node) -> bool:
    """``\\epsilon``, ``\\boldsymbol{\\varepsilon}``, ``\\xi``: the letters papers use for noise."""
    return _letter_in(node, _EPSILONS)


def _is_weights(node: _Node) -> bool:
    """A learned weight vector or matrix: ``w``, ``\\mathbf{W}^{(l)}``, ``\\theta``, ``\\beta``."""
    return _letter_in(node, _WEIGHTS)


def _is_bias(node: _Node) -> bool:
    """An offset: ``b``, ``\\mathbf{b}_2``, or a weight with index 0 (``w_0``, ``\\beta_0``)."""
    if isinstance(node, Script) and isinstance(node.sub, Number) and node.sub.text == "0":
        return _is_weights(node.base)
    return _letter_in(node, frozenset({"b"}))


def _is_vector(node: _Node) -> bool:
    """Not a matrix or a plain number: matrices are written in capitals (``Q``, ``K``, ``A``),
    so ``QK^\\top`` and ``x^\\top A x`` are not read as a dot product of two vectors, while
    ``u``, ``\\mathbf{q}_i`` and ``\\nabla f(x)`` are."""
    if isinstance(node, Number):
        return False
    if isinstance(node, Mul):
        return all(_letter(f) is not None and _is_vector(f) for f in node.factors)
    sym = _letter(node)
    if sym is None:
        return not isinstance(node, Script | Accent)
    if sym.font in ("cal", "bb", "frak", "scr"):
        return False
    return sym.name in _GREEK_LOWER or (len(sym.name) == 1 and sym.name.islower())


def _is_mean(node: _Node) -> bool:
    """An average: ``\\mu``, ``\\mu_B``, ``\\bar{x}``, ``\\mathbb{E}[x]``."""
    if isinstance(node, Expectation):
        return True
    if isinstance(node, Accent) and node.kind == "bar":
        return True
    if isinstance(node, Script):
        return _is_mean(node.base)
    return _letter_in(node, frozenset({r"\mu"}))


def _is_spread(node: _Node) -> bool:
    """A standard deviation: ``\\sigma``, ``\\sigma_B``, ``s``, or a square root."""
    return isinstance(node, Sqrt) or _letter_in(node, frozenset({r"\sigma", "s"}))


def _is_strength(node: _Node) -> bool:
    """A regularisation weight: ``\\lambda``, ``\\alpha``, ``\\frac{\\lambda}{2}``."""
    if isinstance(node, Frac):
        return _is_strength(node.num)
    if isinstance(node, Mul):
        return any(_is_strength(f) for f in node.factors)
    return _letter_in(node, _STRENGTHS)


def _is_decay_rate(node: _Node) -> bool:
    """A forgetting factor of a running average: ``\\beta_1``, ``\\rho``, ``\\gamma``."""
    return _letter_in(node, _DECAY_RATES)


def _random_quantity(node: _Node) -> bool:
    """What an entropy is taken of: a distribution (``p``, ``q(z)``) or a random variable
    written in capitals (``X``, ``\\mathbf{Y}``)."""
    if _looks_like_distribution(node):
        return True
    sym = _letter(node)
    return sym is not None and len(sym.name) == 1 and sym.name.isupper() and node is sym


def _not_sum(node: _Node) -> bool:
    """A single quantity, not a difference: ``\\|w\\|`` is a size, ``\\|y - Xw\\|`` an error."""
    return not isinstance(node, Add)


def _is_model_output(node: _Node) -> bool:
    """Whether an expression is something a model computes: it wears a hat (``\\hat{y}``),
    carries parameters (``\\epsilon_\\theta``, ``s^\\theta_t``) or multiplies by weights
    (``w \\cdot x``)."""
    for sub in node.walk():
        if isinstance(sub, Accent) and sub.kind == "hat":
            return True
        if isinstance(sub, Script) and any(
            isinstance(n, Symbol) and n.name in _PARAMETERS
            for part in (sub.sub, sub.sup) if part is not None for n in part.walk()
        ):
            return True
        if isinstance(sub, Mul) and any(_is_weights(f) for f in sub.factors):
            return True
    return False


def _data_side(node: _Node) -> bool:
    """The "what the data says" side of a comparison: not a model's output, so that
    ``\\|s_\\theta(x) - \\nabla \\log p(x)\\|^2`` names the score, not the model, as target."""
    return not _is_model_output(node)


def _is_scale(node: _Node) -> bool:
    """A noise scale: a root (``\\sqrt{1 - \\bar\\alpha_t}``) or a Greek letter, possibly a
    network's output (``\\sigma_\\phi(x)``, ``\\beta_t``); not a Latin basis vector like ``e_j``."""
    if isinstance(node, Sqrt):
        return True
    if isinstance(node, Apply):
        node = node.head
    if isinstance(node, Mul):
        return any(_is_scale(f) for f in node.factors)
    sym = _letter(node)
    return sym is not None and sym.name in _GREEK_LOWER


def _logistic_name(node: _Node) -> bool:
    """The name of the logistic function: a bare ``\\sigma`` (a subscripted ``\\sigma_t`` is a
    noise level, ``\\sigma_\\phi`` a network) or ``\\mathrm{sigmoid}``/``\\mathrm{sigm}``."""
    if isinstance(node, OpName):
        return node.name.lower() in ("sigmoid", "sigm", "logistic")
    return isinstance(node, Symbol) and node.name == r"\sigma"


_PARAMETERS = frozenset({r"\theta", r"\phi", r"\varphi", r"\psi", r"\omega"})
_EPSILONS = frozenset({r"\epsilon", r"\varepsilon", r"\xi"})
_WEIGHTS = frozenset({"w", "W", r"\theta", r"\Theta", r"\beta"})
_STRENGTHS = frozenset({r"\lambda", r"\alpha", r"\beta", r"\gamma", r"\mu", r"\eta", "C"})
_DECAY_RATES = frozenset({r"\beta", r"\rho", r"\gamma", r"\alpha", r"\tau", r"\mu"})

CONSTRAINTS: dict[str, Callable[[_Node], bool]] = {
    "not_number": _not_number,
    "distribution": _looks_like_distribution,
    "exponential": _is_exponential,
    "zero": _is_zero,
    "one": _is_one,
    "epsilon": _is_epsilon,
    "weights": _is_weights,
    "bias": _is_bias,
    "vector": _is_vector,
    "mean": _is_mean,
    "spread": _is_spread,
    "strength": _is_strength,
    "decay_rate": _is_decay_rate,
    "random_quantity": _random_quantity,
    "not_sum": _not_sum,
    "data_side": _data_side,
    "scale": _is_scale,
    "logistic_name": _logistic_name,
}
"""Every constraint a pattern file may name."""
