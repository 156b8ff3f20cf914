"""Equations drawn in 2-D with characters, every glyph mapped back to the LaTeX it came from.

``render(tree, latex)`` gives a :class:`Picture`: lines of text, a baseline, and regions that say
which span of the LaTeX each cell was drawn from. Pure Python: no UI toolkit is imported here.
"""

from reader.render2d.picture import Picture, Region
from reader.render2d.renderer import render

__all__ = ["Picture", "Region", "render"]
