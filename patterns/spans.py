"""Where a node's own glyphs sit in the LaTeX: the parts of its span that no child covers.

Operators such as ``=``, ``+``, ``\\odot`` or the bars of a norm are not nodes of their own: they
are the text between a node's children. The glossary (which explains ``∼`` and ``‖·‖``) and the
2-D layout (which draws them) both need their positions, and computing them one way here keeps
a hovered glyph and its explanation pointing at the same characters.
"""

from __future__ import annotations

from patterns.tree import Node, Span


def own_spans(node: Node, latex: str) -> tuple[Span, ...]:
    """The pieces of ``node.span`` outside every child's span, trimmed of blanks, in order."""
    start, end = node.span
    covered = sorted(child.span for child in node.children() if child.span[1] > child.span[0])
    pieces: list[Span] = []
    cursor = start
    for child_start, child_end in covered:
        if child_start > cursor:
            pieces.append((cursor, min(child_start, end)))
        cursor = max(cursor, child_end)
    if cursor < end:
        pieces.append((cursor, end))
    return tuple(trimmed for piece in pieces if (trimmed := _trim(piece, latex)) is not None)


def _trim(span: Span, latex: str) -> Span | None:
    """The span without leading/trailing blanks and thin-space commands; None when empty."""
    start, end = span
    text = latex[start:end]
    stripped_left = text.lstrip()
    start += len(text) - len(stripped_left)
    end = start + len(stripped_left.rstrip())
    return (start, end) if end > start else None


def span_text(latex: str, span: Span) -> str:
    """The LaTeX a span covers."""
    return latex[span[0] : span[1]]
