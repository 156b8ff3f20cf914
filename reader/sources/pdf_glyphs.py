"""The raw material of a PDF page: positioned glyphs and thin horizontal rules.

Equations in a PDF are not text but glyphs placed by TeX; rebuilding them needs each glyph's
character, font, size, box and baseline, and the rules TeX draws (fraction bars, radical
overlines). One pass of PyMuPDF's ``rawdict`` and ``get_drawings`` per page gives all of it;
everything later works on these plain records and never calls PyMuPDF again.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.sources.pdf_cmex import cmex_extent
from reader.sources.pdf_fonts import FontInfo, font_info

RULE_MAX_THICKNESS = 1.2
"""Points; TeX's fraction bars and radical overlines are 0.4 pt, table rules up to ~1 pt."""

RULE_MIN_WIDTH = 2.5
"""Points; shorter strokes are dots or glyph debris, not bars."""


class Extent:
    """The centre and width of anything with a box (``x0``, ``y0``, ``x1``, ``y1``): glyphs as
    printed and the boxes the rebuild merges them into."""

    __slots__ = ()
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2

    @property
    def width(self) -> float:
        return self.x1 - self.x0


@dataclass(frozen=True, slots=True)
class Glyph(Extent):
    """One character as printed: what it is, in which font, and where."""

    char: str
    font: FontInfo
    size: float
    x0: float
    y0: float
    x1: float
    y1: float
    baseline: float
    """The y of the glyph's origin: scripts sit above or below their base's baseline."""

    @property
    def hanging_ink(self) -> tuple[float, float] | None:
        """Top and bottom of a glyph that hangs from its origin (CMEX delimiters and operators,
        the radical sign), whose font-wide box says nothing of its ink; None for others."""
        if self.font.kind == "math-extension":
            depth = cmex_extent(self.char)
        elif self.font.kind == "math-symbol" and self.char == "√":
            depth = 0.96
        else:
            return None
        return self.baseline - 0.04 * self.size, self.baseline + depth * self.size


@dataclass(frozen=True, slots=True)
class Rule:
    """A thin horizontal bar: a fraction bar, a radical's overline or an \\overline."""

    x0: float
    x1: float
    y: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0


@dataclass(frozen=True, slots=True)
class PageContent:
    """Everything later stages read of one page."""

    number: int
    """1-based."""
    width: float
    height: float
    glyphs: tuple[Glyph, ...]
    rules: tuple[Rule, ...]


def read_page(page, number: int) -> PageContent:
    """Glyphs (horizontal text only: the arXiv stamp runs up the margin) and rules of a page."""
    import pymupdf

    flags = pymupdf.TEXTFLAGS_RAWDICT | pymupdf.TEXT_INHIBIT_SPACES
    glyphs: list[Glyph] = []
    for block in page.get_text("rawdict", flags=flags)["blocks"]:
        for line in block.get("lines", ()):
            if abs(line["dir"][1]) > 0.01 or line["dir"][0] < 0:
                continue
            for span in line["spans"]:
                info = font_info(span["font"])
                size = span["size"]
                for ch in span["chars"]:
                    char = ch["c"]
                    if char.isspace() and not info.is_math:
                        continue
                    x0, y0, x1, y1 = ch["bbox"]
                    glyphs.append(Glyph(char, info, size, x0, y0, x1, y1, ch["origin"][1]))
    rect = page.rect
    return PageContent(number, rect.width, rect.height, tuple(glyphs),
                       tuple(_rules(page.get_drawings())))


def _rules(drawings: list[dict]) -> list[Rule]:
    """Thin horizontal strokes or filled rectangles, wherever TeX drew them."""
    rules: list[Rule] = []
    for drawing in drawings:
        for item in drawing.get("items", ()):
            kind = item[0]
            if kind == "re":
                r = item[1]
                if r.height <= RULE_MAX_THICKNESS and r.width >= RULE_MIN_WIDTH:
                    rules.append(Rule(r.x0, r.x1, (r.y0 + r.y1) / 2))
            elif kind == "l":
                p, q = item[1], item[2]
                if abs(p.y - q.y) <= 0.2 and abs(q.x - p.x) >= RULE_MIN_WIDTH:
                    width = drawing.get("width") or 0.0
                    if width <= RULE_MAX_THICKNESS:
                        rules.append(Rule(min(p.x, q.x), max(p.x, q.x), (p.y + q.y) / 2))
            elif kind == "qu":
                quad = item[1]
                r = quad.rect
                if r.height <= RULE_MAX_THICKNESS and r.width >= RULE_MIN_WIDTH:
                    rules.append(Rule(r.x0, r.x1, (r.y0 + r.y1) / 2))
    return rules
