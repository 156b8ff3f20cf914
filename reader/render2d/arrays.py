"""Matrices, cases and multi-line displays: cells in aligned columns, rows aligned at their
relation.
"""

from __future__ import annotations

from collections.abc import Sequence

from patterns import tree as t
from patterns.parser import EMPTY as EMPTY_NODE
from reader.render2d.anchors import glyph_spans, trim
from reader.render2d.box import Box, hstack, leaf, place, space
from reader.render2d.context import Ctx, delimited, draw
from reader.render2d.picture import Span

_DELIMITERS = {
    "pmatrix": ("(", ")"), "psmallmatrix": ("(", ")"), "bmatrix": ("[", "]"),
    "bsmallmatrix": ("[", "]"), "Bmatrix": (r"\{", r"\}"), "vmatrix": ("|", "|"),
    "Vmatrix": (r"\|", r"\|"), "cases": (r"\{", ""), "cases*": (r"\{", ""),
    "dcases": (r"\{", ""), "numcases": (r"\{", ""), "rcases": ("", r"\}"),
}
_LINEAR_PAIRS = {r"\{": (r"\{", r"\}"), r"\}": (r"\{", r"\}"), "(": ("(", ")"),
                 "|": ("|", "|"), r"\|": (r"\|", r"\|")}
_LEFT_ALIGNED = frozenset({"cases", "cases*", "dcases", "numcases", "rcases", "array",
                           "subarray"})
_COLUMN_GAP = 2


@draw.register
def _(node: t.Matrix, ctx: Ctx) -> Box:
    return matrix(node, ctx)


def matrix(node: t.Matrix, ctx: Ctx, *, braced: bool = False) -> Box:
    """The matrix with its delimiters; ``braced`` when a ``\\left\\{`` outside it is the brace."""
    spans = glyph_spans(node, ctx.latex)
    ends = (spans[0], spans[-1]) if spans else (node.span, node.span)
    opening, closing = _DELIMITERS.get(node.kind, ("", ""))
    if ctx.linear:
        opening, closing = _LINEAR_PAIRS.get(opening or closing, ("[", "]"))
        return _linear_matrix(node, ctx, opening, closing, ends)
    braced = braced or bool({opening, closing} & {r"\{", r"\}"})
    grid = _grid([[draw(cell, ctx) for cell in row] for row in node.rows],
                 left=node.kind in _LEFT_ALIGNED, odd=braced)
    return delimited(grid, opening, closing, ends)


def _grid(rows: list[list[Box]], *, left: bool, odd: bool) -> Box:
    """Cells in columns, each row on a shared baseline; ``odd`` pads to an odd height so a brace
    has a middle row to point from."""
    columns = max((len(row) for row in rows), default=0)
    widths = [max((row[c].width for row in rows if c < len(row)), default=0)
              for c in range(columns)]
    starts = [sum(widths[:c]) + _COLUMN_GAP * c for c in range(columns)]
    heights = [_row_extent(row) for row in rows]
    total = sum(above + below + 1 for above, below in heights)
    gap_after = -1
    if odd and total % 2 == 0 and total > 1:
        gap_after = _middle_boundary(heights, total)
    parts = []
    top = 0
    for index, (row, (above, _)) in enumerate(zip(rows, heights, strict=True)):
        for c, cell in enumerate(row):
            col = starts[c] + (0 if left else (widths[c] - cell.width) // 2)
            parts.append((cell, top + above - cell.baseline, col))
        top += sum(heights[index]) + 1 + (index == gap_after)
    if not parts:
        return space(0)
    height = max(top, 1)
    baseline = heights[0][0] if len(rows) == 1 else height // 2
    return place(parts, baseline=baseline, core=(0, height - 1))


def _row_extent(row: Sequence[Box]) -> tuple[int, int]:
    """Rows above and below the baseline that the tallest cell of a row needs."""
    above = max((cell.baseline for cell in row), default=0)
    below = max((cell.height - 1 - cell.baseline for cell in row), default=0)
    return above, below


def _middle_boundary(heights: list[tuple[int, int]], total: int) -> int:
    """The row after which a blank row makes the height odd and symmetric (the last if none)."""
    seen = 0
    for index, (above, below) in enumerate(heights):
        seen += above + below + 1
        if seen * 2 == total:
            return index
    return len(heights) - 1


def _linear_matrix(node: t.Matrix, ctx: Ctx, opening: str, closing: str,
                   ends: tuple[Span, Span]) -> Box:
    """``[a, b; c, d]``: rows separated by ``;`` (the ``\\\\``), cells by ``,`` (the ``&``)."""
    parts: list[Box] = []
    previous: t.Node | None = None
    for r, row in enumerate(node.rows):
        for c, cell in enumerate(row):
            if r or c:
                sep = ";" if c == 0 else ","
                span = _between(previous, cell, node, ctx.latex)
                parts += [leaf(sep, span, "operator"), space(1)]
            parts.append(draw(cell, ctx))
            previous = cell
    inner = hstack(*parts)
    return delimited(inner, opening, closing, ends)


def _between(previous: t.Node | None, cell: t.Node, node: t.Node, latex: str) -> Span:
    """The source between two cells (their ``&`` or ``\\\\``), or the matrix's span."""
    if previous is None or EMPTY_NODE in (previous, cell) or previous.span[1] >= cell.span[0]:
        return node.span
    return trim((previous.span[1], cell.span[0]), latex) or node.span


@draw.register
def _(node: t.Rows, ctx: Ctx) -> Box:
    if ctx.linear and ctx.level:
        return _linear_rows(node, ctx)
    boxes = [draw(row, ctx) for row in node.rows]
    if ctx.level:
        return _stacked(boxes, [0] * len(boxes), centred=True)
    anchors = [_anchor(row, box, ctx) for row, box in zip(node.rows, boxes, strict=True)]
    target = max((a for a in anchors if a is not None), default=0)
    shifts = [0 if a is None else target - a for a in anchors]
    return _stacked(boxes, shifts, centred=False)


def _linear_rows(node: t.Rows, ctx: Ctx) -> Box:
    """Rows inside a script (``\\substack``) on one line, separated by ``;``."""
    parts = [draw(node.rows[0], ctx)]
    for previous, row in zip(node.rows, node.rows[1:], strict=False):
        parts += [leaf(";", _between(previous, row, node, ctx.latex), "operator"),
                  draw(row, ctx)]
    return hstack(*parts)


def _stacked(boxes: list[Box], shifts: list[int], *, centred: bool) -> Box:
    """Rows one under another; a blank row between them when any has scripts or stacks."""
    width = max(box.width + shift for box, shift in zip(boxes, shifts, strict=True))
    gap = 1 if any(box.height > 1 for box in boxes) and not centred else 0
    parts = []
    row = 0
    for box, shift in zip(boxes, shifts, strict=True):
        col = (width - box.width) // 2 if centred else shift
        parts.append((box, row, col))
        row += box.height + gap
    return place(parts, boxes[0].baseline, core=(0, row - gap - 1))


def _anchor(row: t.Node, box: Box, ctx: Ctx) -> int | None:
    """The column of the row's first top-level relation symbol, for lining rows up at it."""
    while isinstance(row, t.Seq) and row.items:
        row = row.items[0]
    if not isinstance(row, t.Relation):
        return None
    spans = glyph_spans(row, ctx.latex)
    if not spans:
        return None
    cols = [cell[1] for region in box.regions() if region.span == spans[0]
            and region.kind == "operator" for cell in region.cells]
    return min(cols) if cols else None
