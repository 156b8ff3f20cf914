"""Every symbol of the selected equation with its meaning, one line each.

The overview to the symbol card's detail: scanning it answers "what are all these letters?".
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content
from textual.widgets import Static

GLYPH_WIDTH = 6
"""Columns for the symbol itself; longer ones (ε_θ(x_t, t)) push their meaning right."""


class SymbolTable(Static):
    """Glyph, meaning and warnings; the focused symbol is marked."""

    def show(self, symbols: tuple[dict, ...], focused: int | None) -> None:
        """List ``symbols`` (empty: say the glossary has not described any yet)."""
        if not symbols:
            self.update(Content("no symbols described yet").stylize("dim"))
            return
        self.update(Content("\n").join(self._row(s, i == focused)
                                       for i, s in enumerate(symbols)))

    @staticmethod
    def _row(symbol: dict, focused: bool) -> Content:
        glyph = symbol.get("text") or symbol.get("latex", "?")
        meaning = symbol.get("name") or symbol.get("meaning") or "—"
        warn = ("  ⚠", "$warning") if symbol.get("overloaded") else ""
        defined = ("  ✎", "$text-success") if symbol.get("definition") else ""
        marker = ("▶ ", "$text-accent") if focused else "  "
        padded = glyph + " " * max(GLYPH_WIDTH - cell_len(glyph), 0)
        return Content.assemble(marker, (padded, "bold"), " ", meaning, defined, warn)
