"""Boxes: glyphs and the structures built from them, as the PDF math rebuilder sees them.

A box is a positioned piece of LaTeX. The rebuilder starts with one box per glyph and replaces
groups of boxes by bigger ones (a fraction, a radical, an accented letter, a big delimiter) until
only a row of boxes with scripts remains; a box keeps the box and baseline of what it stands for
so the next step can place it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.sources.pdf_glyphs import Extent, Glyph
from reader.sources.pdf_tokens import TokenKind, glyph_token


@dataclass(slots=True)
class Box(Extent):
    latex: str
    kind: TokenKind | str
    x0: float
    y0: float
    x1: float
    y1: float
    baseline: float
    size: float
    composite: bool = False
    """True for a structure (fraction, radical, …): never a script by its baseline alone."""


@dataclass(slots=True)
class Issues:
    """What the rebuild had to guess or drop; it lowers the equation's confidence."""

    notes: list[str] = field(default_factory=list)

    def add(self, note: str) -> None:
        self.notes.append(note)


def glyph_box(glyph: Glyph) -> Box:
    """The one-glyph box of a glyph."""
    token = glyph_token(glyph)
    y0, y1 = glyph.hanging_ink or (glyph.y0, glyph.y1)
    return Box(token.latex, token.kind, glyph.x0, y0, glyph.x1, y1, glyph.baseline, glyph.size)


def union(
    boxes: list[Box],
    latex: str,
    kind: str,
    *,
    baseline: float | None = None,
    size: float | None = None,
) -> Box:
    """A composite box covering ``boxes``."""
    return Box(
        latex,
        kind,
        min(b.x0 for b in boxes),
        min(b.y0 for b in boxes),
        max(b.x1 for b in boxes),
        max(b.y1 for b in boxes),
        baseline if baseline is not None else dominant_baseline(boxes),
        size if size is not None else max(b.size for b in boxes),
        composite=True,
    )


def dominant_baseline(boxes: list[Box]) -> float:
    """The baseline most of the largest glyphs sit on: the row's main line."""
    plain = [b for b in boxes if b.kind not in ("bigop", "delim", "piece", "radical")]
    pool = plain or boxes
    top = max(b.size for b in pool)
    main = [b for b in pool if b.size >= 0.85 * top]
    counts: dict[int, list[float]] = {}
    for b in main:
        counts.setdefault(round(b.baseline), []).append(b.baseline)
    best = max(counts.values(), key=len)
    return sum(best) / len(best)
