"""Find display equations on a laid-out page: which bands are math rows, and their numbers.

A display row is a band that carries an equation number "(n)" at the right edge of its column,
or a band set mostly in math fonts and indented from the column's left edge (displays are
centred). A band holding nothing but a number belongs to the rows next to it (``split`` or
``aligned`` give one number to several rows). Everything else is prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.sources.pdf_bands import Band, PageLayout
from reader.sources.pdf_glyphs import Glyph, Rule

_NUMBER = re.compile(r"^\(([A-Z]?\d+(?:[.\-]\d+)*[a-z]?|[A-Z]\.\d+|[ivx]+|\*+)\)$")

MIN_MATH_SHARE = 0.5
"""Share of a band's glyphs in math fonts before an unnumbered band can be a display."""

MIN_INDENT = 15.0
"""Points from the column's left edge; prose lines start at the edge or a paragraph indent."""

NUMBER_GAP = 6.0
"""Points of white space before an equation number."""


@dataclass(slots=True)
class DisplayRow:
    """One row of a display equation: its glyphs and rules without the number."""

    page: int
    glyphs: list[Glyph]
    rules: list[Rule]
    number: str | None
    band_index: int
    """Index in the page's reading-order bands, to place the row among the prose."""
    extra_bands: list[int] = field(default_factory=list)
    continued: list[DisplayRow] = field(default_factory=list)
    """Further rows of the same equation (a ``split`` block with one number)."""

    @property
    def last_band(self) -> int:
        rows = [self, *self.continued]
        return max(max([r.band_index, *r.extra_bands]) for r in rows)

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (min(g.x0 for g in self.glyphs), min(g.y0 for g in self.glyphs),
                max(g.x1 for g in self.glyphs), max(g.y1 for g in self.glyphs))


def find_display_rows(layout: PageLayout, roman_is_math: bool) -> list[DisplayRow]:
    """The display rows of a page, in reading order."""
    rows: list[DisplayRow] = []
    pending_number: tuple[str, int] | None = None
    for index, band in enumerate(layout.bands):
        number, body = _split_number(band, layout)
        if number is not None and not body:
            target = _nearest_row(rows, index)
            if target is not None and target.number is None:
                target.number = number
                target.extra_bands.append(index)
            else:
                pending_number = (number, index)
            continue
        if number is None and not _is_display(band, body, layout, roman_is_math):
            continue
        row = DisplayRow(layout.page.number, body, list(band.rules), number, index)
        if pending_number is not None and index - pending_number[1] <= 1 and row.number is None:
            row.number = pending_number[0]
            row.extra_bands.append(pending_number[1])
            pending_number = None
        rows.append(row)
    return _join_split_blocks(rows)


_RELATIONS = frozenset("=≤≥<>≈∝≡∼+−")


def _join_split_blocks(rows: list[DisplayRow]) -> list[DisplayRow]:
    """Adjacent rows with one number, the later ones starting with a relation (``= …``), are
    one equation set with ``split``/``aligned``: LaTeX numbers the whole block once."""
    runs: list[list[DisplayRow]] = []
    for row in rows:
        if runs and row.band_index == runs[-1][-1].last_band + 1 and row.glyphs:
            runs[-1].append(row)
        else:
            runs.append([row])
    out: list[DisplayRow] = []
    for run in runs:
        numbered = [r for r in run if r.number is not None]
        continuing = all(r.glyphs and r.glyphs[0].char in _RELATIONS for r in run[1:])
        if len(run) > 1 and len(numbered) == 1 and continuing:
            head = run[0]
            head.number = numbered[0].number
            head.continued = run[1:]
            out.append(head)
        else:
            out.extend(run)
    return out


def _split_number(band: Band, layout: PageLayout) -> tuple[str | None, list[Glyph]]:
    """The equation number at the band's right end, and the glyphs before it."""
    glyphs = band.glyphs
    if not glyphs or glyphs[-1].char != ")":
        return None, glyphs
    for start in range(len(glyphs) - 2, max(-1, len(glyphs) - 12), -1):
        if glyphs[start].char == "(":
            text = "".join(g.char for g in glyphs[start:]).replace(" ", "")
            match = _NUMBER.match(text)
            if match is None:
                return None, glyphs
            gap = glyphs[start].x0 - glyphs[start - 1].x1 if start > 0 else 99.0
            near_edge = layout.right_edge[band.column] - glyphs[-1].x1 < 12.0
            if gap >= NUMBER_GAP and near_edge and not any(g.font.is_math
                                                           for g in glyphs[start:]):
                return match.group(1), glyphs[:start]
            return None, glyphs
    return None, glyphs


def _is_display(band: Band, glyphs: list[Glyph], layout: PageLayout, roman_is_math: bool) -> bool:
    if len(glyphs) < 2:
        return False
    math = sum(1 for g in glyphs if g.font.is_math or (roman_is_math and g.font.is_roman))
    if math / len(glyphs) < MIN_MATH_SHARE:
        return False
    indent = min(g.x0 for g in glyphs) - layout.left_edge[band.column]
    return indent >= MIN_INDENT and not _looks_like_table(glyphs)


def _looks_like_table(glyphs: list[Glyph]) -> bool:
    """Table rows have cells far apart; a display has at most one wide gap (a \\qquad)."""
    wide = sum(1 for a, b in zip(glyphs, glyphs[1:], strict=False) if b.x0 - a.x1 > 2.2 * a.size)
    return wide >= 2


def _nearest_row(rows: list[DisplayRow], index: int) -> DisplayRow | None:
    return rows[-1] if rows and index - rows[-1].last_band <= 1 else None
