"""A paragraph of the paper, with inline math as Unicode and references you can click.

Search lights up its matches here, so the words the reader sees and the words "/" finds are the
same (both come from reader.tui.inline_math).
"""

from __future__ import annotations

import re

from textual.content import Content
from textual.widgets import Static

from reader.tui.inline_math import Piece

_STYLES = {"text": "", "math": "italic $text-accent"}
"""Component styles per piece kind; references get a link style with a click action."""


class ProseBlock(Static):
    """One paragraph, rebuilt from its pieces whenever the search term changes."""

    def __init__(self, pieces: list[Piece]) -> None:
        super().__init__(markup=False)
        self.pieces = pieces
        """Words, inline math and references, in order."""
        self._needle = ""

    def on_mount(self) -> None:
        self.update(self._content())

    def highlight(self, needle: str) -> None:
        """Mark every case-insensitive occurrence of ``needle`` ("" clears the marks)."""
        if needle != self._needle:
            self._needle = needle
            self.update(self._content())

    def _content(self) -> Content:
        content = Content.assemble(*(self._part(piece) for piece in self.pieces))
        if self._needle:
            pattern = re.compile(re.escape(self._needle), re.IGNORECASE)
            content = content.highlight_regex(pattern, style="reverse $warning")
        return content

    @staticmethod
    def _part(piece: Piece) -> tuple[str, str]:
        if piece.kind == "ref":
            if piece.target is None:
                return (piece.text, "dim")
            return (piece.text, f"underline $text-primary @click=screen.jump_to('{piece.target}')")
        return (piece.text, _STYLES[piece.kind])
