"""One display equation drawn in 2-D, where every drawn cell maps back to its symbol.

Hovering a cell finds the innermost drawn region (reader.render2d), then the glossary symbol whose
LaTeX span holds it; that symbol's every occurrence lights up and the screen's inspector explains
it. The matched part of the selected pattern is tinted, so "this is the KL term" is visible.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import get_character_cell_size
from textual import events
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.style import Style
from textual.widget import Widget

from reader.model import AnnotatedEquation, Equation
from reader.tui.drawing import Cell, Picture, cells_for, draw, symbol_at

NUMBER_GAP = 2
"""Columns kept free between the drawing and the equation number."""


class EquationView(Widget):
    """A display equation; the screen selects it, the mouse or keyboard focus its symbols."""

    COMPONENT_CLASSES = {"equation-view--symbol", "equation-view--pattern",
                         "equation-view--number"}

    @dataclass
    class SymbolHovered(Message):
        """The mouse moved onto a symbol (``index``) or off every symbol (None)."""

        view: EquationView
        index: int | None

    @dataclass
    class Clicked(Message):
        """The user clicked the equation, maybe on a symbol."""

        view: EquationView
        index: int | None

    selected: reactive[bool] = reactive(False)
    """The equation the inspector shows and j/k move from."""
    symbol: reactive[int | None] = reactive(None)
    """Index into the symbols of the one lit up (hovered, or chosen with h/l)."""
    pattern: reactive[int | None] = reactive(None)
    """Index into the patterns of the one whose matched part is tinted."""

    def __init__(self, equation: Equation, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.equation = equation
        """The equation as the source gave it; drawing needs nothing more."""
        self._hovered: int | None = None
        self.annotated: AnnotatedEquation | None = None
        """Patterns and symbols, once the annotate worker reaches this equation."""
        self._pictures: dict[int, Picture] = {}
        self._left = 0
        """Blank columns before the drawing (it is centred in the room available)."""
        self._available = 0
        """Columns the document gives this equation; the view is wider only if it must be."""

    @property
    def symbols(self) -> tuple[dict, ...]:
        """The glossary symbols of this equation (empty until annotated)."""
        return self.annotated.symbols if self.annotated else ()

    def annotate(self, annotated: AnnotatedEquation) -> None:
        """Take the annotation the worker produced and redraw with it."""
        self.annotated = annotated
        if self.selected and self.pattern is None and annotated.patterns:
            self.pattern = 0
        self.refresh()

    def watch_selected(self, selected: bool) -> None:
        self.set_class(selected, "-selected")
        self.pattern = 0 if selected and self.annotated and self.annotated.patterns else None
        if not selected:
            self.symbol = None

    def watch_symbol(self) -> None:
        self.refresh()

    def watch_pattern(self) -> None:
        self.refresh()

    def picture(self) -> Picture:
        """The drawing for the room the document gives, cached per width.

        reader.render2d falls back to one line when the 2-D form is too wide, and returns the
        narrower of the two when neither fits; this view then grows and its row scrolls.
        """
        room = self._available or self.content_size.width
        max_width = max(room - len(self._number()) - NUMBER_GAP, 10)
        if max_width not in self._pictures:
            self._pictures[max_width] = draw(self.equation.latex, max_width)
        return self._pictures[max_width]

    def _number(self) -> str:
        return f"({self.equation.number})" if self.equation.number else ""

    def _needed(self, picture: Picture) -> int:
        """Columns the drawing and its number take side by side."""
        number = self._number()
        return picture_width(picture) + (len(number) + NUMBER_GAP if number else 0)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        self._available = max(container.width, 1)  # Textual has taken the padding off
        return max(self._available, self._needed(self.picture()))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(len(self.picture().lines), 1)

    def render(self) -> Content:
        picture = self.picture()
        lines, drawn, number = picture.lines or ("",), picture_width(picture), self._number()
        room = self._available or self.content_size.width
        self._left = max(0, min((room - drawn) // 2, room - self._needed(picture)))
        styles = self._cell_styles(picture)
        rows = [self._row(row, line, styles) for row, line in enumerate(lines)]
        baseline = min(max(picture.baseline, 0), len(rows) - 1)
        if number:
            end = max(room, self._left + self._needed(picture))
            pad = end - self._left - drawn - len(number)
            number_style = self.get_visual_style("equation-view--number", partial=True)
            rows[baseline] = Content.assemble(rows[baseline], " " * pad, (number, number_style))
        return Content("\n").join(rows)

    def _cell_styles(self, picture: Picture) -> dict[Cell, str]:
        """Which cells to paint and with which component class; the symbol wins over pattern."""
        styles: dict[Cell, str] = {}
        if self.annotated and self.pattern is not None and self.pattern < len(
                self.annotated.patterns):
            span = self.annotated.patterns[self.pattern].span
            styles.update(dict.fromkeys(_filled(cells_for(picture, [span])),
                                        "equation-view--pattern"))
        if self.symbol is not None and self.symbol < len(self.symbols):
            spans = self.symbols[self.symbol].get("spans", ())
            styles.update(dict.fromkeys(cells_for(picture, spans), "equation-view--symbol"))
        return styles

    def _row(self, row: int, line: str, styles: dict[Cell, str]) -> Content:
        parts: list[str | tuple[str, Style]] = [" " * self._left]
        col = 0
        for char in line:
            size = get_character_cell_size(char)
            cell = (row, col if size else max(col - 1, 0))
            component = styles.get(cell)
            parts.append((char, self.get_visual_style(component, partial=True))
                         if component else char)
            col += size
        return Content.assemble(*parts)

    def symbol_under(self, x: int, y: int) -> int | None:
        """The symbol drawn at content offset (x, y), if any."""
        region = self.picture().region_at(y, x - self._left)
        return symbol_at(self.symbols, tuple(region.span)) if region is not None else None

    def offset_of(self, row: int, col: int) -> tuple[int, int]:
        """Where picture cell (row, col) is drawn, relative to the widget (padding included)."""
        return (self.styles.padding.left + self._left + col, self.styles.padding.top + row)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        offset = event.get_content_offset(self)
        self._hover(self.symbol_under(offset.x, offset.y) if offset else None)

    def on_leave(self, event: events.Leave) -> None:
        self._hover(None)

    def _hover(self, index: int | None) -> None:
        """Tell the screen only when the symbol under the mouse changes."""
        if index != self._hovered:
            self._hovered = index
            self.tooltip = self.short_explanation(index)
            self.post_message(self.SymbolHovered(self, index))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        self.post_message(self.Clicked(self, self.symbol_under(offset.x, offset.y)
                                       if offset else None))

    def short_explanation(self, index: int | None) -> str | None:
        """The tooltip: the symbol and what it means, in a few words."""
        if index is None or index >= len(self.symbols):
            return None
        symbol = self.symbols[index]
        name = symbol.get("name") or symbol.get("read_as") or "no glossary entry"
        return f"{symbol.get('text') or symbol.get('latex')}: {name}"


def _filled(cells: set[Cell]) -> set[Cell]:
    """The cells plus the gaps between them on each row, so a tint reads as one block."""
    rows: dict[int, list[int]] = {}
    for row, col in cells:
        rows.setdefault(row, []).append(col)
    return {(row, col) for row, cols in rows.items() for col in range(min(cols), max(cols) + 1)}


def picture_width(picture: Picture) -> int:
    """Cells the widest line of the drawing takes."""
    return max((sum(map(get_character_cell_size, line)) for line in picture.lines), default=0)
