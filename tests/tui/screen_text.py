"""Read what a widget shows, as plain text, so tests assert on the screen and not on internals."""

from __future__ import annotations

import html
import re

from textual.app import App
from textual.widget import Widget


def shown(widget: Widget) -> str:
    """The plain text a widget renders (Static content, an equation drawing, a label)."""
    rendered = widget.render()
    return getattr(rendered, "plain", None) or str(rendered)


def screen_text(app: App) -> str:
    """Every row of the terminal as the user sees it now (from Textual's own screenshot)."""
    rows: dict[float, list[tuple[float, str]]] = {}
    for match in _SVG_TEXT.finditer(app.export_screenshot()):
        x, y, text = float(match.group(1)), float(match.group(2)), html.unescape(match.group(3))
        rows.setdefault(y, []).append((x, text))
    return "\n".join("".join(text for _, text in sorted(rows[y])).replace("\xa0", " ")
                     for y in sorted(rows))


_SVG_TEXT = re.compile(r'<text[^>]*x="([\d.]+)" y="([\d.]+)"[^>]*>(.*?)</text>')
