"""Printing: canonical LaTeX parses back to the same tree; Unicode text reads naturally."""

from __future__ import annotations

from pathlib import Path

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
