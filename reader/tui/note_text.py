"""How a note reads in the inspector: its byline, and its Markdown with the math made readable.

Notes are written in Markdown with ``$..$`` math, as in a paper. The inspector renders the
Markdown, but LaTeX inside it would read as noise (and its ``_`` and ``*`` as emphasis), so each
``$..$`` becomes the same Unicode the prose shows, escaped so Markdown leaves it alone. No
Textual import: the tests check these strings directly.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from reader.notes.model import Anchor, Note
from reader.tui.inline_math import math_text

_MATH = re.compile(r"(?<!\\)\$([^$\n]+)\$")
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]<>#+!|~])")


def note_markdown(text: str) -> str:
    """The note's Markdown with each ``$latex$`` replaced by escaped readable Unicode."""
    return _MATH.sub(lambda m: _MARKDOWN_PUNCTUATION.sub(r"\\\1", math_text(m.group(1))), text)


def byline(note: Note) -> str:
    """"ada · 21 Nov 14:03 · on ε (edited)": who, when (local time), about what."""
    parts = [note.author, local_time(note.created)]
    if note.anchor.symbol:
        parts.append(f"on {math_text(note.anchor.symbol)}")
    line = " · ".join(parts)
    return f"{line} (edited)" if note.updated else line


def about(anchor: Anchor) -> str:
    """"(21) eq:ddpm-loss", "ε in (21) eq:ddpm-loss": the equation (and symbol) of a note."""
    named = " ".join(p for p in (f"({anchor.number})" if anchor.number else "", anchor.label) if p)
    where = named or (first_line(f"${anchor.latex}$", 40) if anchor.latex else anchor.equation_id)
    return f"{math_text(anchor.symbol)} in {where}" if anchor.symbol else where


def local_time(stamp: str, today: date | None = None) -> str:
    """An ISO UTC stamp in local time, short: "14:03" today, "21 Nov 14:03" this year."""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    today = today or date.today()
    if moment.date() == today:
        return moment.strftime("%H:%M")
    if moment.year == today.year:
        return moment.strftime("%d %b %H:%M").lstrip("0")
    return moment.strftime("%Y-%m-%d")


def first_line(text: str, width: int = 50) -> str:
    """The note's opening words on one line (pickers and the palette list notes by them)."""
    line = " ".join(_MATH.sub(lambda m: math_text(m.group(1)), text).split())
    return line if len(line) <= width else line[: width - 1] + "…"
