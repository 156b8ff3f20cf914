"""Glyphs TeX builds from several pieces, put back together.

``\\ne`` is a slash over ``=``, ``\\mapsto`` a bar glued to an arrow, ``\\|`` in some fonts two
bars, a tall ``\\left(`` a stack of top, repeated middle and bottom pieces, and an accent a glyph
set over its base. Each becomes one box before the layout is read.
"""

from __future__ import annotations

from collections.abc import Callable

from reader.sources.pdf_boxes import Box, Issues, union

_NEGATED = {"=": r"\ne", r"\in": r"\notin", r"\subset": r"\not\subset", r"\sim": r"\nsim",
            r"\le": r"\not\le", r"\ge": r"\not\ge", r"\equiv": r"\not\equiv"}
_STACKABLE = ("piece", "delim")


def merge_glyph_pairs(boxes: list[Box]) -> list[Box]:
    """Negation slashes, mapsto bars and side-by-side bars joined with their partner."""
    ordered = sorted(boxes, key=lambda b: (b.x0, b.y0))
    out: list[Box] = []
    i = 0
    while i < len(ordered):
        box = ordered[i]
        nxt = ordered[i + 1] if i + 1 < len(ordered) else None
        if box.kind == "negation" and nxt is not None and nxt.x0 < box.x1 + 1:
            out.append(union([box, nxt], _NEGATED.get(nxt.latex, r"\not" + " " + nxt.latex),
                             "ord", baseline=nxt.baseline, size=nxt.size))
            i += 2
            continue
        if box.kind == "mapsto" and nxt is not None and nxt.latex == r"\rightarrow":
            out.append(union([box, nxt], r"\mapsto", "ord", baseline=nxt.baseline,
                             size=nxt.size))
            i += 2
            continue
        if (box.latex == "|" and nxt is not None and nxt.latex == "|"
                and 0 <= nxt.x0 - box.x1 < 0.35 * box.size and abs(nxt.y0 - box.y0) < 1):
            merged = union([box, nxt], r"\|", "delim", baseline=box.baseline, size=box.size)
            merged.composite = box.composite
            out.append(merged)
            i += 2
            continue
        if _is_dot(box) and i + 2 < len(ordered) and all(
                _is_dot(d) and 0 <= d.x0 - p.x1 < 0.4 * box.size
                for p, d in zip(ordered[i:i + 2], ordered[i + 1:i + 3], strict=True)):
            out.append(union(ordered[i:i + 3], r"\dots", "ord", baseline=box.baseline,
                             size=box.size))
            i += 3
            continue
        out.append(box)
        i += 1
    return out


def _is_dot(box: Box) -> bool:
    return box.latex in (".", r"\cdot")


def merge_pieces(boxes: list[Box]) -> list[Box]:
    """Vertical stacks of delimiter pieces (the same column, touching) as one tall delimiter."""
    pieces = sorted((b for b in boxes if b.kind == "piece"), key=lambda b: (round(b.x0), b.y0))
    if not pieces:
        return boxes
    others = [b for b in boxes if b.kind != "piece"]
    stacks: list[list[Box]] = []
    for piece in pieces:
        last = stacks[-1][-1] if stacks else None
        if (last is not None and abs(last.x0 - piece.x0) < 1.0 and piece.y0 <= last.y1 + 1.5
                and piece.latex == last.latex):
            stacks[-1].append(piece)
        else:
            stacks.append([piece])
    merged = [union(stack, stack[0].latex, "delim") for stack in stacks]
    return others + merged


def merge_accents(boxes: list[Box], issues: Issues,
                  build: Callable[[list[Box]], str]) -> list[Box]:
    """Each accent glyph wrapped around the box (or boxes, for wide accents) it stands over."""
    accents = [b for b in boxes if b.kind == "accent"]
    if not accents:
        return boxes
    rest = [b for b in boxes if b.kind != "accent"]
    for accent in sorted(accents, key=lambda a: a.width, reverse=True):
        under = [b for b in rest if _overlap(accent, b) > 0.3 * min(accent.width, b.width)
                 and b.cy > accent.cy - 0.5]
        if not under:
            issues.add(f"an accent {accent.latex} over nothing")
            continue
        wide = accent.latex.startswith(r"\wide") or len(under) > 1 and accent.width > 6
        if wide:
            base_boxes = [b for b in under if accent.x0 - 1 <= b.cx <= accent.x1 + 1] or under
            body = build(base_boxes)
        else:
            base_boxes = [max(under, key=lambda b: (_overlap(accent, b), b.size))]
            body = base_boxes[0].latex
        wrapped = union(base_boxes, f"{accent.latex}{{{body}}}", "letter",
                        baseline=base_boxes[0].baseline, size=base_boxes[0].size)
        wrapped.composite = any(b.composite for b in base_boxes)
        used = {id(b) for b in base_boxes}
        rest = [b for b in rest if id(b) not in used] + [wrapped]
    return rest


def _overlap(a: Box, b: Box) -> float:
    return max(0.0, min(a.x1, b.x1) - max(a.x0, b.x0))
