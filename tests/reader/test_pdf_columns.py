"""The PDF route on two-column pages and prose lines with inline scripts, made at test time."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.model import Paper, Paragraph
from reader.sources.pdf import load_pdf

pymupdf = pytest.importorskip("pymupdf")

from tests.reader.pdf_pages import (  # noqa: E402
    BODY,
    HEIGHT,
    LEFT,
    RIGHT,
    WIDTH,
    run,
    same_math,
    save,
    times_renamed,
    words,
)

# --- two columns -------------------------------------------------------------------------------

COLUMN_LINE = "the quick brown fox jumps over the lazy dog"


def _two_column_page(path: Path, title: str, title_x: float, *, shift: float = 3.0) -> Path:
    """A title over two columns of twelve lines; the right column's baselines ``shift`` points
    lower (displays and headings in either column rarely leave the two grids aligned)."""
    doc = pymupdf.open()
    page = doc.new_page(width=WIDTH, height=HEIGHT)
    page.insert_text((title_x, 96), title, fontname="tibo", fontsize=17)
    for i in range(12):
        y = 150 + 12 * i
        words(page, y, f"left {i} " + COLUMN_LINE, x0=LEFT, x1=296)
        words(page, y + shift, f"right {i} " + COLUMN_LINE, x0=316, x1=RIGHT)
    doc.save(path)
    return path


def _title_x_with_letter_on(title: str, letter_index: int, x: float) -> float:
    """Where to start the title so that its letter ``letter_index`` is centred on ``x``."""
    before = pymupdf.get_text_length(title[:letter_index], fontname="tibo", fontsize=17)
    width = pymupdf.get_text_length(title[letter_index], fontname="tibo", fontsize=17)
    return x - before - width / 2


TWO_COLUMN_TITLE = "Learning in Large Models as Gradient Descent"


def test_a_title_across_the_gutter_stays_whole_when_a_space_is_on_the_gutter(
        tmp_path: Path) -> None:
    space = TWO_COLUMN_TITLE.index(" Large")
    x = _title_x_with_letter_on(TWO_COLUMN_TITLE, space, WIDTH / 2)
    paper = load_pdf(_two_column_page(tmp_path / "space.pdf", TWO_COLUMN_TITLE, x))
    assert paper.title == TWO_COLUMN_TITLE


@pytest.mark.xfail(strict=True, reason="bug: on a two-column page a full-width line is moved "
                   "out of the columns only when a gap between two glyphs straddles the gutter; "
                   "when a letter straddles it, the title is split between the columns "
                   "(icl-as-gd.pdf: 'Rethinking In-Context Learning in L Desc arge ...')")
def test_a_title_across_the_gutter_stays_whole_when_a_letter_is_on_the_gutter(
        tmp_path: Path) -> None:
    letter = TWO_COLUMN_TITLE.index("Large") + 1
    x = _title_x_with_letter_on(TWO_COLUMN_TITLE, letter, WIDTH / 2)
    paper = load_pdf(_two_column_page(tmp_path / "letter.pdf", TWO_COLUMN_TITLE, x))
    assert paper.title == TWO_COLUMN_TITLE


def _column_order(paper) -> list[str]:
    """Which column each paragraph line came from, by its "left i"/"right i" marker."""
    text = " ".join(b.text for b in paper.blocks if isinstance(b, Paragraph))
    return [f"{side} {i}" for side, i in re.findall(r"\b(left|right) (\d+)\b", text)]


def test_two_columns_are_read_left_column_first(tmp_path: Path) -> None:
    paper = load_pdf(_two_column_page(tmp_path / "columns.pdf", "Two Columns", 150))
    assert _column_order(paper) == [f"left {i}" for i in range(12)] + [
        f"right {i}" for i in range(12)]


@pytest.mark.xfail(strict=True, reason="bug: when the two columns' baselines align (pure prose "
                   "in both, TeX's usual grid), every line spans the gutter, the page is not "
                   "seen as two columns and each band mixes a left and a right line")
def test_two_columns_on_one_baseline_grid_are_read_left_column_first(tmp_path: Path) -> None:
    paper = load_pdf(_two_column_page(tmp_path / "grid.pdf", "Two Columns", 150, shift=0.0))
    assert _column_order(paper) == [f"left {i}" for i in range(12)] + [
        f"right {i}" for i in range(12)]


def _script_lines(path: Path, *, superscript_below: bool) -> Paper:
    """Two prose lines 11.9 pt apart: ``x_{ij}^2`` in the first, ``y^k`` (or plain ``y``) in
    the second, in TeX's script sizes and shifts."""
    fonts = times_renamed()
    doc = pymupdf.open()
    page = doc.new_page(width=WIDTH, height=HEIGHT)
    y = 400.0
    x = words(page, y, "Each chart maps", x1=None) + 2.5
    end = run(page, x, y, "mi", "x", fonts)
    run(page, end, y - 3.6, "rm", "2", fonts, size=7.0)
    x = run(page, end, y + 2.7, "mi", "ij", fonts, size=7.0) + 2.5
    words(page, y, "into the plane and keeps its own name.", x0=x, x1=None)
    y += 11.9
    x = words(page, y, "A second chart", x1=None) + 2.5
    x = run(page, x, y, "mi", "y", fonts)
    if superscript_below:
        x = run(page, x, y - 3.6, "mi", "k", fonts, size=7.0)
    words(page, y, "covers the rest of the manifold.", x0=x + 2.5, x1=None)
    return load_pdf(save(doc, path, fonts))


def test_inline_math_with_scripts_is_rebuilt_inside_its_line(tmp_path: Path) -> None:
    paper = _script_lines(tmp_path / "scripts.pdf", superscript_below=False)
    text = " ".join(b.text for b in paper.blocks if isinstance(b, Paragraph))
    assert text.startswith("Each chart maps $")
    assert "$ into the plane and keeps its own name." in text
    assert text.endswith("A second chart $y$ covers the rest of the manifold.")
    inline = re.search(r"maps \$(.*?)\$ into", text).group(1)
    assert same_math(inline, "x_{i j}^{2}"), inline


@pytest.mark.xfail(strict=True, reason="bug: a subscript in one prose line and a superscript "
                   "in the next overlap in their cores (0.2 pt at an 11.9 pt leading, as in "
                   "hyperbolic-normalizing-flows.pdf page 13), so the two lines become one band "
                   "and their glyphs are interleaved by x")
def test_a_subscript_over_the_next_lines_superscript_does_not_merge_the_lines(
        tmp_path: Path) -> None:
    paper = _script_lines(tmp_path / "scripts.pdf", superscript_below=True)
    text = " ".join(b.text for b in paper.blocks if isinstance(b, Paragraph))
    assert "$ into the plane and keeps its own name." in text
    assert text.endswith("A second chart $y^{k}$ covers the rest of the manifold.")


@pytest.mark.xfail(strict=True, reason="bug: a text accent TeX builds from two glyphs (OT1 "
                   "\\'e: an acute set over an e, as in hyperbolic-normalizing-flows.pdf's "
                   "'Fre´chet' and 'Velicˇkovic´') is not composed: prose reads 'Fre´chet'")
def test_an_accent_set_over_a_letter_reads_as_the_accented_letter(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page(width=WIDTH, height=HEIGHT)
    x = words(page, 400, "The samples have a Fr", x1=None)
    # measured: the acute starts 0.55 pt right of the e and is drawn first
    page.insert_text((x + 0.55, 400), "´", fontname="tiro", fontsize=BODY)
    page.insert_text((x, 400), "e", fontname="tiro", fontsize=BODY)
    x += pymupdf.get_text_length("e", fontname="tiro", fontsize=BODY)
    words(page, 400, "chet mean of their own.", x0=x, x1=None)
    doc.save(tmp_path / "accent.pdf")
    paper = load_pdf(tmp_path / "accent.pdf")
    assert [b.text for b in paper.blocks] == ["The samples have a Fréchet mean of their own."]
