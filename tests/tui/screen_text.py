"""Read what a widget shows, as plain text, so tests assert on the screen and not on internals."""

from __future__ import annotations

from textual.widget import Widget


def shown(widget: Widget) -> str:
    """The plain text a widget renders (Static content, an equation drawing, a label)."""
    rendered = widget.render()
    return getattr(rendered, "plain", None) or str(rendered)
