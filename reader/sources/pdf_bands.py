"""A page's glyphs grouped into columns and bands (what a reader sees as lines).

A band is a strip of one column whose glyphs' cores overlap vertically: a prose line with its
scripts, or a display row with its fraction numerators, denominators and limits. Bands are the
unit the display finder classifies and the prose reader joins into paragraphs.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from reader.sources.pdf_glyphs import Glyph, PageContent, Rule

Column = Literal["full", "left", "right"]

TWO_COLUMN_MIN_LINES = 6
"""Lines wholly on each side of the middle before a page is read as two columns."""


@dataclass(slots=True)
class Band:
    """Glyphs (and rules) of one line of one column, in x order."""

    column: Column
    glyphs: list[Glyph]
    rules: list[Rule] = field(default_factory=list)
    top: float = 0.0
    bottom: float = 0.0

    @property
    def x0(self) -> float:
        return min(g.x0 for g in self.glyphs)

    @property
    def x1(self) -> float:
        return max(g.x1 for g in self.glyphs)

    @property
    def text(self) -> str:
        return "".join(g.char for g in self.glyphs)


@dataclass(frozen=True, slots=True)
class PageLayout:
    page: PageContent
    left_edge: dict[Column, float]
    right_edge: dict[Column, float]
    bands: list[Band]
    """In reading order: full-width bands above the columns, left column, right, the rest."""


def core(glyph: Glyph) -> tuple[float, float]:
    """The vertical extent that decides line membership: x-height-ish, or a tall glyph's ink."""
    ink = glyph.hanging_ink
    if ink is not None:
        return ink
    return glyph.baseline - 0.68 * glyph.size, glyph.baseline + 0.15 * glyph.size


def layout_page(page: PageContent) -> PageLayout:
    """Columns and bands of a page, in reading order."""
    two, middle = _columns(page.glyphs, page.width / 2)
    by_column: dict[Column, list[Glyph]] = {"full": [], "left": [], "right": []}
    for glyph in page.glyphs:
        by_column[_column_of(glyph, middle, two)].append(glyph)
    if two:
        _move_wide_lines_to_full(by_column, middle)
    bands: dict[Column, list[Band]] = {c: _bands(c, gs) for c, gs in by_column.items()}
    for rule in page.rules:
        _attach_rule(rule, bands, middle, two)
    left_edge = {c: _edge([b.x0 for b in bs], 0.0, min) for c, bs in bands.items()}
    right_edge = {c: _edge([b.x1 for b in bs], page.width, max) for c, bs in bands.items()}
    return PageLayout(page, left_edge, right_edge, _reading_order(bands))


def _edge(values: list[float], default: float, extreme) -> float:
    """Where most lines start (or end): justified prose shares one edge; a stray wide line or
    a margin note must not move it. Falls back to the extreme value for sparse pages."""
    if not values:
        return default
    counts = Counter(round(v) for v in values)
    value, count = counts.most_common(1)[0]
    if count >= 3:
        return float(extreme(v for v in values if abs(v - value) <= 1.5))
    return float(extreme(values))


def _columns(glyphs: tuple[Glyph, ...], middle: float) -> tuple[bool, float]:
    """Whether the page has two columns, and the x of the gutter between them."""
    lines: dict[int, list[Glyph]] = {}
    for glyph in glyphs:
        if not glyph.font.is_math:
            lines.setdefault(round(glyph.baseline), []).append(glyph)
    left: list[float] = []
    right: list[float] = []
    crossing = 0
    for line in lines.values():
        if len(line) < 20:
            continue
        x0, x1 = min(g.x0 for g in line), max(g.x1 for g in line)
        if x1 < middle + 2:
            left.append(x1)
        elif x0 > middle - 2:
            right.append(x0)
        elif any(middle - 4 < g.cx < middle + 4 for g in line):
            crossing += 1
    two = min(len(left), len(right)) - crossing >= TWO_COLUMN_MIN_LINES
    if not two:
        return False, middle
    gutter_left = sorted(left)[len(left) // 2]
    gutter_right = sorted(right)[len(right) // 2]
    return True, (gutter_left + gutter_right) / 2


def _column_of(glyph: Glyph, middle: float, two: bool) -> Column:
    if not two:
        return "full"
    return "left" if glyph.cx < middle else "right"


def _move_wide_lines_to_full(by_column: dict[Column, list[Glyph]], middle: float) -> None:
    """Lines that run across the gutter (a title, a wide table) belong to neither column."""
    lines: dict[int, list[Glyph]] = {}
    for column in ("left", "right"):
        for glyph in by_column[column]:  # type: ignore[index]
            lines.setdefault(round(glyph.baseline), []).append(glyph)
    for line in lines.values():
        xs = sorted(line, key=lambda g: g.x0)
        crossing = any(a.x1 < middle < b.x0 and b.x0 - a.x1 < 0.6 * a.size
                       for a, b in zip(xs, xs[1:], strict=False))
        if crossing:
            ids = {id(g) for g in line}
            for column in ("left", "right"):
                by_column[column] = [g for g in by_column[column] if id(g) not in ids]  # type: ignore[index]
            by_column["full"].extend(line)


def _bands(column: Column, glyphs: list[Glyph]) -> list[Band]:
    bands: list[Band] = []
    for glyph in sorted(glyphs, key=lambda g: core(g)[0]):
        top, bottom = core(glyph)
        if bands and top < bands[-1].bottom:
            band = bands[-1]
            band.glyphs.append(glyph)
            band.bottom = max(band.bottom, bottom)
        else:
            bands.append(Band(column, [glyph], top=top, bottom=bottom))
    bands = _merge_limit_bands(bands)
    for band in bands:
        band.glyphs.sort(key=lambda g: g.x0)
    return bands


def _merge_limit_bands(bands: list[Band]) -> list[Band]:
    """A band of only small glyphs right under (or over) a line holds that line's limits
    (``\\sum_{i=1}``, ``\\arg\\min_{y}``) or scripts: it belongs to that line."""
    out: list[Band] = []
    for band in bands:
        prev = out[-1] if out else None
        if prev is not None and _attachable(band, prev):
            prev.glyphs.extend(band.glyphs)
            prev.bottom = max(prev.bottom, band.bottom)
            continue
        if prev is not None and _attachable(prev, band):
            band.glyphs.extend(prev.glyphs)
            band.top = min(band.top, prev.top)
            out[-1] = band
            continue
        out.append(band)
    return out


def _attachable(small: Band, big: Band) -> bool:
    """``small`` (only script-size glyphs) sits within a few points of ``big`` and under it."""
    big_size = max(g.size for g in big.glyphs)
    if any(g.size > 0.8 * big_size for g in small.glyphs) or len(small.glyphs) > 40:
        return False
    gap = small.top - big.bottom if small.top >= big.top else big.top - small.bottom
    if gap > 0.45 * big_size:
        return False
    x0, x1 = min(g.x0 for g in small.glyphs), max(g.x1 for g in small.glyphs)
    return any(g.x0 - 2 < x1 and x0 < g.x1 + 2 for g in big.glyphs)


def _attach_rule(rule: Rule, bands: dict[Column, list[Band]], middle: float, two: bool) -> None:
    centre = (rule.x0 + rule.x1) / 2
    column: Column = "full" if not two else ("left" if centre < middle else "right")
    candidates = bands[column] + (bands["full"] if column != "full" else [])
    for band in candidates:
        if (band.top - 1.0 <= rule.y <= band.bottom + 1.0 and band.x0 - 1 <= centre <= band.x1 + 1
                and rule.width <= band.x1 - band.x0 + 2):
            band.rules.append(rule)
            return


def _reading_order(bands: dict[Column, list[Band]]) -> list[Band]:
    columns = bands["left"] + bands["right"]
    if not columns:
        return bands["full"]
    first = min(b.top for b in columns)
    above = [b for b in bands["full"] if b.bottom <= first + 1]
    below = [b for b in bands["full"] if b.bottom > first + 1]
    return above + bands["left"] + bands["right"] + below


def body_size(layouts: list[PageLayout]) -> float:
    """The most common glyph size of text fonts: the paper's body size."""
    sizes: Counter[float] = Counter()
    for layout in layouts:
        for glyph in layout.page.glyphs:
            if not glyph.font.is_math:
                sizes[round(glyph.size, 1)] += 1
    return sizes.most_common(1)[0][0] if sizes else 10.0
