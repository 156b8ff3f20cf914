"""The matcher's equivalences, each on the smallest template that shows it."""

from __future__ import annotations

import pytest

from patterns.matcher import match
from patterns.parser import parse_math


def _first(template: str, subject: str) -> dict[str, str] | None:
    """The first binding of ``template`` at the root of ``subject``, as parsed trees."""
    for bindings in match(parse_math(template, holes=True), parse_math(subject)):
        return bindings
    return None


def _binds(template: str, subject: str, **expected: str) -> bool:
    found = _first(template, subject)
    return found is not None and all(found[k] == parse_math(v) for k, v in expected.items())


def test_sums_match_in_any_order() -> None:
    assert _binds("?a - ?b", "-y + x", a="x", b="y")


def test_products_match_in_any_order_and_cdot_is_juxtaposition() -> None:
    assert _binds(r"?w \log ?p", r"\log q \cdot t", w="t", p="q")


def test_a_hole_absorbs_the_extra_terms_of_a_longer_sum() -> None:
    assert _binds(r"?rest - \nabla ?f", r"a + b - \nabla g", rest="a + b", f="g")


def test_without_a_hole_a_longer_sum_does_not_match() -> None:
    assert _first("x + ?y", "x + y + z + w") is not None  # ?y takes y + z + w
    assert _first("x + y", "x + y + z") is None


def test_a_repeated_hole_must_see_the_same_expression() -> None:
    assert _binds(r"?p \log ?p", r"p(x) \log p(x)", p="p(x)")
    assert _first(r"?p \log ?p", r"p(x) \log q(x)") is None


def test_a_repeated_hole_accepts_letter_variants() -> None:
    assert _first(r"?e - ?e_\theta", r"\varepsilon - \epsilon_\theta") is not None


def test_bracket_kinds_do_not_matter_and_holes_bind_contents() -> None:
    assert _binds(r"\mathrm{Var}(?x)", r"\mathrm{Var}\left[X\right]", x="X")
    assert _binds("(?a - ?b)^2", r"\left[y - f(x)\right]^2", a="y", b="f(x)")


def test_redundant_brackets_in_the_subject_are_transparent() -> None:
    assert _binds(r"\frac{?a}{2 ?b}", r"\frac{u}{(2 v)}", a="u", b="v")


def test_missing_subscripts_and_limits_in_a_template_mean_any() -> None:
    assert _binds(r"\mathbb{E}[?f]", r"\mathbb{E}_{x \sim p}[g(x)]", f="g(x)")
    assert _binds(r"\sum ?x", r"\sum_{i=1}^{n} a_i", x="a_i")
    assert _binds(r"\nabla ?f", r"\nabla_\theta L", f="L")


def test_norm_order_is_optional_and_sign_inside_bars_is_free() -> None:
    assert _binds(r"\|?a - ?b\|^2", r"\lVert y - x \rVert_2^2", a="y", b="x")
    assert _binds(r"\|?a - \nabla ?f\|", r"\|\nabla g - s\|", a="s", f="g")
    assert _first(r"\|?a - ?b\|", r"\|a + b\|") is None


def test_the_square_of_a_difference_reads_either_way() -> None:
    assert _binds(r"(?a - \hat{?b})^2", r"(\hat{y} - t)^2", a="t", b="y")
    assert _first("(?a - ?b)^2", "(a + b)^2") is None


def test_letter_variants_and_bold_are_the_same_letter() -> None:
    assert _first(r"\epsilon", r"\varepsilon") is not None
    assert _first("x", r"\mathbf{x}") is not None
    assert _first("x", "y") is None


def test_exp_and_e_power_are_one_function() -> None:
    assert _binds(r"\exp(-?z)", "e^{-t}", z="t")
    assert _binds(r"e^{?z}", r"\exp(a + b)", z="a + b")


def test_transpose_marks_are_interchangeable() -> None:
    for mark in ("T", r"\top", r"\intercal", r"\mathsf{T}"):
        assert _binds(r"?w^\top ?x", f"w^{{{mark}}} x", w="w", x="x"), mark


@pytest.mark.parametrize("spelling", [r"\mathrm{KL}", r"\operatorname{KL}", "D_{KL}",
                                      r"D_{\mathrm{KL}}", r"D_{\text{KL}}"])
def test_operator_names_compare_as_words(spelling: str) -> None:
    assert _binds(r"\mathrm{KL}(?p \| ?q)", spelling + r"(p \| q)", p="p", q="q")


def test_ln_is_log() -> None:
    assert _binds(r"\log ?x", r"\ln y", x="y")


def test_max_and_min_ignore_argument_order() -> None:
    assert _binds(r"\max(0, ?x)", r"\max(z, 0)", x="z")


def test_semicolon_and_bar_both_separate_parameters() -> None:
    assert _binds(r"\mathcal{N}(?x; ?m, ?v)", r"\mathcal{N}(x \mid \mu, \Sigma)", m=r"\mu")


def test_a_lone_hole_argument_takes_all_arguments() -> None:
    assert _binds(r"\epsilon_\theta(?in)", r"\epsilon_\theta(x_t, t)", **{"in": "x_t, t"})


def test_relations_match_inside_chains_and_mirror_inequalities() -> None:
    assert _binds("?a = ?b + 1", "y = x + 1 = z", a="y", b="x")
    assert _binds("?a := ?b", r"w \leftarrow v", a="w", b="v")
    assert _binds(r"?a \ge ?b", r"u \le v", a="v", b="u")


def test_odot_counts_as_a_product() -> None:
    assert _binds(r"?s ?e", r"\sigma \odot \epsilon", s=r"\sigma", e=r"\epsilon")


def test_a_hole_taking_the_rest_of_a_product_quotes_only_its_own_source() -> None:
    """Found by fuzzing: an empty factor (``a \\cdot{} \\cdot b``) among the rest stretched the
    rebuilt binding back to offset 0, so the reader quoted the whole equation as its role."""
    latex = r"y = a \cdot{} \cdot b"
    found = _first(r"?l = ?w \cdot ?x", latex)
    assert found is not None and found["x"].span == (20, 21)
