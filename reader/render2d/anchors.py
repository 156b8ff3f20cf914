"""Which LaTeX each drawn operator glyph came from.

A node's own glyphs (``=``, ``+``, brackets, the fraction bar) sit in the parts of its span that
its children do not cover (:func:`patterns.spans.own_spans`). Those parts carry noise a reader
should not see highlighted — ``&``, ``_{``, ``\\,``, the ``}{`` between two arguments — so each
is trimmed to the tokens that actually draw something, and empty ones are dropped.
"""

from __future__ import annotations

import re

from patterns.spans import own_spans
from patterns.tree import Node
from patterns.vocabulary import IGNORED
from reader.render2d.picture import Span

_TOKEN = re.compile(r"\\[A-Za-z]+\*?|\\.|\s+|.", re.S)
_DRAWN = frozenset({r"\left", r"\right", r"\big"})
_NOISE = (IGNORED - _DRAWN) | {"&", "_", "^", "\\\\", "{"}
_OPENING = frozenset({"(", "[", r"\{", r"\lbrace", "|", r"\|", r"\lVert", r"\lvert", r"\langle",
                      r"\lfloor", r"\lceil", r"\lbrack"})


def glyph_spans(node: Node, latex: str) -> list[Span]:
    """The trimmed pieces of ``node``'s own LaTeX, in source order."""
    out = []
    for piece in own_spans(node, latex):
        trimmed = trim(piece, latex)
        if trimmed is not None:
            out.append(trimmed)
    return out


def take(spans: list[Span], count: int, fallback: Span) -> list[Span]:
    """Exactly ``count`` spans: the last ``count`` found, padded with ``fallback``.

    A mismatch means the source spelled something the layout does not draw (a leading ``+``)
    or drew something the source does not spell; the fallback keeps such glyphs inside the node.
    """
    found = spans[max(len(spans) - count, 0) :] if count else []
    return found + [fallback] * (count - len(found))


def trim(span: Span, latex: str) -> Span | None:
    """``span`` without noise tokens at either end and without unbalanced braces."""
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(latex, span[0], span[1])]
    tokens = [(a, b, text) for a, b, text in tokens if not text.isspace()]
    while tokens and (tokens[0][2] in _NOISE or tokens[0][2] == "}"):
        tokens.pop(0)
    while tokens and (tokens[-1][2] in _NOISE or tokens[-1][2] == "}" and _unbalanced(tokens)):
        tokens.pop()
    if not tokens:
        return None
    return (tokens[0][0], tokens[-1][1])


def command(span: Span, latex: str) -> Span:
    """The first token of ``span``: ``\\sqrt`` of ``\\sqrt[``, ``\\frac`` of ``\\frac{``."""
    match = _TOKEN.match(latex, span[0], span[1])
    return (span[0], match.end()) if match else span


def split_opening(span: Span, latex: str) -> tuple[Span, Span] | None:
    """Split ``\\mathbb{E}\\left[`` into the head and its opening bracket (with its sizer)."""
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(latex, span[0], span[1])]
    for i in range(len(tokens) - 1, 0, -1):
        if tokens[i][2] in _OPENING:
            j = i - 1 if _sizer(tokens[i - 1][2]) else i
            if j == 0:
                return None
            head = trim((span[0], tokens[j][0]), latex)
            return (head, (tokens[j][0], span[1])) if head else None
    return None


def bracket_text(span: Span, latex: str) -> str | None:
    """The opening bracket a piece of LaTeX ends with (``(``, ``[``, ``\\{``), or None."""
    tokens = [m.group() for m in _TOKEN.finditer(latex, span[0], span[1])]
    last = tokens[-1] if tokens else ""
    return last if last in ("(", "[", r"\{") else None


def _sizer(text: str) -> bool:
    return text in (r"\left", r"\right") or text.lower().startswith(r"\big")


def _unbalanced(tokens: list[tuple[int, int, str]]) -> bool:
    depth = 0
    for _, _, text in tokens:
        depth += {"{": 1, "}": -1}.get(text, 0)
    return depth < 0
