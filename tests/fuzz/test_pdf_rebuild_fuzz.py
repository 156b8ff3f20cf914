"""The PDF rebuilder on random glyphs and rules: never an exception, always LaTeX that parses.

The LaTeX route's guarantee (no exception, no hang) must hold for the PDF route too, whose input
is whatever glyphs a PDF places; the rebuilt LaTeX then goes through the same parser.
"""

from __future__ import annotations

from hypothesis import given

from patterns.parser import parse_math
from patterns.unicode_text import to_text
from reader.sources.pdf_equation import _confidence
from reader.sources.pdf_glyphs import Glyph, Rule
from reader.sources.pdf_math import rebuild_math
from tests.fuzz.harness import FUZZ, no_hang
from tests.fuzz.pdf_strategies import tex_layout, wild_layout


def check_rebuild(layout: tuple[list[Glyph], list[Rule]]) -> None:
    glyphs, rules = layout
    with no_hang(layout):
        result = rebuild_math(list(glyphs), list(rules))
        tree = parse_math(result.latex)
        to_text(tree)
        score, _ = _confidence(result.latex, result.issues)
    assert isinstance(result.latex, str)
    assert all(isinstance(issue, str) and issue for issue in result.issues)
    assert 0.0 < score <= 1.0


@FUZZ
@given(tex_layout())
def test_near_real_layouts_rebuild_to_parsable_latex(layout) -> None:
    check_rebuild(layout)


@FUZZ
@given(wild_layout)
def test_any_geometry_rebuilds_without_error(layout) -> None:
    check_rebuild(layout)
