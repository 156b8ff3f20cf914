"""Equation numbers exactly as LaTeX prints them, one rule per fixture."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.sources.latex import load_latex

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "latex"


def _numbers(name: str) -> dict[str, str | None]:
    paper = load_latex(FIXTURES / name)
    return {label: paper.equation(eid).number for label, eid in paper.labels.items()}


def _display_numbers(name: str) -> list[str | None]:
    paper = load_latex(FIXTURES / name)
    return [eq.number for eq in paper.equations if eq.display]


def test_basic_rules_in_reading_order():
    assert _display_numbers("numbering_basic.tex") == [
        "1",  # equation
        None, None, None,  # equation*, \[..\], $$..$$
        "2", None, None, "$\\star$", "3",  # align: label, nonumber, notag, tag, plain
        None, "K",  # align*: unnumbered unless tagged
        "4", "5",  # gather rows
        "6", None,  # eqnarray rows
        "T2",  # tag*
        "7",  # multline: one number
        "8",  # flalign
        "9",  # alignat
        "41",  # after \setcounter{equation}{40}
        "40",  # after \addtocounter{equation}{-2}
    ]


def test_labels_point_at_their_row():
    numbers = _numbers("numbering_basic.tex")
    assert numbers["n:first"] == "1"
    assert numbers["n:e"] == "2"
    assert numbers["n:h"] == "$\\star$"
    assert numbers["n:i"] == "3"
    assert numbers["n:multline"] == "7"


def test_numberwithin_section_starred_sections_and_appendix():
    assert _numbers("numbering_within.tex") == {
        "w:before": "0.1",
        "w:a": "1.1",
        "w:b": "1.2",
        "w:c": "1.3",  # \section* neither steps nor resets
        "w:d": "2.1",
        "w:e": "A.1",
        "w:f": "A.2",
        "w:g": "B.1",
    }


def test_counterwithin_is_the_same_as_numberwithin():
    assert _numbers("numbering_counterwithin.tex") == {"c:a": "1.1", "c:b": "2.1"}


def test_appendix_without_numberwithin_keeps_counting():
    assert _numbers("numbering_appendix_plain.tex") == {"p:a": "1", "p:b": "2"}


def test_subequations_share_a_number_with_letters():
    assert _numbers("subequations.tex") == {
        "s:a": "1", "s:b": "2a", "s:c": "2b", "s:d": "2c", "s:e": "3",
    }


def test_book_class_numbers_within_chapters():
    assert _numbers("book_chapters.tex") == {
        "b:a": "1.1", "b:b": "1.2", "b:c": "2.1", "b:d": "A.1",
    }


@pytest.mark.parametrize("name", ["numbering_within.tex", "book_chapters.tex"])
def test_headings_carry_printed_numbers(name):
    paper = load_latex(FIXTURES / name)
    numbers = [b.number for b in paper.blocks if type(b).__name__ == "Heading"]
    expected = {
        "numbering_within.tex": ["1", None, "2", "2.1", "A", "B"],
        "book_chapters.tex": ["1", "1.1", "2", "A"],
    }[name]
    assert numbers == expected
