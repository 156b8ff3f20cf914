"""Everything about the selected equation: its symbols, its patterns, where it is, its LaTeX.

The screen calls :meth:`Inspector.show` whenever the selection, the focused symbol or the chosen
pattern changes; the inspector holds no state of its own beyond what it last drew.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Button, Static

from reader.model import AnnotatedEquation, Equation
from reader.notes.model import Note
from reader.tui.widgets.notes_list import NotesList
from reader.tui.widgets.pattern_list import PatternList
from reader.tui.widgets.symbol_card import SymbolCard
from reader.tui.widgets.symbol_table import SymbolTable

WELCOME = ("No equation selected yet. Press j for the first one (k goes back), click one, "
           "or g to jump to a number or label. Hover a symbol to see what it means; ? for help.")
"""What the inspector says before anything is selected: how to start."""


class Inspector(VerticalScroll):
    """Symbol card, notes, pattern list, symbol table and LaTeX source of one equation."""

    def compose(self) -> ComposeResult:
        yield Static(WELCOME, id="inspector-title", markup=False)
        with Vertical(id="inspector-body"):
            yield Static("", id="inspector-error", markup=False)
            with Vertical(id="symbol-section"):
                yield Static("Symbol", classes="section-title")
                yield SymbolCard(id="symbol-card")
            with Vertical(id="notes-section"):
                yield Static("Notes  [dim](n adds, e or a click edits)[/]",
                             classes="section-title")
                yield NotesList(id="notes-list")
            yield Static("Patterns", classes="section-title")
            yield PatternList(id="pattern-list")
            yield Static("Symbols  [dim](hover, or h/l; enter pins)[/]", classes="section-title")
            yield SymbolTable(id="symbol-table")
            yield Static("LaTeX", classes="section-title")
            yield Static("", id="latex-source", markup=False)
            yield Button("Copy LaTeX (c)", id="copy-latex", compact=True)

    def show(self, equation: Equation, annotated: AnnotatedEquation | None, *,
             pattern: int | None, symbol: int | None, pinned: bool,
             numbers: dict[str, str], notes: Sequence[Note] = (),
             notes_read_only: bool = False) -> None:
        """Draw the inspector for this equation and focus state, with its notes if any."""
        self.query_one("#inspector-title", Static).update(_title(equation))
        self.query_one("#inspector-body").display = True
        error = (annotated.error if annotated else equation.error) or ""
        self.query_one("#inspector-error", Static).update(f"⚠ {error}" if error else "")
        self.query_one("#inspector-error").display = bool(error)
        symbols = annotated.symbols if annotated else ()
        focused = symbols[symbol] if symbol is not None and symbol < len(symbols) else None
        self.show_symbol(focused, numbers, pinned=pinned)
        self.query_one("#notes-section").display = bool(notes)
        self.query_one(NotesList).show(notes, read_only=notes_read_only)
        self.query_one(PatternList).show(annotated.patterns if annotated else (), pattern,
                                         annotated is not None)
        self.query_one(SymbolTable).show(symbols, symbol)
        self.query_one("#latex-source", Static).update(equation.latex)

    def show_symbol(self, symbol: dict | None, numbers: dict[str, str], *,
                    pinned: bool = False) -> None:
        """Explain one symbol at the top (also one of another equation, under the mouse)."""
        self.query_one("#symbol-section").display = symbol is not None
        if symbol is not None:
            self.query_one(SymbolCard).show(symbol, pinned=pinned, numbers=numbers)


def _title(equation: Equation) -> str:
    """"(3)  eq:nll  ·  2 Background  ·  sample.tex:37": which equation, and where it is."""
    parts = [f"({equation.number})" if equation.number else "unnumbered"]
    parts += [p for p in (equation.label, equation.section) if p]
    if equation.file:
        parts.append(f"{equation.file}:{equation.line}" if equation.line else equation.file)
    if equation.page:
        parts.append(f"page {equation.page}")
    return "  ·  ".join(parts)
