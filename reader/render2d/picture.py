"""The finished drawing of an equation: lines of text plus the regions that map cells to LaTeX.

A widget shows ``lines``, colours ``regions`` and, on hover, asks :meth:`Picture.region_at` what
is under the cursor; an explanation that knows a span asks :meth:`Picture.regions_for` which cells
to light up. Every character in ``lines`` takes exactly one terminal cell, so a column index into
a line is a cell column on screen.
"""

from __future__ import annotations

from dataclasses import dataclass

Span = tuple[int, int]
Cell = tuple[int, int, int]
"""(row, first column, column after the last) of a run of cells on one row."""

KINDS = frozenset({"symbol", "number", "operator", "function", "bracket", "bar", "text"})


@dataclass(frozen=True, slots=True)
class Region:
    """Cells of the picture drawn from one piece of the LaTeX."""

    span: Span
    """Offsets into the equation's LaTeX: the node for leaves, the command for drawn glyphs."""
    kind: str
    """symbol, number, operator, function (named operators), bracket, bar or text."""
    cells: tuple[Cell, ...]
    """The runs of cells this region covers, as (row, col_start, col_end_exclusive)."""

    def covers(self, row: int, col: int) -> bool:
        """Whether the cell at ``row``, ``col`` belongs to this region."""
        return any(r == row and start <= col < end for r, start, end in self.cells)


@dataclass(frozen=True, slots=True)
class Picture:
    """An equation drawn in character cells."""

    lines: tuple[str, ...]
    """All the same width; one character is one terminal cell."""
    baseline: int
    """The row of the math axis, for lining the picture up with text beside it."""
    regions: tuple[Region, ...]
    linear: bool = False
    """True when this is the one-line fallback rather than the 2-D layout."""

    @property
    def width(self) -> int:
        return len(self.lines[0]) if self.lines else 0

    @property
    def height(self) -> int:
        return len(self.lines)

    def region_at(self, row: int, col: int) -> Region | None:
        """The innermost region (smallest span) drawn at this cell; None for blank cells."""
        best: Region | None = None
        for region in self.regions:
            if region.covers(row, col) and (best is None or _length(region.span)
                                            < _length(best.span)):
                best = region
        return best

    def regions_for(self, span: Span) -> tuple[Region, ...]:
        """The regions drawn from LaTeX inside ``span``: what to light up for that part."""
        start, end = span
        return tuple(r for r in self.regions if start <= r.span[0] and r.span[1] <= end)

    def __str__(self) -> str:
        return "\n".join(self.lines)


def _length(span: Span) -> int:
    return span[1] - span[0]
