"""Boxes: pictures under construction, and the ways of putting them together.

Layout works bottom-up: every node becomes a :class:`Box`, and a parent places its children's
boxes side by side on a shared baseline (:func:`hstack`), above one another (:func:`vstack`) or at
any offsets (:func:`place`). Regions move with their box, so the cell-to-LaTeX map is exact by
construction.

A box also knows its *core*: the rows that brackets around it must cover. Script rows and accent
marks lie outside the core, so ``p_θ(x_t)`` keeps one-row parentheses while a fraction inside
them makes them tall.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from reader.render2d.picture import Picture, Region, Span

Part = tuple["Box", int, int]
"""A box and where its top-left cell goes: (box, row, col)."""
Placed = tuple[int, int, tuple["Region | Placed", ...]]
"""Regions moved by (rows, cols): composition records the move and :func:`regions` applies it
once at the end, instead of copying every region at every level of the tree."""


@dataclass(frozen=True, slots=True)
class Box:
    """Lines of equal width with a baseline, regions and a core (see the module docstring)."""

    lines: tuple[str, ...]
    baseline: int
    marks: tuple[Region | Placed, ...] = ()
    """The regions, some still to be moved; read them with :meth:`regions`."""
    top: int = 0
    """First row of the core."""
    bottom: int = 0
    """Last row of the core."""

    @property
    def width(self) -> int:
        return len(self.lines[0])

    @property
    def height(self) -> int:
        return len(self.lines)

    def regions(self) -> tuple[Region, ...]:
        """The regions in this box's own coordinates."""
        out: list[Region] = []
        _flatten(self.marks, 0, 0, out)
        return tuple(out)

    def picture(self, *, linear: bool) -> Picture:
        return Picture(self.lines, self.baseline, self.regions(), linear)


EMPTY = Box(("",), 0)


def leaf(text: str, span: Span, kind: str) -> Box:
    """One row of text drawn from ``span``."""
    text = one_cell(text)
    if not text:
        return EMPTY
    return Box((text,), 0, (Region(span, kind, ((0, 0, len(text)),)),))


def glyph_block(rows: Sequence[str], span: Span, kind: str, baseline: int) -> Box:
    """A glyph drawn over several rows (a tall bracket, a big operator), as one region."""
    width = max(len(r) for r in rows)
    lines = tuple(r.ljust(width) for r in rows)
    cells = tuple((i, 0, width) for i, r in enumerate(rows) if r.strip())
    return Box(lines, baseline, (Region(span, kind, cells),) if cells else (), 0, len(rows) - 1)


def space(width: int) -> Box:
    """Blank cells between neighbours."""
    return Box((" " * width,), 0) if width > 0 else EMPTY


def hstack(*boxes: Box) -> Box:
    """Boxes side by side, baselines on one row (the commonest composition, so done directly)."""
    boxes = tuple(box for box in boxes if box.lines[0])
    if len(boxes) < 2:
        return boxes[0] if boxes else EMPTY
    above = max(box.baseline for box in boxes)
    below = max(box.height - 1 - box.baseline for box in boxes)
    lines = []
    for row in range(-above, below + 1):
        lines.append("".join(box.lines[row + box.baseline]
                             if 0 <= row + box.baseline < box.height else " " * box.width
                             for box in boxes))
    marks: list[Region | Placed] = []
    col = 0
    for box in boxes:
        if box.marks:
            marks.append((above - box.baseline, col, box.marks))
        col += box.width
    top = min(above - box.baseline + box.top for box in boxes)
    bottom = max(above - box.baseline + box.bottom for box in boxes)
    return Box(tuple(lines), above, tuple(marks), top, bottom)


def vstack(boxes: Sequence[Box], baseline: int, *, align: str = "center") -> Box:
    """Boxes one under another, centred (or left-aligned); all rows count as core."""
    width = max((b.width for b in boxes), default=0)
    parts: list[Part] = []
    row = 0
    for box in boxes:
        col = (width - box.width) // 2 if align == "center" else 0
        parts.append((box, row, col))
        row += box.height
    return place(parts, baseline, core=(0, row - 1))


def place(parts: Iterable[Part], baseline: int, core: tuple[int, int] | None = None) -> Box:
    """Boxes at given offsets; ``baseline`` and ``core`` are rows in the same coordinates.

    Without ``core`` the result's core spans its parts' cores.
    """
    parts = [p for p in parts if p[0].width]
    if not parts:
        return EMPTY
    first = min(row for _, row, _ in parts)
    last = max(row + box.height - 1 for box, row, _ in parts)
    width = max(col + box.width for box, _, col in parts)
    rows: list[list[tuple[int, str]]] = [[] for _ in range(last - first + 1)]
    marks: list[Region | Placed] = []
    for box, row, col in parts:
        offset = row - first
        for i, line in enumerate(box.lines):
            rows[offset + i].append((col, line))
        if box.marks:
            marks.append((offset, col, box.marks))
    if core is None:
        core = (min(row + box.top for box, row, _ in parts),
                max(row + box.bottom for box, row, _ in parts))
    lines = tuple(_compose(segments, width) for segments in rows)
    return Box(lines, baseline - first, tuple(marks), core[0] - first, core[1] - first)


def with_core(box: Box, top: int, bottom: int) -> Box:
    """The same box with another core."""
    return replace(box, top=top, bottom=bottom)


@lru_cache(maxsize=4096)
def one_cell(text: str) -> str:
    """``text`` with one terminal cell per character.

    Accents are composed where Unicode has the letter (``ā``), other zero-width marks dropped,
    control characters turned into spaces and double-width characters (CJK in ``\\text``)
    replaced by ``□``: the layout counts one cell per character.
    """
    out = []
    for ch in unicodedata.normalize("NFC", text):
        category = unicodedata.category(ch)
        if category in ("Mn", "Me", "Cf"):
            continue
        if category == "Cc":
            out.append(" ")
        elif unicodedata.east_asian_width(ch) in ("W", "F"):
            narrow = unicodedata.normalize("NFKC", ch)
            out.append(narrow if len(narrow) == 1 and ord(narrow) < 0x1100 else "□")
        else:
            out.append(ch)
    return "".join(out)


def _flatten(marks: tuple[Region | Placed, ...], rows: int, cols: int, out: list[Region]) -> None:
    for mark in marks:
        if isinstance(mark, Region):
            cells = tuple((r + rows, a + cols, b + cols) for r, a, b in mark.cells)
            out.append(Region(mark.span, mark.kind, cells) if rows or cols else mark)
        else:
            _flatten(mark[2], rows + mark[0], cols + mark[1], out)


def _compose(segments: list[tuple[int, str]], width: int) -> str:
    """One row from (column, text) pieces; overlapping pieces merge, ink winning over blank."""
    segments.sort(key=lambda s: s[0])
    out: list[str] = []
    cursor = 0
    for col, text in segments:
        if col < cursor:
            return _overlay(segments, width)
        out.append(" " * (col - cursor))
        out.append(text)
        cursor = col + len(text)
    out.append(" " * (width - cursor))
    return "".join(out)


def _overlay(segments: list[tuple[int, str]], width: int) -> str:
    cells = [" "] * width
    for col, text in segments:
        for i, ch in enumerate(text):
            if ch != " ":
                cells[col + i] = ch
    return "".join(cells)
