"""Equations drawn in 2-D: what a reader sees, and which LaTeX each drawn cell maps back to."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from patterns.parser import parse_math
from reader.cli import sample_paper_path
from reader.render2d import Picture, Region, render, renderer
from reader.render2d.layout import layout
from reader.render2d.picture import KINDS
from reader.sources.latex import load_latex

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
DDPM = r"\mathbb{E}_{t, x_0, \epsilon}\left[\| \epsilon - \epsilon_\theta(x_t, t) \|^2\right]"


def draw(latex: str, max_width: int | None = None) -> Picture:
    return render(parse_math(latex), latex, max_width)


def lines(latex: str) -> list[str]:
    return [line.rstrip() for line in draw(latex).lines]


def test_fraction_stacks_with_a_bar_as_wide_as_the_wider_part():
    assert lines(r"\frac{a+b}{c} = \frac{1}{2}") == [
        "a + b   1",
        "───── = ─",
        "  c     2",
    ]


def test_slash_fraction_stays_inline():
    assert lines("a/b") == ["a/b"]


def test_scripts_take_the_rows_above_and_below():
    assert lines("x_t^2") == [
        " 2",
        "x",
        " t",
    ]


def test_sum_draws_its_limits_above_and_below():
    assert lines(r"\sum_{i=1}^{n} x_i^2") == [
        " n   2",
        " ⎲  x",
        " ⎳   i",
        "i=1",
    ]


def test_integral_limits_sit_beside_the_ends_of_the_sign():
    assert lines(r"\int_0^1 f(x)\,dx") == [
        "⌠1",
        "⎮  f(x) dx",
        "⌡0",
    ]


def test_root_has_a_line_over_its_body_and_accents_compose():
    assert lines(r"\sqrt{1 - \bar\alpha_t}") == [
        " ______",
        "√1 − ᾱ",
        "      t",
    ]


def test_norm_squared():
    assert lines(r"\left\lVert x \right\rVert^2") == [
        "   2",
        "‖x‖",
    ]


def test_cases_get_a_brace_with_a_middle_row():
    latex = r"\mathrm{ReLU}(a) = \begin{cases} a & \text{if } a > 0 \\ 0 & \text{otherwise} " \
            r"\end{cases}"
    assert lines(latex) == [
        "          ⎧a  if a > 0",
        "ReLU(a) = ⎨",
        "          ⎩0  otherwise",
    ]


def test_matrix_columns_and_tall_brackets():
    assert lines(r"A = \begin{pmatrix} 1 & 10 \\ 100 & 1 \end{pmatrix}") == [
        "    ⎛ 1   10⎞",
        "A = ⎝100  1 ⎠",
    ]


def test_brackets_grow_around_fractions_but_not_around_scripts():
    assert lines(r"p_\theta(x_{t-1}) \left(\frac{a}{b}\right)") == [
        "         ⎛a⎞",
        "p (x   ) ⎜─⎟",
        " θ  t−1  ⎝b⎠",
    ]


def test_ddpm_loss():
    assert lines(DDPM) == [
        "                       2",
        "𝔼      [‖ε − ε (x , t)‖ ]",
        " t,x₀,ε       θ  t",
    ]


def test_rows_line_up_at_their_relation():
    assert lines(r"x = a + b \\ yy = c") == [
        " x = a + b",
        "yy = c",
    ]


def test_region_at_maps_cells_of_epsilon_theta_to_their_latex():
    picture = draw(DDPM)
    eps, theta = DDPM.index(r"\epsilon_\theta"), DDPM.index(r"\theta")
    row = picture.lines[1]
    col = row.index("ε", row.index("−"))
    assert picture.region_at(1, col).span == (eps, eps + len(r"\epsilon"))
    assert picture.region_at(1, col).kind == "symbol"
    assert picture.region_at(2, col + 1).span == (theta, theta + len(r"\theta"))
    assert picture.region_at(0, 0) is None


def test_region_at_an_operator_and_a_fraction_bar():
    latex = r"a = \frac{1}{2}"
    picture = draw(latex)
    equals = picture.region_at(1, 2)
    assert (picture.lines[1][2], equals.span, equals.kind) == ("=", (2, 3), "operator")
    bar = picture.region_at(1, 4)
    assert (bar.span, bar.kind) == ((4, 9), "bar")
    assert latex[slice(*bar.span)] == r"\frac"


def test_region_at_prefers_the_innermost_region():
    picture = Picture(("ab",), 0, (Region((0, 9), "text", ((0, 0, 2),)),
                                   Region((3, 4), "symbol", ((0, 1, 2),))))
    assert picture.region_at(0, 1).span == (3, 4)
    assert picture.region_at(0, 0).span == (0, 9)


def test_regions_for_a_sub_span_light_up_just_that_part():
    picture = draw(DDPM)
    start = DDPM.index(r"\epsilon_\theta")
    span = (start, DDPM.index(r"\|^2"))
    found = picture.regions_for(span)
    text = "".join(picture.lines[r][a:b] for region in sorted(found, key=_first_cell)
                   for r, a, b in region.cells)
    assert sorted(text) == sorted("ε(x,t)θt")
    assert all(span[0] <= r.span[0] and r.span[1] <= span[1] for r in found)


def test_too_wide_falls_back_to_one_line_when_that_fits():
    latex = r"\underbrace{x_t}_{\text{the input}} + 1"
    assert lines(latex) == [
        "   x      + 1",
        "    t",
        "   ╰╯",
        "the input",
    ]
    picture = draw(latex, max_width=8)
    assert picture.linear and picture.lines == ("xₜ + 1",)


def test_too_wide_both_ways_keeps_the_narrower_drawing():
    picture = draw(r"\frac{a}{b} + x_t^2", max_width=4)
    assert not picture.linear and picture.width == 6  # one line would take 9 cells


def test_linear_form_keeps_the_map_to_latex():
    latex = r"\sqrt{1 - \beta_t} x"
    picture = layout(parse_math(latex), latex, linear=True)
    assert picture.linear and picture.lines == ("√(1 − βₜ) x",)
    t = picture.region_at(0, picture.lines[0].index("ₜ"))
    assert latex[slice(*t.span)] == "t"


def test_a_layout_failure_falls_back_to_the_linear_text(monkeypatch):
    def broken(tree, latex, *, linear=False):
        raise RecursionError("too deep")

    monkeypatch.setattr(renderer, "layout", broken)
    picture = draw(r"\frac{a}{b}")
    assert picture.linear and picture.lines == ("a/b",)
    assert picture.regions[0].span == (0, len(r"\frac{a}{b}"))


def test_what_the_parser_could_not_read_shows_as_text():
    latex = r"a = \begin{weird} x \end{weird}"
    picture = draw(latex)
    assert picture.lines == (r"a = \begin{weird} x \end{weird}",)
    assert picture.region_at(0, 6).kind == "text"


def test_bold_and_blackboard_letters_use_the_math_alphabets():
    assert lines(r"\bm{x} \in \mathbb{R}^d") == [
        "     d",
        "𝐱 ∈ ℝ",
    ]


# -- properties over real equations -----------------------------------------------------------


def _first_cell(region: Region) -> tuple[int, int]:
    return region.cells[0][1], region.cells[0][0]


def _assert_well_formed(latex: str) -> None:
    tree = parse_math(latex)
    for max_width in (None, 10):
        picture = render(tree, latex, max_width)
        assert picture.lines and len({len(line) for line in picture.lines}) == 1, latex
        covered = set()
        for region in picture.regions:
            start, end = region.span
            assert tree.span[0] <= start <= end <= tree.span[1] <= len(latex), (latex, region)
            assert region.kind in KINDS, region
            for row, first, stop in region.cells:
                assert 0 <= row < picture.height and 0 <= first < stop <= picture.width, region
                covered.update((row, col) for col in range(first, stop))
        for row, line in enumerate(picture.lines):
            for col, char in enumerate(line):
                assert char == " " or (row, col) in covered, (latex, row, col, str(picture))


def _display_equations(path: Path) -> list[str]:
    return [eq.latex for eq in load_latex(path).equations if eq.display]


def test_every_sample_equation_draws_well_formed():
    equations = _display_equations(sample_paper_path())
    assert len(equations) > 30
    for latex in equations:
        _assert_well_formed(latex)


def test_the_sample_paper_draws_quickly():
    pairs = [(parse_math(latex), latex) for latex in _display_equations(sample_paper_path())]
    start = time.perf_counter()
    for tree, latex in pairs:
        render(tree, latex)
    assert time.perf_counter() - start < 1.0  # about 20 ms on a quiet machine; generous bound


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")
def test_every_corpus_equation_draws_well_formed():
    count = 0
    for paper in sorted((CORPUS / "latex").iterdir()):
        for latex in _display_equations(paper):
            _assert_well_formed(latex)
            count += 1
    assert count > 500
