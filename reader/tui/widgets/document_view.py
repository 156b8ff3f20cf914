"""The paper in reading order: title, abstract, headings, prose and drawn equations.

It is drawn as soon as the source is read; equations gain their patterns and symbols later, as
the annotate worker reaches them, through :meth:`DocumentView.annotate`.
"""

from __future__ import annotations

from textual.containers import HorizontalScroll, VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from reader.model import AnnotatedEquation, Block, EquationBlock, Heading, Paragraph
from reader.tui.inline_math import prose_pieces
from reader.tui.reading import Reading
from reader.tui.widgets.equation_view import EquationView
from reader.tui.widgets.heading_block import HeadingBlock
from reader.tui.widgets.prose_block import ProseBlock


class DocumentView(VerticalScroll, can_focus=True):
    """Scrolls through the blocks; knows which widget shows which block and equation."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.blocks: list[Widget] = []
        """One widget per Reading.blocks entry, same order (search results index it)."""
        self.views: dict[str, EquationView] = {}
        """Equation id to its drawing."""

    async def show(self, reading: Reading) -> None:
        """Replace the content with this paper's blocks."""
        await self.remove_children()
        self.blocks = [self._block(reading, block) for block in reading.blocks]
        self.views = {w.equation.id: w for w in self.blocks if isinstance(w, EquationView)}
        front = [Static(reading.paper.title, id="paper-title", markup=False)]
        if _abstract_missing(reading):
            front.append(Static(reading.paper.abstract, id="paper-abstract", markup=False))
        await self.mount_all([*front, *map(_scrolling, self.blocks)])

    def _block(self, reading: Reading, block: Block) -> Widget:
        if isinstance(block, Heading):
            return HeadingBlock(block)
        if isinstance(block, Paragraph):
            pieces = prose_pieces(block.text, reading.paper.labels, reading.numbers)
            return ProseBlock(pieces)
        assert isinstance(block, EquationBlock)
        return EquationView(reading.equation(block.equation_id), id=f"view-{block.equation_id}")

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
        for widget in self.blocks:
            if isinstance(widget, ProseBlock):
                widget.highlight(needle)
        for index, widget in enumerate(self.blocks):
            widget.set_class(index in matches, "-match")
            widget.set_class(index == current, "-current-match")
        if current is not None:
            self.scroll_to_widget(self.blocks[current], animate=False, top=True)


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
