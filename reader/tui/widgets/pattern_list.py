"""The patterns recognised in the selected equation, in the paper's own symbols.

The chosen one (p cycles) is marked here and tinted in the drawing, and "d" runs its demo.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from reader.model import PatternHit


class PatternList(Static):
    """Name, family and plain-words explanation of each pattern."""

    def show(self, patterns: tuple[PatternHit, ...], chosen: int | None,
             annotated: bool = True) -> None:
        """List ``patterns``, marking ``chosen``; say so when annotation has not got here yet."""
        if not annotated:
            self.update(Content("annotating…").stylize("dim"))
            return
        if not patterns:
            self.update(Content("no known pattern in this equation").stylize("dim"))
            return
        self.update(Content("\n\n").join(self._entry(hit, i == chosen)
                                         for i, hit in enumerate(patterns)))

    @staticmethod
    def _entry(hit: PatternHit, chosen: bool) -> Content:
        """Name line, then the explanation unindented (wrapped lines would lose an indent)."""
        marker = ("▶ ", "$text-accent") if chosen else "  "
        title = Content.assemble(marker, (hit.name, "bold"), (f"  {hit.family}", "dim"))
        body = Content(hit.explanation)
        if chosen:
            body = Content.assemble(body, ("\nd: run the demo · p: next pattern", "dim"))
        return Content.assemble(title, "\n", body)
