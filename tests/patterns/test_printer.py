"""Printing: canonical LaTeX parses back to the same tree; Unicode text reads naturally."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from patterns.parser import parse_math
from patterns.printer import to_latex
from patterns.tree import unparsed_nodes
from patterns.unicode_text import to_text

SAMPLES = [
    r"L = \mathbb{E}_{t, x_0, \epsilon}\left[\|\epsilon - \epsilon_\theta(\sqrt{\bar\alpha_t}"
    r" x_0 + \sqrt{1-\bar\alpha_t}\epsilon, t)\|^2\right]",
    r"q(x_t | x_0) = \mathcal{N}(x_t; \sqrt{\bar{\alpha}_t} x_0, (1 - \bar\alpha_t) \mathbf{I})",
    r"\log p(x) \ge \mathbb{E}_{q_\phi(z|x)}[\log p_\theta(x|z)] - D_{\mathrm{KL}}(q \| p)",
    r"\mathrm{softmax}\left(\frac{QK^\top}{\sqrt{d_k}}\right) V",
    r"\hat{w} = \arg\min_w \sum_{i=1}^n (y_i - w^\top x_i)^2 + \lambda \|w\|_2^2",
    r"f(x) = \begin{cases} x & x > 0 \\ 0 & \text{otherwise} \end{cases}",
    r"\min_G \max_D V(D, G) = \mathbb{E}_{x}[\log D(x)] + \mathbb{E}_{z}[\log(1 - D(G(z)))]",
    r"\frac{\partial \mathcal{L}}{\partial w} = -\frac{2}{n} X^\top (y - Xw)",
]

ATOMS = ["x", "y", r"\alpha", r"\theta", "2", r"\mathbf{w}", r"\mathcal{L}", "p(x)", r"\epsilon"]


@st.composite
def formulas(draw, depth: int = 0) -> str:
    if depth > 3 or draw(st.booleans()):
        return draw(st.sampled_from(ATOMS))
    a = draw(formulas(depth + 1))
    b = draw(formulas(depth + 1))
    shape = draw(st.sampled_from([
        "{a} + {b}", "{a} - {b}", "{a} {b}", r"\frac{{{a}}}{{{b}}}", "({a})^2", "{a}_{{{b}}}",
        r"\sqrt{{{a}}}", r"\|{a}\|_2", r"\log {a}", r"\sum_{{i=1}}^{{n}} {a}", "f({a}, {b})",
        r"\mathbb{{E}}_{{{a}}}[{b}]", "{a} = {b}", r"p({a} \mid {b})", r"\exp({a})",
        r"{a} \cdot {b}", r"-{a}", r"\hat{{{a}}}", r"\langle {a}, {b} \rangle",
    ]))
    return shape.format(a=a, b=b)


def _round_trip(latex: str) -> None:
    """parse(print(t)) == t for every tree the parser understood completely."""
    tree = parse_math(latex)
    if unparsed_nodes(tree):
        return
    printed = to_latex(tree)
    assert parse_math(printed) == tree, printed


def test_samples_round_trip() -> None:
    for latex in SAMPLES:
        _round_trip(latex)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(formulas())
def test_generated_formulas_round_trip(latex: str) -> None:
    _round_trip(latex)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(list("xy2+-=(){}[]|^_,; ") + [
    r"\frac", r"\alpha", r"\|", r"\left", r"\right", r"\sum", r"\mathbb{E}", r"\log", "p(x)"]),
    max_size=30).map(" ".join))
def test_random_input_never_raises_and_round_trips(latex: str) -> None:
    _round_trip(latex)


FOUND_BY_FUZZING = [
    r"\mathbb\cdot",  # a font on an operator glyph survives its braces
    r"x^\pm + y^\le + z_\mid + a^\to + b^\rangle + c_\}",  # operator glyphs as scripts
    r"\tilde\cdot{x}_2",  # an operator glyph is never a macro call
    r"{\le\mathbf{a}}\sim p",  # a relation as a relation's operand
    r"\nabla^2_x f(\bar x) = \partial_t^2 u",  # prefix operators with scripts
    r"\sum_{\substack{e \ne d \\ e \in h^{-1}(h(d))}} x_d",  # rows inside a script
    r"f = {\textstyle \min_\gamma} \left\{a_i\right\}_{i=1}^m + {\sum_i x_i} y",
    r"{D \choose 2} + \binom{n}{k}",
    r"\textcolor{blue}{\text{expert}}(x) + {\rm supp}(\alpha) - {\rm diag}(\rho^t)^{-1}",
    r"\int p(x)\log p(x){\rm d}x",  # a braced d inside an integral's operator argument
    r"\log \sinh{ ( \Vert u \Vert_{L} ) }",  # a bracket as an operator's argument
    r"\textnormal{Max-SW}(\alpha, \beta)",  # an operator name with a hyphen
    r"p(s=1 \textrm{~}\arrowvert\textrm{~} x) + \0" "\x08",  # unknown commands before braces
    r"\alpha_n = 0 \qquad{\textit{or}}\qquad y_n \left(w + b\right)",
    r"\underbrace{a}_{\text{std.\ }=\;1}",  # a trailing control space in text
    r"*′*\alpha",  # a leading product sign before a product
    r"0\ 0 + 1\,000",  # spacing inside a number is not part of it
    r"x(,y) + x(,)",  # only the comma made these calls
    r"\not\frac{c|c}′",  # an unknown macro's arguments end where its braces do
    r"{\mathcal{∂Q}}(x,u) + \pmb\partial f",  # a font does not make ∂ a symbol, or lose it
    r"\mathbb{E}\not",  # a lone \not does not join the \right] printed after it
    r"\not\left\alpha",  # and, kept off \left, it does not join the factor after it
    r"81 {160} = \frac1 2 + \not00",  # digits a blank apart would be one number
    r"a = b \cdot, \\ c = d",  # a row ending in an operator is still a row of its own
    r"\bf\bf$",  # unknown commands in a row, each before a brace
    r"\frac 1\log {1\sum60} + \arg\alpha\mathbb\sum",  # an operator inside an argument
    r"\sum\left\}\le",  # a relation with nothing on either side is not the symbol ≤
    r"\nabla{1 + \exp (- x)} + \log{a, b}",  # a braced sum or list as an operator's argument
    r"p({\mathcal{M};\mathcal{M}}; \varphi) + f({a, b}) + g({x | y}, z)",  # braced lists
    r"\underset{\theta}{\operatorname{arg\,min}} L(\theta) + \underset{a}{\log x}",
    r"\overset{n}{\underset{i=1}{\sum}} x_i + \underset{x}{\sum_i y}",
    r"y\underset^\star(x) + {y \star} z",  # product signs as script bases and factors
]
"""Minimal inputs the fuzzer (tests/fuzz) found not to survive parse → print → parse."""


@pytest.mark.parametrize("latex", FOUND_BY_FUZZING)
def test_what_fuzzing_found_round_trips(latex: str) -> None:
    tree = parse_math(latex)
    assert not unparsed_nodes(tree), unparsed_nodes(tree)
    assert parse_math(to_latex(tree)) == tree, to_latex(tree)


def test_every_equation_of_the_sample_paper_round_trips() -> None:
    from reader.sources.latex import load_latex

    sample = Path(__file__).resolve().parents[2] / "reader" / "sample" / "sample.tex"
    for equation in load_latex(sample).equations:
        assert not unparsed_nodes(parse_math(equation.latex)), equation.latex
        _round_trip(equation.latex)


def test_unicode_text_reads_like_math() -> None:
    text = to_text(parse_math(SAMPLES[0]))
    abar = "α\u0304ₜ"
    assert text == f"L = 𝔼_(t, x₀, ε)[‖ε − ε_θ(√{abar} x₀ + √(1 − {abar}) ε, t)‖²]"
    assert to_text(parse_math(r"\theta_{t+1} = \theta_t - \eta \nabla_\theta L")) == (
        "θₜ₊₁ = θₜ − η ∇_θ L")
