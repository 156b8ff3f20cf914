"""What each Equation holds: rows, cleaned math, inline math, contexts, titles, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.model import EquationBlock, Heading, Paragraph
from reader.sources.latex import load_latex

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "latex"


@pytest.fixture(scope="module")
def rows():
    return load_latex(FIXTURES / "rows.tex")


def _by_label(paper, label):
    return paper.equation(paper.labels[label])


def test_align_rows_are_separate_equations_without_alignment(rows):
    loss = _by_label(rows, "r:loss")
    assert " ".join(loss.latex.split()) == r"L(\theta) = \sum_i \ell_i"
    assert loss.number == "1"
    assert "&" not in loss.latex and "\\label" not in loss.latex


def test_intertext_is_dropped_and_cases_keep_their_cells(rows):
    cases = _by_label(rows, "r:cases")
    assert cases.number == "2"
    assert "intertext" not in cases.latex and "where the sum" not in cases.latex
    assert r"\begin{cases} 0 & y_i = 1 \\ 1 & \text{otherwise} \end{cases}" in cases.latex


def test_split_keeps_row_breaks_but_loses_wrapper_and_ampersands(rows):
    split = _by_label(rows, "r:split")
    assert split.number == "3"
    assert "split" not in split.latex and "&" not in split.latex
    assert [part.split() for part in split.latex.split(r"\\")] == [
        ["a", "=", "b", "+", "c"], ["=", "d"],
    ]


def test_multline_is_one_equation_with_its_row_break(rows):
    multline = _by_label(rows, "r:multline")
    assert multline.number == "4"
    assert r"\\" in multline.latex and "+ s + t" in multline.latex


def test_matrix_cells_and_aligned_inside_equation(rows):
    matrix = _by_label(rows, "r:matrix")
    assert r"\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}" in matrix.latex
    assert "aligned" not in matrix.latex
    assert r"x \text{ if } x > 0 \\ 0 \text{ else}" in " ".join(matrix.latex.split())


def test_alignat_column_count_is_not_math(rows):
    alignat = _by_label(rows, "r:alignat")
    assert alignat.number == "6"
    assert alignat.latex.split() == ["u", "=", "v", r"\quad", "w", "=", "z"]


def test_unnumbered_gather_rows_are_still_rows(rows):
    gathered = [eq.latex for eq in rows.equations if eq.latex.startswith("g_")]
    assert gathered == ["g_1 = 1", "g_2 = 2"]


def test_ids_run_in_reading_order_over_all_equations(rows):
    assert [eq.id for eq in rows.equations] == [f"eq-{i}" for i in
                                                range(1, len(rows.equations) + 1)]


def test_row_lines_point_at_the_row_in_the_file(rows):
    assert _by_label(rows, "r:loss").line == 5
    assert _by_label(rows, "r:cases").line == 7
    assert _by_label(rows, "r:split").line == 10


@pytest.fixture(scope="module")
def prose():
    return load_latex(FIXTURES / "prose.tex")


def test_title_abstract_and_section_path(prose):
    assert prose.title == "A Small Study of Losses"
    assert prose.abstract == "We look at a loss $L$ and its gradient."
    loss = _by_label(prose, "p:loss")
    assert loss.section == "1 Background > 1.1 Squared error"


def test_context_sentences_before_and_after(prose):
    loss = _by_label(prose, "p:loss")
    assert loss.context_before.endswith(
        r"The loss compares a prediction $\hat{y}$ with a target $y$ as follows:"
    )
    assert loss.context_before.startswith("The loss")
    assert loss.context_after.startswith(r"where $\hat{y}$ is the prediction.")


def test_inline_math_is_kept_with_its_sentence(prose):
    inline = [eq for eq in prose.equations if not eq.display]
    hat = next(eq for eq in inline if eq.latex == r"\hat{y}")
    assert hat.context_before.endswith("The loss compares a prediction")
    assert hat.context_after.startswith("with a target $y$")


def test_blocks_in_reading_order(prose):
    kinds = [type(b).__name__ for b in prose.blocks]
    assert kinds == ["Paragraph", "Heading", "Heading", "Paragraph", "EquationBlock",
                     "Paragraph", "Heading", "Paragraph"]
    assert prose.blocks[1] == Heading(1, "1", "Background")
    assert prose.blocks[-2] == Heading(1, None, "Acknowledgements")
    equation_block = prose.blocks[4]
    assert isinstance(equation_block, EquationBlock)
    assert prose.labels["p:loss"] == equation_block.equation_id
    paragraph = prose.blocks[3]
    assert isinstance(paragraph, Paragraph) and "$\\hat{y}$" in paragraph.text
    assert paragraph.line == 11


def test_icml_title_inside_twocolumn_and_abstract_command():
    paper = load_latex(FIXTURES / "icml_title.tex")
    assert paper.title == "Flows on Curved Spaces"
    assert paper.abstract == "Short abstract here."


def test_problems_stay_on_their_equation():
    paper = load_latex(FIXTURES / "unbalanced.tex")
    assert _by_label(paper, "u:bad").error == "unbalanced braces in equation"
    assert "weirdenv" in (_by_label(paper, "u:env").error or "")
    good = _by_label(paper, "u:good")
    assert good.error is None and good.number == "3"
