"""Rebuild LaTeX from the glyphs and rules of one equation row.

TeX leaves a formula as glyphs at positions; the tree it came from shows in the geometry: a
fraction is what sits above and below a thin bar, a radical is what its overline covers, a script
is a smaller glyph above or below its base's baseline, a big operator's limits are stacked over
and under it. :func:`rebuild_math` undoes those steps outermost first (the widest bar, the tallest
radical), recursing into each part, then reads what remains left to right with its scripts.
The result is ordinary LaTeX for the same parser, catalogue and glossary as the LaTeX route.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader import limits
from reader.sources.pdf_boxes import Box, Issues, dominant_baseline, glyph_box, union
from reader.sources.pdf_glyphs import Glyph, Rule
from reader.sources.pdf_math_line import linearise
from reader.sources.pdf_math_merge import merge_accents, merge_glyph_pairs, merge_pieces


@dataclass(frozen=True, slots=True)
class Rebuilt:
    latex: str
    issues: tuple[str, ...]


def rebuild_math(glyphs: list[Glyph], rules: list[Rule]) -> Rebuilt:
    """The LaTeX of a formula printed as ``glyphs`` and ``rules``, and what had to be guessed."""
    issues = Issues()
    boxes = [glyph_box(g) for g in glyphs if g.char.strip()]
    latex = build(boxes, list(rules), issues, 0) if boxes else ""
    return Rebuilt(latex, tuple(issues.notes))


def build(boxes: list[Box], rules: list[Rule], issues: Issues, depth: int) -> str:
    """LaTeX for a set of boxes and the rules among them."""
    if depth > limits.MAX_PDF_MATH_DEPTH:
        issues.add("nesting too deep")
        return " ".join(b.latex for b in sorted(boxes, key=lambda b: b.x0))
    boxes = merge_pieces(merge_glyph_pairs(boxes))
    boxes = _structures(boxes, rules, issues, depth)
    boxes = merge_accents(boxes, issues, lambda part: build(part, [], issues, depth + 1))
    return linearise(boxes, issues, lambda part: build(part, [], issues, depth + 1))


def _structures(boxes: list[Box], rules: list[Rule], issues: Issues, depth: int) -> list[Box]:
    """Replace each fraction, radical and over/underline by one box, widest rule first."""
    pending = sorted(rules, key=lambda r: r.width, reverse=True)
    while pending:
        rule = pending.pop(0)
        radical = _radical_of(rule, boxes)
        if radical is not None:
            boxes, pending = _make_radical(rule, radical, boxes, pending, issues, depth)
            continue
        above = [b for b in boxes if _within(b, rule) and b.cy < rule.y]
        below = [b for b in boxes if _within(b, rule) and b.cy > rule.y]
        above = _near(above, rule, upward=True)
        below = _near(below, rule, upward=False)
        if not above and not below:
            issues.add("a rule with nothing around it")
            continue
        inner_above = [r for r in pending if _rule_within(r, rule) and r.y < rule.y]
        inner_below = [r for r in pending if _rule_within(r, rule) and r.y > rule.y]
        pending = [r for r in pending if r not in inner_above and r not in inner_below]
        used = {id(b) for b in above + below}
        if above and below:
            num = build(above, inner_above, issues, depth + 1)
            den = build(below, inner_below, issues, depth + 1)
            size = max(b.size for b in above + below)
            box = union(above + below, rf"\frac{{{num}}}{{{den}}}", "ord",
                        baseline=rule.y + 0.25 * size, size=size)
        elif above:
            box = union(above, rf"\overline{{{build(above, inner_above, issues, depth + 1)}}}",
                        "ord")
        else:
            box = union(below, rf"\underline{{{build(below, inner_below, issues, depth + 1)}}}",
                        "ord")
        boxes = [b for b in boxes if id(b) not in used] + [box]
    return boxes


def _within(box: Box, rule: Rule) -> bool:
    return rule.x0 - 0.8 <= box.cx <= rule.x1 + 0.8


def _rule_within(inner: Rule, outer: Rule) -> bool:
    return outer.x0 - 0.8 <= (inner.x0 + inner.x1) / 2 <= outer.x1 + 0.8


def _near(boxes: list[Box], rule: Rule, *, upward: bool) -> list[Box]:
    """The boxes stacked against the rule, stopping at the first vertical gap of a line."""
    ordered = sorted(boxes, key=lambda b: -b.y1 if upward else b.y0)
    kept: list[Box] = []
    edge = rule.y
    for box in ordered:
        gap = (edge - box.y1) if upward else (box.y0 - edge)
        if gap > 0.6 * box.size + 1.0:
            break
        kept.append(box)
        edge = min(edge, box.y0) if upward else max(edge, box.y1)
    return kept


def _radical_of(rule: Rule, boxes: list[Box]) -> Box | None:
    """The radical sign whose overline this rule is (it starts where the sign ends, at its top)."""
    for box in boxes:
        if box.kind == "radical" and abs(box.x1 - rule.x0) < 2.5 and abs(box.y0 - rule.y) < 2.5:
            return box
    return None


def _make_radical(rule: Rule, sign: Box, boxes: list[Box], pending: list[Rule], issues: Issues,
                  depth: int) -> tuple[list[Box], list[Rule]]:
    inside = [b for b in boxes if b is not sign and _within(b, rule) and b.cy > rule.y
              and b.y0 < sign.y1 + 1]
    inner = [r for r in pending if _rule_within(r, rule) and rule.y < r.y < sign.y1 + 1]
    pending = [r for r in pending if r not in inner]
    if not inside:
        issues.add("an empty radical")
        body = ""
    else:
        body = build(inside, inner, issues, depth + 1)
    baseline = dominant_baseline(inside) if inside else sign.baseline
    box = union([sign, *inside], rf"\sqrt{{{body}}}", "ord", baseline=baseline,
                size=max(b.size for b in inside) if inside else sign.size)
    used = {id(b) for b in inside} | {id(sign)}
    return [b for b in boxes if id(b) not in used] + [box], pending
