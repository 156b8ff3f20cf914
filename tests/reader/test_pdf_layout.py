"""The PDF route on pages made at test time: title, abstract, headings, prose and displays.

Every PDF is written to ``tmp_path`` with PyMuPDF (no binary fixture in the repository). Prose is
set in the built-in Times fonts. Display math needs fonts whose PDF names say Computer Modern
(``CMMI10``, ``CMR10``): real CM files when this machine has them (matplotlib ships BaKoMa's), and
always PyMuPDF's own Times programs embedded and renamed to ``CMMI10``/``CMR10`` in the PDF, which
is exactly what the reader sees of a TeX paper (a font name and ASCII letters).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.cli import main
from reader.model import EquationBlock, Heading, Paragraph
from reader.sources.pdf import load_pdf

pymupdf = pytest.importorskip("pymupdf")

from tests.reader.pdf_pages import (  # noqa: E402
    BODY,
    HEIGHT,
    LEFT,
    RIGHT,
    WIDTH,
    MathFonts,
    computer_modern,
    math,
    number,
    paragraph,
    same_math,
    save,
    times_renamed,
)

TITLE = "Attention Over Toy Sequences"
ABSTRACT = ("We study a small model of attention on toy sequences and show that one layer "
            "learns the identity map after a few steps of training.")
INTRO = ("Attention layers mix the values of a sequence by weights computed from queries and "
         "keys, and the output of one such layer is written as follows:")
AFTER = ("where the matrix of weights is learned by gradient descent and the input sequence "
         "comes from the data loader of the experiment.")
METHOD = "A second layer applies the same map to the outputs of the first one."


DISPLAY_1 = [("mi", "y"), ("rm", "="), ("rm", "softmax("), ("mi", "Wx"), ("rm", ")")]
DISPLAY_2 = [("mi", "z"), ("rm", "="), ("mi", "Vy"), ("rm", "+"), ("mi", "b")]


def write_paper(path: Path, fonts: MathFonts | None) -> Path:
    """One page: title, abstract, "1 Introduction", prose, a numbered display, more prose,
    "2 Method" and (with math fonts) a display whose number TeX dropped to the next line."""
    doc = pymupdf.open()
    page = doc.new_page(width=WIDTH, height=HEIGHT)
    title_width = pymupdf.get_text_length(TITLE, fontname="tibo", fontsize=17)
    page.insert_text(((WIDTH - title_width) / 2, 96), TITLE, fontname="tibo", fontsize=17)
    abstract_width = pymupdf.get_text_length("Abstract", fontname="tibo", fontsize=12)
    page.insert_text(((WIDTH - abstract_width) / 2, 140), "Abstract", fontname="tibo",
                     fontsize=12)
    paragraph(page, 160, ABSTRACT)
    page.insert_text((LEFT, 206), "1 Introduction", fontname="tibo", fontsize=12)
    paragraph(page, 228, INTRO)
    y = 266.0
    if fonts is None:
        page.insert_text((260, y), "y = softmax(Wx)", fontname="tiit", fontsize=BODY)
    else:
        math(page, 260, y, DISPLAY_1, fonts)
    number(page, y, "1")
    paragraph(page, 292, AFTER)
    page.insert_text((LEFT, 340), "2 Method", fontname="tibo", fontsize=12)
    paragraph(page, 362, METHOD)
    if fonts is not None:
        math(page, 262, 392, DISPLAY_2, fonts)
        number(page, 406, "2")
    return save(doc, path, fonts)


FONTS: dict[str, Callable[[], MathFonts | None]] = {
    "computer-modern": computer_modern,
    "times-renamed-cm": times_renamed,
}


@pytest.fixture(params=sorted(FONTS))
def math_pdf(request, tmp_path: Path) -> Path:
    fonts = FONTS[request.param]()
    if fonts is None:
        pytest.skip("no Computer Modern TTF on this machine (cmmi10.ttf/cmr10.ttf: "
                    "matplotlib's mpl-data or /usr/share/fonts); the renamed-font case covers it")
    return write_paper(tmp_path / f"{request.param}.pdf", fonts)


@pytest.fixture
def plain_pdf(tmp_path: Path) -> Path:
    return write_paper(tmp_path / "plain.pdf", None)


# --- plain fonts: the page's structure ---------------------------------------------------------

def test_generated_pdf_uses_the_fonts_asked_for(math_pdf: Path, plain_pdf: Path) -> None:
    """Guards the fixtures: the math really is in fonts named CMMI/CMR, the prose in Times."""
    names = {span["font"] for block in pymupdf.open(math_pdf)[0].get_text("dict")["blocks"]
             for line in block["lines"] for span in line["spans"]}
    assert any(n.upper().startswith("CMMI") for n in names)
    assert any(n.upper().startswith("CMR") for n in names)
    assert any("Times" in n for n in names)
    plain = {span["font"] for block in pymupdf.open(plain_pdf)[0].get_text("dict")["blocks"]
             for line in block["lines"] for span in line["spans"]}
    assert not any(n.upper().startswith(("CM", "NIMBUS")) for n in plain)


def test_title_is_the_largest_text_on_page_one(plain_pdf: Path) -> None:
    paper = load_pdf(plain_pdf)
    assert paper.source == "pdf" and paper.path == str(plain_pdf)
    assert paper.title == TITLE
    assert not any(TITLE in b.text for b in paper.blocks if isinstance(b, Paragraph))


def test_untitled_pages_fall_back_to_the_file_name(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page(width=WIDTH, height=HEIGHT)
    paragraph(page, 120, INTRO)
    doc.save(tmp_path / "notes-week-3.pdf")
    assert load_pdf(tmp_path / "notes-week-3.pdf").title == "notes-week-3"


def test_the_abstract_paragraph_becomes_the_papers_abstract(plain_pdf: Path) -> None:
    paper = load_pdf(plain_pdf)
    assert paper.abstract == ABSTRACT
    assert not any(isinstance(b, Heading) and b.title == "Abstract" for b in paper.blocks)


@pytest.mark.xfail(strict=True, reason="bug: an abstract set narrower than the body (indented "
                   "on both sides, as in ICLR/NeurIPS styles) is cut into one paragraph per line "
                   "and paper.abstract keeps only its first line")
def test_an_indented_abstract_is_one_paragraph(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page(width=WIDTH, height=HEIGHT)
    page.insert_text((280, 140), "Abstract", fontname="tibo", fontsize=12)
    last = paragraph(page, 160, ABSTRACT + " " + ABSTRACT, x0=LEFT + 36, x1=RIGHT - 36)
    page.insert_text((LEFT, last + 40), "1 Introduction", fontname="tibo", fontsize=12)
    paragraph(page, last + 62, INTRO + " " + AFTER)
    doc.save(tmp_path / "indented.pdf")
    paper = load_pdf(tmp_path / "indented.pdf")
    assert paper.abstract == ABSTRACT + " " + ABSTRACT


def test_headings_and_paragraphs_come_in_reading_order(plain_pdf: Path) -> None:
    paper = load_pdf(plain_pdf)
    shown = [(type(b).__name__, getattr(b, "title", None) or getattr(b, "text", "")[:30])
             for b in paper.blocks if not isinstance(b, EquationBlock)]
    assert shown == [
        ("Paragraph", ABSTRACT[:30]),
        ("Heading", "Introduction"),
        ("Paragraph", INTRO[:30]),
        ("Paragraph", AFTER[:30]),
        ("Heading", "Method"),
        ("Paragraph", METHOD[:30]),
    ]
    headings = [b for b in paper.blocks if isinstance(b, Heading)]
    assert [(h.level, h.number) for h in headings] == [(1, "1"), (1, "2")]
    paragraphs = [b for b in paper.blocks if isinstance(b, Paragraph)]
    assert [p.text for p in paragraphs] == [ABSTRACT, INTRO, AFTER, METHOD]
    assert all(p.page == 1 for p in paragraphs)


def test_a_line_with_a_number_at_the_right_margin_is_a_numbered_equation(
        plain_pdf: Path) -> None:
    """Even in text fonts, "(1)" flush right after a gap makes the line equation (1)."""
    paper = load_pdf(plain_pdf)
    assert [eq.number for eq in paper.equations] == ["1"]
    eq = paper.equations[0]
    assert eq.display and eq.page == 1 and eq.section == "1 Introduction"
    assert "(1)" not in eq.latex and "softmax" in eq.latex
    blocks = list(paper.blocks)
    index = blocks.index(EquationBlock(eq.id))
    assert blocks[index - 1] == Paragraph(INTRO, page=1)
    assert blocks[index + 1] == Paragraph(AFTER, page=1)


# --- math fonts: display equations -------------------------------------------------------------

def test_display_equation_is_found_numbered_placed_and_rebuilt(math_pdf: Path) -> None:
    paper = load_pdf(math_pdf)
    first = paper.equations[0]
    assert first.number == "1" and first.display and first.page == 1
    assert same_math(first.latex, r"y = \operatorname{softmax}(W x)"), first.latex
    x0, y0, x1, y1 = first.bbox
    assert 255 <= x0 < 265 and 300 < x1 < 360, first.bbox
    assert 250 < y0 < 266 < y1 < 275, first.bbox
    assert first.confidence is not None and first.confidence >= 0.9
    assert first.error is None
    assert first.section == "1 Introduction"


def test_display_equation_keeps_the_prose_around_it(math_pdf: Path) -> None:
    paper = load_pdf(math_pdf)
    first = paper.equations[0]
    assert first.context_before == INTRO
    assert first.context_after.startswith("where the matrix of weights is learned")
    blocks = list(paper.blocks)
    index = blocks.index(EquationBlock(first.id))
    assert blocks[index - 2:index + 2] == [Heading(1, "1", "Introduction"),
                                           Paragraph(INTRO, page=1), EquationBlock(first.id),
                                           Paragraph(AFTER, page=1)]
    assert not any("softmax" in b.text for b in blocks if isinstance(b, Paragraph))


def test_a_number_dropped_to_the_next_line_belongs_to_the_display_above(
        math_pdf: Path) -> None:
    paper = load_pdf(math_pdf)
    assert [eq.number for eq in paper.equations] == ["1", "2"]
    second = paper.equations[1]
    assert same_math(second.latex, "z = V y + b"), second.latex
    assert second.section == "2 Method" and second.context_before == METHOD
    assert not any("(2)" in b.text for b in paper.blocks if isinstance(b, Paragraph))


# --- the command line --------------------------------------------------------------------------

def test_annotate_text_prints_the_rebuilt_equation(math_pdf: Path, capsys) -> None:
    assert main(["annotate", str(math_pdf), "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(TITLE)
    line = next(line for line in out.splitlines() if line.startswith("(1)"))
    assert "softmax" in line and "p. 1" in line and "confidence" in line
    assert "Softmax" in out


def test_annotate_json_marks_pdf_equations_with_page_box_and_confidence(
        math_pdf: Path, capsys) -> None:
    assert main(["annotate", str(math_pdf), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["paper"]["source"] == "pdf"
    assert data["paper"]["title"] == TITLE
    assert data["paper"]["abstract"] == ABSTRACT
    assert any("rebuilt from the PDF" in w for w in data["paper"]["warnings"])
    first = data["equations"][0]
    assert first["number"] == "1" and first["page"] == 1 and first["display"] is True
    assert isinstance(first["confidence"], float) and 0 < first["confidence"] <= 1
    assert len(first["bbox"]) == 4 and first["bbox"][0] < first["bbox"][2]
    assert first["file"] is None and first["line"] is None
    assert "softmax" in {p["id"] for p in first["patterns"]}
