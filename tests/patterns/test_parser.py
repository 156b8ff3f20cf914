"""The math parser: each construct builds the node a reader expects, spellings normalise."""

from __future__ import annotations

import pytest

from patterns.parser import parse_math
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
    Matrix,
    Mul,
    Neg,
    Norm,
    Number,
    OpName,
    Relation,
    Rows,
    Script,
    Sqrt,
    Symbol,
    Text,
    Unparsed,
    unparsed_nodes,
)

EQUIVALENT = [
    (r"\bm{x}", r"\mathbf{x}"),
    (r"\boldsymbol{\theta}", r"\mathbf{\theta}"),
    (r"\|x\|", r"\Vert x \Vert"),
    (r"\|x\|", r"\lVert x \rVert"),
    (r"\|x\|", r"\left\| x \right\|"),
    (r"||x||", r"\|x\|"),
    (r"\left( a + b \right)", "(a+b)"),
    (r"\bigl( a \bigr)", "(a)"),
    (r"a \, b \; c \quad d", "a b c d"),
    ("{x}", "x"),
    (r"{x}^{2}", "x^2"),
    (r"\frac{a}{b}", r"\dfrac{a}{b}"),
    (r"\frac{a}{b}", r"\tfrac ab"),
    (r"\frac{a}{b}", "a/b"),
    (r"{a \over b}", r"\frac{a}{b}"),
    (r"a \leq b", r"a \le b"),
    (r"\hat{x}", r"\widehat{x}"),
    (r"\bar{\alpha}_t", r"\overline{\alpha}_t"),
    (r"x \coloneqq y", "x := y"),
    (r"\operatorname{softmax}(z)", r"\mathrm{softmax}(z)"),
    (r"\operatorname*{arg\,min}_x f(x)", r"\arg\min_x f(x)"),
    (r"\argmin_x f(x)", r"\arg\min_x f(x)"),
    (r"x^\prime", "x'"),
    (r"\mathbb{E}[x]", r"\mathbb E\left[ x \right]"),
    ("θ + α", r"\theta + \alpha"),
    (r"\int f \, dx", r"\int f \,\mathrm{d}x"),
    (r"a \cdots b", r"a \ldots b"),
    (r"x^\top", r"x^\intercal"),
    (r"p(x \mid y)", "p(x | y)"),
    (r"p(x \vert y)", r"p(x | y)"),
    (r"x \label{eq:a}", "x"),
    (r"x \nonumber", "x"),
    ("x = y.", "x = y"),
]


@pytest.mark.parametrize(("a", "b"), EQUIVALENT)
def test_equivalent_spellings_give_equal_trees(a: str, b: str) -> None:
    assert parse_math(a) == parse_math(b)


@pytest.mark.parametrize(("a", "b"), [
    ("(a+b)^2", "(a-b)^2"),
    (r"\hat{x}", r"\tilde{x}"),
    (r"\mathbf{x}", r"\mathcal{x}"),
    ("x_i", "x^i"),
    ("p(x|y)", "p(y|x)"),
    ("(a)", "[a]"),
])
def test_different_formulas_give_different_trees(a: str, b: str) -> None:
    assert parse_math(a) != parse_math(b)


def test_symbols_keep_font_and_accent() -> None:
    assert parse_math(r"\mathcal{N}") == Symbol("N", "cal")
    assert parse_math(r"\mathbb{R}^d") == Script(Symbol("R", "bb"), None, Symbol("d"))
    assert parse_math(r"\hat{\theta}") == Accent("hat", Symbol(r"\theta"))
    assert parse_math(r"f''") == Script(Symbol("f"), primes=2)


def test_sums_products_and_signs() -> None:
    tree = parse_math("a - b + 2c")
    assert tree == Add((Symbol("a"), Neg(Symbol("b")), Mul((Number("2"), Symbol("c")))))
    assert parse_math(r"a \odot b") == Mul((Symbol("a"), Symbol("b")), r"\odot")
    assert parse_math(r"-x") == Neg(Symbol("x"))


def test_function_application_versus_product() -> None:
    assert isinstance(parse_math("f(x)"), Apply)
    assert isinstance(parse_math(r"\epsilon_\theta(x_t, t)"), Apply)
    assert isinstance(parse_math(r"\sigma(z)"), Apply)
    assert isinstance(parse_math(r"\alpha(1 - \alpha)"), Mul)
    assert isinstance(parse_math("k(x, y)"), Apply)


def test_named_operators_take_their_argument() -> None:
    tree = parse_math(r"\log p(x)")
    assert tree == Apply(OpName("log"), (Apply(Symbol("p"), (Symbol("x"),)),))
    assert parse_math(r"\log(x)") == parse_math(r"\log x")
    assert parse_math(r"\exp(-x^2)") == Apply(OpName("exp"),
                                              (Neg(Script(Symbol("x"), None, Number("2"))),))


def test_conditional_bar_inside_a_probability() -> None:
    tree = parse_math(r"q_\phi(z | x, y)")
    assert isinstance(tree, Apply)
    (arg,) = tree.args
    assert isinstance(arg, Conditional)
    assert arg.given == Symbol("z")


def test_kl_separator_is_not_a_norm() -> None:
    tree = parse_math(r"D_{\mathrm{KL}}(q(z) \| p(z))")
    assert isinstance(tree, Apply) and len(tree.args) == 2
    assert not any(isinstance(n, Norm) for n in tree.walk())
    assert any(isinstance(n, Norm) for n in parse_math(r"\|x - y\|_2^2").walk())


def test_big_operators_with_limits_and_body() -> None:
    tree = parse_math(r"\sum_{i=1}^{n} x_i + b")
    assert isinstance(tree, Add)
    total = tree.terms[0]
    assert isinstance(total, BigOp) and total.op == "sum"
    assert total.lower == Relation(("=",), (Symbol("i"), Number("1")))
    assert total.upper == Symbol("n")
    nested = parse_math(r"\min_G \max_D V(D, G)")
    assert isinstance(nested, BigOp) and isinstance(nested.body, BigOp)
    assert isinstance(parse_math(r"\max(0, x)"), Apply)


def test_integral_differential() -> None:
    tree = parse_math(r"\int p(x, z) \, dz")
    assert isinstance(tree, BigOp) and tree.op == "int"
    assert any(isinstance(n, Differential) and n.var == Symbol("z") for n in tree.walk())


def test_expectation_spellings() -> None:
    tree = parse_math(r"\mathbb{E}_{x \sim p}[f(x)]")
    assert isinstance(tree, Expectation)
    assert tree.sub == Relation((r"\sim",), (Symbol("x"), Symbol("p")))
    assert isinstance(parse_math("E[X]"), Expectation)
    assert isinstance(parse_math(r"\mathbb{E} X"), Expectation)
    assert not isinstance(parse_math("E(x)"), Expectation)


def test_brackets_bars_and_angles() -> None:
    assert parse_math("[0, 1)") == Group("[", ")", parse_math("0, 1"))
    assert isinstance(parse_math("|x - y|"), Abs)
    assert parse_math(r"\langle u, v \rangle") == Angle((Symbol("u"), Symbol("v")))


def test_roots_fractions_text_and_braces() -> None:
    assert parse_math(r"\sqrt[3]{x}") == Sqrt(Symbol("x"), Number("3"))
    assert isinstance(parse_math(r"\frac{\partial L}{\partial w}"), Frac)
    assert parse_math(r"\text{if } x") == Mul((Text("if"), Symbol("x")))
    assert isinstance(parse_math(r"\underbrace{a+b}_{\text{sum}}"), Brace)


def test_matrices_and_cases() -> None:
    tree = parse_math(r"\begin{pmatrix} a & b \\ c & d \end{pmatrix}")
    assert isinstance(tree, Matrix) and len(tree.rows) == 2 and len(tree.rows[0]) == 2
    cases = parse_math(r"f(x) = \begin{cases} x & x > 0 \\ 0 & \text{otherwise} \end{cases}")
    assert isinstance(cases, Relation) and isinstance(cases.operands[1], Matrix)


def test_rows_glue_continuations_and_split_statements() -> None:
    assert isinstance(parse_math(r"a &= b + c \\ &= d"), Relation)
    assert isinstance(parse_math(r"a &= b + c \\ &\quad + d"), Relation)
    assert isinstance(parse_math(r"x = 1 \\ y = 2"), Rows)


def test_relation_chains() -> None:
    tree = parse_math(r"0 \le x < 1")
    assert tree == Relation((r"\le", "<"), (Number("0"), Symbol("x"), Number("1")))
    assert parse_math(r"\theta \leftarrow \theta - \eta g").ops == (r"\leftarrow",)


def test_unknown_macro_with_arguments_is_kept_as_a_call() -> None:
    tree = parse_math(r"\foo{a}{b}")
    assert tree == Apply(Symbol(r"\foo"), (Symbol("a"), Symbol("b")))


@pytest.mark.parametrize("bad", [r"\frac{a}{b", r"(a + b", r"a + \begin{weird} x \end{weird}",
                                 r"x_", r"\sqrt"])
def test_what_cannot_be_understood_is_local_and_explained(bad: str) -> None:
    tree = parse_math(f"y = 1 + {bad}")
    problems = unparsed_nodes(tree)
    assert problems and all(p.reason for p in problems)
    assert isinstance(tree, Relation) and tree.operands[0] == Symbol("y")


def test_spans_map_back_to_the_source() -> None:
    latex = r"\mathbb{E}\left[\|\epsilon - \epsilon_\theta(x_t)\|^2\right]"
    tree = parse_math(latex)
    prediction = next(n for n in tree.walk() if isinstance(n, Apply))
    assert latex[prediction.span[0] : prediction.span[1]] == r"\epsilon_\theta(x_t)"


@pytest.mark.parametrize("latex", [r"a\mathbf{{}}\sim p{{}}\sim p", r"p(|x) + \cdot y",
                                   r"{\boldsymbol{}} \cdot{}}"])
def test_an_empty_operand_does_not_pull_spans_out_of_place(latex: str) -> None:
    """Found by fuzzing: the empty operand (``{}``, nothing before ``|`` or ``\\cdot``) is one
    shared node spanning (0, 0), and a product ending in it ended at offset 0."""
    for node in parse_math(latex).walk():
        if node.span != (0, 0):
            assert 0 < node.span[1] and node.span[0] <= node.span[1] <= len(latex), node
    product = parse_math("x + p{}")
    assert isinstance(product, Add) and product.terms[1].span == (4, 5)


@pytest.mark.parametrize("latex", ["x + \\", r"y^\xrightarrow\star(x)", r"y^\choose\star(x)",
                                   r"\frac\\ b", "\\xrightarrowℝ"])
def test_what_has_no_glyph_is_unparsed_not_a_symbol(latex: str) -> None:
    """Found by fuzzing: these became symbols that no LaTeX prints back (``{\\}``)."""
    assert unparsed_nodes(parse_math(latex))


def test_displaylimits_is_a_spelling_of_limits_and_never_crashes() -> None:
    """Found by fuzzing: ``\\displaylimits`` alone raised (parse_math must never raise), and
    after a sum it swallowed the limits as factors of the body."""
    assert parse_math(r"\sum\displaylimits_{i=1}^n x_i") == parse_math(r"\sum_{i=1}^n x_i")
    assert parse_math(r"\displaylimits") is not None


def test_a_right_dot_closes_its_bracket_before_a_row_break() -> None:
    """Found by fuzzing: after ``\\left\\{ ... \\right.`` every ``\\\\`` looked like the wrap
    of a bracket still open, so two statements ran together into one relation."""
    tree = parse_math(r"f = \left\{ x \right. \\ g = 2")
    assert isinstance(tree, Rows) and len(tree.rows) == 2


def test_deep_nesting_is_refused_not_crashed() -> None:
    tree = parse_math("{" * 100_000 + "x" + "}" * 100_000)
    assert isinstance(tree, Unparsed) and "nested deeper" in tree.reason


def test_unicode_input() -> None:
    assert parse_math("𝔼[x]") == parse_math(r"\mathbb{E}[x]")
    assert parse_math("x ∈ ℝ") == parse_math(r"x \in \mathbb{R}")
