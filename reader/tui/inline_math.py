"""Prose as the reader shows it: inline ``$...$`` as Unicode, equation references resolved.

Paragraph text keeps inline math as ``$latex$`` (reader.sources.prose) and, where the source
keeps them, references as ``\\eqref{key}``/``\\ref{key}``. A reader wants ``ε_θ(x_t, t)``, not the
LaTeX, and wants "(3)" to take them to equation 3; this module cuts prose into those pieces with
no Textual import, so search and the prose widget agree on what the words are.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from patterns.parser import parse_math
from patterns.tree import unparsed_nodes
from patterns.unicode_text import to_text
from reader.sources.prose import REFERENCE

_PIECE = re.compile(r"\$([^$]+)\$|" + REFERENCE.pattern)


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of prose: plain words, inline math, or a reference to an equation."""

    kind: str
    """``text``, ``math`` or ``ref``."""
    text: str
    """What the reader sees."""
    target: str | None = None
    """For ``ref``: the id of the equation it points to (None when it names no equation)."""


@lru_cache(maxsize=4096)
def math_text(latex: str) -> str:
    """Inline math as readable Unicode; the LaTeX itself when it does not parse cleanly."""
    try:
        tree = parse_math(latex)
        return latex if unparsed_nodes(tree) else to_text(tree)
    except Exception:  # noqa: BLE001 - a reader must never crash on one odd formula
        return latex


def prose_pieces(text: str, labels: Mapping[str, str],
                 numbers: Mapping[str, str]) -> list[Piece]:
    """Cut prose into pieces; ``labels`` maps keys to equation ids, ``numbers`` ids to numbers."""
    pieces: list[Piece] = []
    position = 0
    for match in _PIECE.finditer(text):
        if match.start() > position:
            pieces.append(Piece("text", text[position:match.start()]))
        pieces.append(_piece(match, labels, numbers))
        position = match.end()
    if position < len(text):
        pieces.append(Piece("text", text[position:]))
    return pieces


def _piece(match: re.Match[str], labels: Mapping[str, str],
           numbers: Mapping[str, str]) -> Piece:
    if match.group(1) is not None:
        return Piece("math", math_text(match.group(1)))
    command, key = match.group(2), match.group(3)
    target = labels.get(key)
    number = numbers.get(target, key) if target else key
    return Piece("ref", f"({number})" if command == "eqref" else number, target)


def plain_prose(text: str, labels: Mapping[str, str], numbers: Mapping[str, str]) -> str:
    """The prose as one string of what the reader sees (used by search)."""
    return "".join(piece.text for piece in prose_pieces(text, labels, numbers))
