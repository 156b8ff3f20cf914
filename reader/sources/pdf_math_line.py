"""Read a row of boxes left to right: words, big-operator limits, scripts, stacked lines.

After the structures are boxes, what is left is one line of math: base boxes on the main
baseline, smaller boxes raised (superscripts) or lowered (subscripts) after them, limits stacked
over and under a ∑, and upright letters that together spell an operator name. Two or more main
baselines mean stacked lines (``cases``, a matrix), read line by line.
"""

from __future__ import annotations

from collections.abc import Callable

from reader.sources.pdf_boxes import Box, Issues, dominant_baseline, union

OPERATOR_WORDS = frozenset(
    "log ln lg exp sin cos tan cot sec csc sinh cosh tanh coth arcsin arccos arctan det dim ker "
    "deg gcd hom arg Pr max min sup inf lim liminf limsup argmax argmin".split()
)
"""Upright words LaTeX has a command for (the rest become ``\\mathrm{word}``)."""

_NEVER_SCRIPT = ("bigop", "delim", "piece", "radical")


def linearise(boxes: list[Box], issues: Issues, build: Callable[[list[Box]], str]) -> str:
    """LaTeX for boxes that form one line (or several stacked lines) of math."""
    if not boxes:
        return ""
    lines = _stacked_lines(boxes)
    if len(lines) > 1:
        return _stacked(lines, issues, build)
    boxes = _limits(_operator_words(boxes), build)
    main = dominant_baseline(boxes)
    main_size = max(b.size for b in boxes if abs(b.baseline - main) < 0.5 or b.composite)
    tolerance = 0.18 * main_size
    bases: list[Box] = []
    scripts: dict[int, list[Box]] = {}
    for box in sorted(boxes, key=lambda b: (b.x0, b.baseline)):
        if _is_base(box, main, main_size, tolerance) or not bases:
            if not _is_base(box, main, main_size, tolerance):
                issues.add("a script with no base")
            bases.append(box)
        else:
            scripts.setdefault(len(bases) - 1, []).append(box)
    bases = _words(bases, scripts)
    parts = [_with_scripts(base, scripts.get(i, []), main, build)
             for i, base in enumerate(bases)]
    return _join(parts)


def _is_base(box: Box, main: float, main_size: float, tolerance: float) -> bool:
    if box.composite or box.kind in ("bigop", "piece", "radical"):
        return True
    if box.kind == "delim" and box.size >= 0.8 * main_size:
        return True
    return abs(box.baseline - main) <= tolerance and box.size >= 0.8 * main_size


def _with_scripts(base: Box, scripts: list[Box], main: float, build) -> str:
    if not scripts:
        return base.latex
    latex = base.latex
    primes = [s for s in scripts if s.kind == "prime"]
    rest = [s for s in scripts if s.kind != "prime"]
    latex += "'" * len(primes)
    sub = [s for s in rest if s.baseline > main]
    sup = [s for s in rest if s.baseline <= main]
    if sub:
        latex += "_{" + build(sub) + "}"
    if sup:
        latex += "^{" + build(sup) + "}"
    return latex


def _limits(boxes: list[Box], build) -> list[Box]:
    """Limits stacked over/under a big operator (or an operator word) folded into it."""
    top = max(b.size for b in boxes)
    for op in [b for b in boxes if not b.composite and b.size >= 0.9 * top
               and b.kind in ("bigop", "opword", "ord", "letter")]:
        if op not in boxes:
            continue
        below = _stack(op, boxes, below=True)
        above = _stack(op, boxes, below=False)
        if op.kind not in ("bigop", "opword"):
            below = below if _centred_under(op, below) else []
            above = above if _centred_under(op, above) else []
        if not below and not above:
            continue
        latex = op.latex
        if below:
            latex += "_{" + build(below) + "}"
        if above:
            latex += "^{" + build(above) + "}"
        used = {id(b) for b in below + above} | {id(op)}
        merged = union([op, *below, *above], latex, op.kind, baseline=op.baseline, size=op.size)
        merged.composite = True
        boxes = [b for b in boxes if id(b) not in used] + [merged]
    return boxes


_LIMIT_WORDS = {"max": r"\max", "min": r"\min", "sup": r"\sup", "inf": r"\inf",
                "lim": r"\lim", "argmax": r"\arg\max", "argmin": r"\arg\min",
                "liminf": r"\liminf", "limsup": r"\limsup"}


def _operator_words(boxes: list[Box]) -> list[Box]:
    """Upright runs spelling max, min, lim, arg min… as one box that can carry limits."""
    roman = sorted((b for b in boxes if b.kind in ("roman", "text")),
                   key=lambda b: (b.baseline, b.x0))
    runs: list[list[Box]] = []
    for box in roman:
        last = runs[-1][-1] if runs else None
        if (last is not None and abs(last.baseline - box.baseline) < 0.5
                and -0.2 * box.size <= box.x0 - last.x1 < 0.35 * box.size):
            runs[-1].append(box)
        else:
            runs.append([box])
    for run in runs:
        word = "".join(b.latex for b in run)
        if word in _LIMIT_WORDS:
            used = {id(b) for b in run}
            merged = union(run, _LIMIT_WORDS[word], "opword", baseline=run[0].baseline,
                           size=run[0].size)
            boxes = [b for b in boxes if id(b) not in used] + [merged]
    return boxes


def _centred_under(op: Box, row: list[Box]) -> bool:
    """Limits are centred on their operator; a script starts at its base's right edge."""
    if not row:
        return False
    x0, x1 = min(b.x0 for b in row), max(b.x1 for b in row)
    return x0 < op.cx - 0.5 and x1 > op.cx + 0.5 and x0 < op.x1 - 0.3 * op.width


def _stack(op: Box, boxes: list[Box], *, below: bool) -> list[Box]:
    """The smaller boxes right under (or over) ``op`` and overlapping it horizontally."""
    near = [b for b in boxes if b is not op and b.size < op.size * 1.01 and
            (b.y0 >= op.y1 - 0.25 * b.size if below else b.y1 <= op.y0 + 0.25 * b.size)
            and (b.y0 - op.y1 < 0.9 * op.size if below else op.y0 - b.y1 < 0.9 * op.size)]
    seeds = [b for b in near if b.x1 > op.x0 - 1 and b.x0 < op.x1 + 1]
    if not seeds:
        return []
    level = sum(b.baseline for b in seeds) / len(seeds)
    row = sorted((b for b in near if abs(b.baseline - level) < 0.6 * b.size
                  or (b.composite and abs(b.cy - seeds[0].cy) < b.size)), key=lambda b: b.x0)
    kept: list[Box] = [s for s in row if s in seeds]
    if not kept:
        return []  # the seeds share no line: two rows of limits far apart, a zero-size glyph
    left, right = min(b.x0 for b in kept), max(b.x1 for b in kept)
    grown = True
    while grown:
        grown = False
        for box in row:
            reach = 0.6 * box.size
            if box not in kept and left - reach < box.x1 and box.x0 < right + reach:
                kept.append(box)
                left, right = min(left, box.x0), max(right, box.x1)
                grown = True
    return kept


def _words(bases: list[Box], scripts: dict[int, list[Box]]) -> list[Box]:
    """Adjacent upright letters (and text-font words) merged into one word box."""
    out: list[Box] = []
    remap: dict[int, list[Box]] = {}
    for i, box in enumerate(bases):
        prev = out[-1] if out else None
        joinable = (prev is not None and _word_kind(prev) == box.kind
                    and box.kind in ("roman", "text") and (len(out) - 1) not in remap
                    and i - 1 not in scripts and box.x0 - prev.x1 < 0.12 * box.size)
        if joinable:
            gap = " " if box.x0 - prev.x1 > 0.2 * box.size and box.kind == "text" else ""
            out[-1] = union([prev, box], prev.latex + gap + box.latex, f"word-{box.kind}",
                            baseline=prev.baseline, size=prev.size)
        else:
            out.append(box)
        if i in scripts:
            remap[len(out) - 1] = scripts[i]
    scripts.clear()
    scripts.update(remap)
    return [_word_latex(b) for b in out]


def _word_kind(box: Box) -> str:
    return str(box.kind).removeprefix("word-")


def _word_latex(box: Box) -> Box:
    if _word_kind(box) not in ("roman", "text"):
        return box
    word = box.latex
    if word in OPERATOR_WORDS:
        box.latex = "\\" + word
    elif _word_kind(box) == "text" or " " in word:
        box.latex = rf"\text{{{word}}}"
    else:
        box.latex = rf"\mathrm{{{word}}}"
    return box


def _stacked_lines(boxes: list[Box]) -> list[list[Box]]:
    """Boxes grouped by main-size baselines more than a line apart (cases, matrices)."""
    plain = [b for b in boxes if b.kind not in _NEVER_SCRIPT and not b.composite]
    if len(plain) < 4:
        return [boxes]
    top = max(b.size for b in plain)
    levels = sorted({round(b.baseline, 1) for b in plain if b.size >= 0.85 * top})
    groups: list[list[float]] = []
    for level in levels:
        if groups and level - groups[-1][-1] < 1.05 * top:
            groups[-1].append(level)
        else:
            groups.append([level])
    if len(groups) < 2:
        return [boxes]
    centres = [sum(g) / len(g) for g in groups]
    lines: list[list[Box]] = [[] for _ in centres]
    for box in boxes:
        if box.kind in ("delim", "bigop") and box.y1 - box.y0 > 1.5 * top:
            continue
        nearest = min(range(len(centres)), key=lambda i: abs(centres[i] - box.baseline))
        lines[nearest].append(box)
    return [line for line in lines if line]


def _stacked(lines: list[list[Box]], issues: Issues, build) -> str:
    """Stacked lines as a ``cases``-like environment with columns split at wide gaps."""
    issues.add("stacked lines (cases or matrix) rebuilt by position")
    rows = []
    for line in lines:
        cells = _cells(sorted(line, key=lambda b: b.x0))
        rows.append(" & ".join(build(cell) for cell in cells))
    return r"\begin{cases} " + r" \\ ".join(rows) + r" \end{cases}"


def _cells(line: list[Box]) -> list[list[Box]]:
    cells: list[list[Box]] = [[line[0]]]
    for box in line[1:]:
        if box.x0 - cells[-1][-1].x1 > 1.5 * box.size:
            cells.append([box])
        else:
            cells[-1].append(box)
    return cells


def _join(parts: list[str]) -> str:
    """Parts with a space between, except inside numbers (``512``, ``0.5``)."""
    out = ""
    for part in parts:
        if out and not (_digitish(out[-1]) and _digitish(part[:1])):
            out += " "
        out += part
    return out


def _digitish(ch: str) -> bool:
    return ch.isdigit() or ch == "."
