"""Macro definitions and bounded expansion, on our fixtures and on the corpus macro files."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from reader.sources.latex import load_latex
from reader.sources.macros import MacroExpansionError, expand_math, read_macro_definitions

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "latex"
CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"


@pytest.fixture(scope="module")
def paper():
    return load_latex(FIXTURES / "macros")


def _latex(paper, label: str) -> str:
    """Expanded math with blanks removed: spacing between tokens is not part of the contract."""
    return _squeeze(paper.equation(paper.labels[label]).latex)


def _squeeze(latex: str) -> str:
    return "".join(latex.split())


def test_newcommand_with_and_without_braces(paper):
    assert _latex(paper, "m:vx") == _squeeze(r"{\bm{x}}\in\mathbb{R}^n")


def test_arguments_and_optional_default(paper):
    assert _latex(paper, "m:args") == _squeeze(
        r"\langle u, v \rangle + f_{\theta}(y) + f_{\phi}(y)"
    )


def test_def_delimited_let_and_provide(paper):
    assert _latex(paper, "m:def") == _squeeze(r"\frac{q}{2} + [1, 2] + \varepsilon + \mathbb{R}")


def test_operators_paired_delimiters_sty_and_providecommand(paper):
    assert _latex(paper, "m:ops") == _squeeze(
        r"\operatorname{Tr}(A) + \operatorname*{arg\,min}_x \left\lVert x \right\rVert"
        r" + \left\lVert y \right\rVert + \phi + \mathcal{S}"
    )


def test_renewcommand_and_environment_wrapper(paper):
    env = paper.equation(paper.labels["m:env"])
    assert env.latex == r"\mathbf{v} = 3"
    assert env.number == "7"


def test_source_latex_keeps_the_row_as_written(paper):
    assert paper.equation(paper.labels["m:vx"]).source_latex == r"\vx \in \R^n \label{m:vx}"


def test_macro_bombs_mark_only_their_equation(paper):
    bomb = paper.equation(paper.labels["m:bomb"])
    loop = paper.equation(paper.labels["m:loop"])
    assert bomb.error is not None and bomb.error.startswith("macro \\a expands without end")
    assert loop.error is not None and loop.error.startswith("macro \\b expands without end")
    others = [eq for eq in paper.equations if eq.id not in (bomb.id, loop.id)]
    assert all(eq.error is None for eq in others)


def test_doubling_macro_stops_fast():
    table = read_macro_definitions(r"\def\a{\a\a}")
    started = time.perf_counter()
    with pytest.raises(MacroExpansionError, match=r"macro \\a expands without end"):
        expand_math(r"\a", table)
    assert time.perf_counter() - started < 2.0


def test_exploding_output_is_bounded():
    table = read_macro_definitions(
        r"\def\x{xxxxxxxxxx}\def\y{\x\x\x\x\x\x\x\x\x\x}\def\z{\y\y\y\y\y\y\y\y\y\y}"
        r"\def\w{\z\z\z\z\z\z\z\z\z\z}\def\v{\w\w\w\w\w\w\w\w\w\w}"
    )
    with pytest.raises(MacroExpansionError, match="more than"):
        expand_math(r"\v", table)


def test_expansion_keeps_control_words_apart_from_letters():
    table = read_macro_definitions(r"\newcommand{\A}{\alpha}")
    assert expand_math(r"\A x", table) == r"\alpha x"


def test_unknown_macros_and_plain_math_are_left_alone():
    table = read_macro_definitions(r"\newcommand{\R}{\mathbb{R}}")
    assert expand_math(r"\frac{a}{b}  +  \mystery{x}", table) == r"\frac{a}{b}  +  \mystery{x}"


def test_a_wrong_call_of_a_delimited_macro_is_an_error():
    table = read_macro_definitions(r"\def\between#1.#2;{[#1,#2]}")
    with pytest.raises(MacroExpansionError, match="does not match"):
        expand_math(r"\between 1 2", table)


_ICLR = {r"\vx": r"{\bm{x}}", r"\E": r"\mathbb{E}", r"\R": r"\mathbb{R}",
         r"\KL": r"D_{\mathrm{KL}}", r"\argmax_x": r"\operatorname*{arg\,max}_x"}
"""What the Deep Learning book's math_commands.tex defines (read from the file by hand)."""

CORPUS_MACROS = {
    "dlbook-notation": _ICLR,
    "icl-as-gd": _ICLR,
    "amortized-optimization": {
        r"\E": r"\operatorname*{\mathbb{E}}", r"\R": r"\mathbb{R}",
        r"\argmax_x": r"\operatorname*{arg\,max}_x", r"\ceil{n}": r"\lceil n \rceil",
    },
    "hyperbolic-normalizing-flows": {
        r"\vx": r"{\bm{x}}", r"\E": r"\mathcal{E}", r"\R": r"\mathcal{R}",
        r"\KL": r"D_{\mathrm{KL}}", r"\argmax_x": r"\operatorname*{\arg\!\max}_x",
    },
}
"""Each corpus copy of math_commands.tex differs a little; these are the definitions in each."""


@pytest.mark.corpus
@pytest.mark.parametrize("paper_folder", sorted(CORPUS_MACROS))
def test_corpus_math_commands(paper_folder):
    path = CORPUS / "latex" / paper_folder / "math_commands.tex"
    if not path.is_file():
        pytest.skip("corpus not available")
    table = read_macro_definitions(path.read_text(encoding="utf-8"))
    for written, expected in CORPUS_MACROS[paper_folder].items():
        assert expand_math(written, table) == expected
