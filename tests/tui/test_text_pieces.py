"""Prose pieces, drawn-cell lookup and demo command lines: the TUI's pure helpers."""

from __future__ import annotations

import json
import sys

from reader.render2d import Picture, Region
from reader.tui.demo_process import demo_command, failure_message
from reader.tui.drawing import TextPicture, cells_for, draw, symbol_at
from reader.tui.inline_math import Piece, math_text, prose_pieces


def test_prose_pieces_keep_words_math_and_references_apart() -> None:
    pieces = prose_pieces(r"Here $\alpha_t$ in \eqref{eq:a}, see \ref{sec:b}.",
                          {"eq:a": "eq-3"}, {"eq-3": "3"})
    assert pieces == [Piece("text", "Here "), Piece("math", "αₜ"), Piece("text", " in "),
                      Piece("ref", "(3)", "eq-3"), Piece("text", ", see "),
                      Piece("ref", "sec:b"), Piece("text", ".")]


def test_math_that_does_not_parse_stays_latex() -> None:
    assert math_text(r"\frac{a}{") == r"\frac{a}{"


def test_symbol_at_picks_the_tightest_symbol_around_a_region() -> None:
    symbols = [{"spans": [[0, 20]]}, {"spans": [[14, 20], [30, 36]]}]
    assert symbol_at(symbols, (14, 20)) == 1
    assert symbol_at(symbols, (2, 5)) == 0
    assert symbol_at(symbols, (40, 41)) is None


def test_cells_for_collects_every_region_inside_the_spans() -> None:
    picture = Picture(("x + x",), 0, (Region((0, 1), "symbol", ((0, 0, 1),)),
                                      Region((2, 3), "operator", ((0, 2, 3),)),
                                      Region((4, 5), "symbol", ((0, 4, 5),))))
    assert cells_for(picture, [(0, 1), (4, 5)]) == {(0, 0), (0, 4)}


def test_draw_lays_out_in_two_dimensions() -> None:
    picture = draw(r"\frac{a}{b}")
    assert len(picture.lines) == 3 and picture.region_at(0, 0) is not None


def test_text_picture_has_no_regions() -> None:
    picture = TextPicture(("x",))
    assert picture.region_at(0, 0) is None and picture.regions_for((0, 1)) == ()


def test_demo_command_passes_the_papers_symbols_as_unicode() -> None:
    argv = demo_command("squared_error", {"target": r"\bm{\epsilon}"}, quick=True)
    assert argv[:3] == [sys.executable, "-m", "demos.squared_error"]
    assert json.loads(argv[argv.index("--bindings") + 1]) == {"target": "ε"}
    assert argv[-1] == "--quick"


def test_failure_message_prefers_the_demos_own_words() -> None:
    assert failure_message("vae", 3, "") == "demo vae failed: a missing optional dependency"
    assert failure_message("x", 2, "error: bad --bindings") == "demo x: bad --bindings"
    assert failure_message("x", 1, "demo x: 2 self-checks failed") == (
        "demo x: 2 self-checks failed")
