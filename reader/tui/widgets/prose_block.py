"""Paragraphs of the paper, with inline math as Unicode and references you can click.

One widget holds a whole run of paragraphs (up to the next heading or equation): a Textual
widget costs ~25 kB whatever it shows, and a book has over a thousand paragraphs, so one widget
each kept ~35 MB of a reader opening the largest corpus paper. Search lights up its matches
here, so the words the reader sees and the words "/" finds are the same (both come from
reader.tui.inline_math).
"""

from __future__ import annotations

import re

from textual.content import Content
from textual.widgets import Static

from reader.tui.inline_math import Piece

_STYLES = {"text": "", "math": "italic $text-accent"}
"""Component styles per piece kind; references get a link style with a click action."""

_GAP = ("\n\n", "")
"""Between two paragraphs of one block: the blank line a margin would give."""


class ProseBlock(Static):
    """A run of paragraphs, rebuilt whenever the search term changes."""

    def __init__(self, paragraphs: list[list[Piece]]) -> None:
        super().__init__(markup=False)
        self.paragraphs = paragraphs
        """Each paragraph's words, inline math and references, in order."""
        self._needle = ""

    def on_mount(self) -> None:
        self.update(self._content())

    def highlight(self, needle: str) -> None:
        """Mark every case-insensitive occurrence of ``needle`` ("" clears the marks)."""
        if needle != self._needle:
            self._needle = needle
            self.update(self._content())

    def line_of(self, paragraph: int) -> int:
        """The line, within this block as drawn now, where ``paragraph`` starts (for scrolling
        a search match into view when it is not the first paragraph of its run)."""
        width = max(self.content_size.width, 1)
        return sum(len(self._paragraph(p).wrap(width)) + 1 for p in self.paragraphs[:paragraph])

    def _content(self) -> Content:
        parts: list[tuple[str, str]] = []
        for index, paragraph in enumerate(self.paragraphs):
            if index:
                parts.append(_GAP)
            parts.extend(self._part(piece) for piece in paragraph)
        content = Content.assemble(*parts)
        if self._needle:
            pattern = re.compile(re.escape(self._needle), re.IGNORECASE)
            content = content.highlight_regex(pattern, style="reverse $warning")
        return content

    def _paragraph(self, paragraph: list[Piece]) -> Content:
        return Content.assemble(*(self._part(piece) for piece in paragraph))

    @staticmethod
    def _part(piece: Piece) -> tuple[str, str]:
        if piece.kind == "ref":
            if piece.target is None:
                return (piece.text, "dim")
            return (piece.text, f"underline $text-primary @click=screen.jump_to('{piece.target}')")
        return (piece.text, _STYLES[piece.kind])
