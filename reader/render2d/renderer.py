"""The one call the reader makes: draw an equation, falling back to one line when it must.

Drawing never raises: a construct the layout cannot handle shows as text where it stands, and
should the layout itself fail the equation shows as its linear Unicode text.
"""

from __future__ import annotations

from patterns.tree import Node
from patterns.unicode_text import to_text
from reader.render2d.box import one_cell
from reader.render2d.layout import layout
from reader.render2d.picture import Picture, Region


def render(tree: Node, latex: str, max_width: int | None = None) -> Picture:
    """``tree`` (parsed from ``latex``) drawn in 2-D; the linear form when that is too wide.

    When neither fits ``max_width`` the narrower comes back (the widget scrolls); the linear
    form is preferred on a tie because it is one line.
    """
    drawn = _attempt(tree, latex, linear=False)
    if drawn is not None and (max_width is None or drawn.width <= max_width):
        return drawn
    flat = _attempt(tree, latex, linear=True) or _plain(tree, latex)
    return drawn if drawn is not None and drawn.width < flat.width else flat


def _attempt(tree: Node, latex: str, *, linear: bool) -> Picture | None:
    try:
        return layout(tree, latex, linear=linear)
    except Exception:  # noqa: BLE001 - a reader must show every equation, drawn or not
        return None


def _plain(tree: Node, latex: str) -> Picture:
    """The last resort: the linear text (or the LaTeX itself) as one text region."""
    try:
        text = to_text(tree)
    except Exception:  # noqa: BLE001 - same reason as above
        text = latex[tree.span[0] : tree.span[1]]
    text = one_cell(" ".join(text.split()))
    regions = (Region(tree.span, "text", ((0, 0, len(text)),)),) if text else ()
    return Picture((text,), 0, regions, linear=True)
