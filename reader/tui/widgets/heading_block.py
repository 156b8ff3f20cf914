"""A section heading in the document, styled by level so the paper's structure shows."""

from __future__ import annotations

from textual.widgets import Static

from reader.model import Heading


class HeadingBlock(Static):
    """"2.1 Diffusion" as a heading line; the level becomes a CSS class for eqlens.tcss."""

    def __init__(self, heading: Heading) -> None:
        text = f"{heading.number}  {heading.title}" if heading.number else heading.title
        super().__init__(text, markup=False, classes=f"level-{max(heading.level, 0)}")
        self.heading = heading
        """The heading as the source gave it."""
