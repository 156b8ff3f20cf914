"""Outline, document and inspector side by side, and the selection they share.

Which equation is selected, which of its symbols is lit and whether it is pinned are one piece
of state that all three panes show; keeping it here lets the mouse (hover, click), the outline
and the keys (j/k, h/l, enter, p) change it in one place.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal

from reader.model import AnnotatedEquation
from reader.tui.reading import Reading
from reader.tui.widgets.document_view import DocumentView
from reader.tui.widgets.equation_view import EquationView
from reader.tui.widgets.inspector import Inspector
from reader.tui.widgets.outline import Outline


class ReadingPanes(Horizontal):
    """The three panes of a reading screen (the inspector docks below on narrow terminals)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.reading: Reading | None = None
        """The paper being shown; None until it is read."""
        self.selected: str | None = None
        """Id of the equation the inspector shows."""
        self.pinned = False
        """A pinned symbol stays in the inspector while the mouse wanders."""

    def compose(self) -> ComposeResult:
        yield Outline(id="outline")
        yield DocumentView(id="document")
        yield Inspector(id="inspector")

    def on_mount(self) -> None:
        self.query_one(Outline).border_title = "Outline"
        self.query_one(Inspector).border_title = "Inspector"

    async def show(self, reading: Reading) -> None:
        """Draw a freshly read paper; nothing is selected until the reader picks (j, click)."""
        self.reading = reading
        await self.query_one(DocumentView).show(reading)
        self.query_one(Outline).show(reading)

    def annotate(self, annotated: AnnotatedEquation, *, filtering: bool) -> None:
        """Show one more annotation (the outline redraws as a whole when filtering)."""
        if self.reading is None:
            return
        equation_id = annotated.equation.id
        self.reading.annotations[equation_id] = annotated
        self.query_one(DocumentView).annotate(annotated)
        if not filtering:
            self.query_one(Outline).refresh_equation(self.reading, equation_id)
        if equation_id == self.selected:
            self.refresh_inspector()

    def select(self, equation_id: str | None) -> None:
        """Make ``equation_id`` the selected equation in every pane."""
        if equation_id is None or self.reading is None:
            return
        self.selected, self.pinned = equation_id, False
        self.query_one(DocumentView).select(equation_id)
        self.query_one(Outline).follow(equation_id)
        self.refresh_inspector()

    def selected_view(self) -> EquationView | None:
        """The drawing of the selected equation."""
        return self.query_one(DocumentView).views.get(self.selected or "")

    def refresh_inspector(self) -> None:
        """Redraw the inspector for the current selection and focus."""
        view = self.selected_view()
        if view is None or self.reading is None:
            return
        notebook = self.reading.notebook
        self.query_one(Inspector).show(view.equation, view.annotated, pattern=view.pattern,
                                       symbol=view.symbol, pinned=self.pinned,
                                       numbers=self.reading.numbers,
                                       notes=self.reading.notes_on(view.equation.id),
                                       notes_read_only=bool(notebook and notebook.read_only))

    def step_symbol(self, step: int) -> bool:
        """Light the next/previous symbol of the selection; False when it has none."""
        view = self.selected_view()
        if view is None or not view.symbols:
            return False
        current = view.symbol if view.symbol is not None else (-1 if step > 0 else 0)
        view.symbol = (current + step) % len(view.symbols)
        self.refresh_inspector()
        return True

    def toggle_pin(self) -> None:
        """Pin the lit symbol, or unpin it."""
        view = self.selected_view()
        if view is not None and view.symbol is not None:
            self.pinned = not self.pinned
            self.refresh_inspector()

    def unpin(self) -> bool:
        """Release a pinned symbol; False when none was pinned."""
        if not self.pinned:
            return False
        self.pinned = False
        self.refresh_inspector()
        return True

    def step_pattern(self) -> None:
        """Tint the next pattern of the selected equation."""
        view = self.selected_view()
        if view is not None and view.annotated and view.annotated.patterns:
            view.pattern = ((view.pattern or 0) + 1) % len(view.annotated.patterns)
            self.refresh_inspector()

    def on_equation_view_symbol_hovered(self, message: EquationView.SymbolHovered) -> None:
        view = message.view
        if view.selected and self.pinned:
            return
        view.symbol = message.index
        if view.selected or message.index is None:
            self.refresh_inspector()
        elif not self.pinned and self.reading is not None:
            self.query_one(Inspector).show_symbol(view.symbols[message.index],
                                                  self.reading.numbers)

    def on_equation_view_clicked(self, message: EquationView.Clicked) -> None:
        if message.view.equation.id != self.selected:
            self.select(message.view.equation.id)
        if message.index is not None:
            message.view.symbol, self.pinned = message.index, True
            self.refresh_inspector()

    def on_outline_picked(self, message: Outline.Picked) -> None:
        self.select(message.equation_id)
