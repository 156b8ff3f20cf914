"""Equations drawn for the terminal, and the link from a drawn cell back to a symbol.

``reader.render2d`` lays an equation out in 2-D and says which cells each tree node covers; this
module adds what the reader needs on top: a one-line fallback when a layout fails (a reader never
crashes on one odd equation), the symbol under a region, and the cells to light up for a symbol or
a pattern. No Textual import, so it is tested with plain asserts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from patterns.parser import parse_math
from patterns.unicode_text import to_text

Span = tuple[int, int]
Cell = tuple[int, int]


class Picture(Protocol):
    """What reader.render2d returns; the fallback below implements the same surface."""

    lines: tuple[str, ...]
    baseline: int
    regions: tuple[Any, ...]

    def region_at(self, row: int, col: int) -> Any | None: ...

    def regions_for(self, span: Span) -> tuple[Any, ...]: ...


@dataclass(frozen=True, slots=True)
class TextPicture:
    """The equation as one line of Unicode with no regions: hover does nothing, text still reads."""

    lines: tuple[str, ...]
    baseline: int = 0
    regions: tuple[Any, ...] = ()
    linear: bool = True

    def region_at(self, row: int, col: int) -> None:
        """No regions: nothing is under the mouse."""
        return None

    def regions_for(self, span: Span) -> tuple[Any, ...]:
        """No regions: nothing to highlight."""
        return ()


def draw(latex: str, max_width: int | None = None) -> Picture:
    """The equation laid out in 2-D, or as one line of text if the layout fails."""
    tree = parse_math(latex)
    try:
        from reader.render2d import render

        return render(tree, latex, max_width=max_width)
    except Exception:  # noqa: BLE001 - one bad layout must not take the reader down
        try:
            return TextPicture((to_text(tree),))
        except Exception:  # noqa: BLE001
            return TextPicture((latex,))


def _overlap(a: Span, b: Span) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def _contains(outer: Span, inner: Span) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def symbol_at(symbols: Sequence[dict], span: Span) -> int | None:
    """Index of the symbol a drawn region belongs to: the tightest symbol span around it.

    Hovering θ in ε_θ lands on the region of θ; if the glossary lists θ alone, that is the
    answer, otherwise the enclosing ε_θ is. A region around a symbol (a fraction) picks none.
    """
    best: tuple[int, int] | None = None
    for index, symbol in enumerate(symbols):
        for start, end in symbol.get("spans", ()):
            if _contains((start, end), span) and (best is None or end - start < best[0]):
                best = (end - start, index)
    return best[1] if best else None


def cells_for(picture: Picture, spans: Iterable[Sequence[int]]) -> set[Cell]:
    """Every (row, col) cell drawn for anything inside these LaTeX spans."""
    cells: set[Cell] = set()
    for start, end in spans:
        for region in picture.regions_for((start, end)):
            for row, col_start, col_end in region.cells:
                cells.update((row, col) for col in range(col_start, col_end))
    return cells
