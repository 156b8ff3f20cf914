"""Tree to picture: the entry point of the layout, in 2-D or as the one-line fallback.

Importing the node modules registers their drawings on :func:`reader.render2d.context.draw`.
"""

from __future__ import annotations

from patterns.tree import Node
from reader.render2d import arrays, inline, scripts, structures  # noqa: F401  (registrations)
from reader.render2d.context import Ctx, draw
from reader.render2d.picture import Picture


def layout(tree: Node, latex: str, *, linear: bool = False) -> Picture:
    """``tree`` drawn in cells; ``linear`` for the one-line form (rows of a display stay rows)."""
    return draw(tree, Ctx(latex, linear=linear)).picture(linear=linear)
