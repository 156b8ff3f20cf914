"""Pieces of the HTML export: math with a safe fallback, prose with inline math, notes.

Everything from the paper or from a note goes through ``html.escape`` here; the only markup that
is not escaped is the MathML this package prints itself. Notes are shown as escaped text with
their line breaks and their ``$..$`` math drawn: no Markdown renderer, no raw HTML from a note.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from html import escape
from typing import TYPE_CHECKING

from reader.export.mathml import Span, to_mathml
from reader.export.note_format import note_when

if TYPE_CHECKING:
    from reader.notes.model import Note

_INLINE = re.compile(r"\$([^$]+)\$")


def math_html(latex: str, *, display: bool, titles: Mapping[Span, str] | None = None) -> str:
    """The equation as MathML; if drawing it fails, its LaTeX as code with the reason, so one
    equation never stops the export."""
    try:
        return to_mathml(latex, display=display, titles=titles)
    except Exception as err:  # noqa: BLE001 - a printer bug must cost one equation, not the file
        code = f"<code>{escape(latex)}</code>"
        if not display:
            return code
        return (f'<pre class="math-fallback">{code}</pre><p class="error">This equation could '
                f"not be drawn as MathML ({escape(type(err).__name__)}: {escape(str(err))}).</p>")


def prose_html(text: str) -> str:
    """Prose with inline ``$..$`` math drawn and everything else escaped; line breaks kept."""
    out: list[str] = []
    position = 0
    for match in _INLINE.finditer(text):
        out.append(_text(text[position:match.start()]))
        out.append(math_html(match.group(1), display=False))
        position = match.end()
    out.append(_text(text[position:]))
    return "".join(out)


def _text(text: str) -> str:
    return escape(text).replace("\n", "<br>\n")


def note_html(note: Note) -> str:
    """A note: author, time, the symbol it is about, then its text."""
    meta = [f"<strong>{escape(note.author or 'anonymous')}</strong>",
            f'<time datetime="{escape(note.created)}">{escape(note_when(note))} UTC</time>']
    if note.anchor.symbol:
        meta.append("on " + math_html(note.anchor.symbol, display=False))
    return (f'<aside class="note"><p class="note-meta">{" · ".join(meta)}</p>'
            f'<div class="note-text">{prose_html(note.text.strip())}</div></aside>')


def orphan_html(note: Note) -> str:
    """A note whose equation was not found, with what it was written on."""
    anchor = note.anchor
    was = f"({escape(anchor.number)})" if anchor.number else escape(anchor.equation_id)
    if anchor.label:
        was += f" <code>{escape(anchor.label)}</code>"
    math = math_html(anchor.latex, display=True) if anchor.latex else ""
    return f'<div class="orphan"><p class="meta">Written on {was}:</p>{math}{note_html(note)}</div>'
