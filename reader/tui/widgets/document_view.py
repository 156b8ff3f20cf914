"""The paper in reading order: title, abstract, headings, prose and drawn equations.

It is drawn as soon as the source is read; equations gain their patterns and symbols later, as
the annotate worker reaches them, through :meth:`DocumentView.annotate`.
"""

from __future__ import annotations

from textual.containers import HorizontalScroll, VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from reader.model import AnnotatedEquation, Block, EquationBlock, Heading, Paragraph
from reader.tui.inline_math import Piece, prose_pieces
from reader.tui.reading import Reading
from reader.tui.widgets.equation_view import EquationView
from reader.tui.widgets.heading_block import HeadingBlock
from reader.tui.widgets.prose_block import ProseBlock


class DocumentView(VerticalScroll, can_focus=True):
    """Scrolls through the blocks; knows which widget shows which block and equation."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.blocks: list[Widget] = []
        """One widget per Reading.blocks entry, same order (search results index it); the
        paragraphs of a run share theirs."""
        self._paragraph_at: dict[int, int] = {}
        """Block index to its paragraph's position within its ProseBlock (0 for the rest)."""
        self.views: dict[str, EquationView] = {}
        """Equation id to its drawing."""

    async def show(self, reading: Reading) -> None:
        """Replace the content with this paper's blocks (a run of paragraphs is one widget)."""
        await self.remove_children()
        self.blocks, self._paragraph_at = [], {}
        for index, block in enumerate(reading.blocks):
            previous = self.blocks[-1] if self.blocks else None
            if isinstance(block, Paragraph) and isinstance(previous, ProseBlock):
                self._paragraph_at[index] = len(previous.paragraphs)
                previous.paragraphs.append(self._pieces(reading, block))
                self.blocks.append(previous)
            else:
                self._paragraph_at[index] = 0
                self.blocks.append(self._block(reading, block))
        self.views = {w.equation.id: w for w in self.blocks if isinstance(w, EquationView)}
        front = [Static(reading.paper.title, id="paper-title", markup=False)]
        if _abstract_missing(reading):
            front.append(Static(reading.paper.abstract, id="paper-abstract", markup=False))
        await self.mount_all([*front, *map(_scrolling, _unique(self.blocks))])

    def _block(self, reading: Reading, block: Block) -> Widget:
        if isinstance(block, Heading):
            return HeadingBlock(block)
        if isinstance(block, Paragraph):
            return ProseBlock([self._pieces(reading, block)])
        assert isinstance(block, EquationBlock)
        return EquationView(reading.equation(block.equation_id), id=f"view-{block.equation_id}")

    @staticmethod
    def _pieces(reading: Reading, block: Paragraph) -> list[Piece]:
        return prose_pieces(block.text, reading.paper.labels, reading.numbers)

    def annotate(self, annotated: AnnotatedEquation) -> None:
        """Give an equation's drawing its patterns and symbols (inline ones have none)."""
        view = self.views.get(annotated.equation.id)
        if view is not None:
            view.annotate(annotated)

    def select(self, equation_id: str | None) -> EquationView | None:
        """Mark one equation as selected, scroll it into view, and return its drawing."""
        for view in self.views.values():
            view.selected = view.equation.id == equation_id
        return self.reveal(equation_id)

    def reveal(self, equation_id: str | None) -> EquationView | None:
        """Scroll an equation to the middle of the view (after a jump, or a reflow)."""
        view = self.views.get(equation_id or "")
        if view is not None:
            self.scroll_to_widget(view, animate=False, center=True)
        return view

    def highlight(self, needle: str, matches: list[int], current: int | None) -> None:
        """Mark search matches in the prose and the current match's block; scroll to it."""
        widgets = _unique(self.blocks)
        for widget in widgets:
            if isinstance(widget, ProseBlock):
                widget.highlight(needle)
        matched = {id(self.blocks[i]) for i in matches}
        for widget in widgets:
            widget.set_class(id(widget) in matched, "-match")
            widget.set_class(current is not None and widget is self.blocks[current],
                             "-current-match")
        if current is not None:
            self._scroll_to_block(current)

    def _scroll_to_block(self, index: int) -> None:
        """The block's first line at the top, even inside a run of paragraphs."""
        widget = self.blocks[index]
        line = widget.line_of(self._paragraph_at[index]) if isinstance(widget, ProseBlock) else 0
        if line == 0:
            self.scroll_to_widget(widget, animate=False, top=True)
            return
        self.scroll_to(y=widget.virtual_region.y + line, animate=False)


def _unique(widgets: list[Widget]) -> list[Widget]:
    """Each widget once, in order (a run of paragraphs appears once per paragraph)."""
    return list({id(w): w for w in widgets}.values())


def _scrolling(widget: Widget) -> Widget:
    """Equations sit in a row that scrolls sideways when even the one-line form is too wide."""
    if isinstance(widget, EquationView):
        return HorizontalScroll(widget, classes="equation-row")
    return widget


def _abstract_missing(reading: Reading) -> bool:
    """True when the abstract is not already one of the paragraphs (LaTeX sources keep it)."""
    opening = reading.paper.abstract[:60]
    return bool(opening) and not any(
        isinstance(b, Paragraph) and opening in b.text for b in reading.paper.blocks)
