"""One display row as an Equation: its rebuilt LaTeX, page, box and confidence.

The confidence starts at 1 and drops for every guess the rebuilder reports, for glyphs it could
not name and when the result does not parse; readers see it next to the equation, so a doubtful
rebuild is shown as doubtful rather than hidden.
"""

from __future__ import annotations

from reader.model import Equation
from reader.sources.pdf_displays import DisplayRow
from reader.sources.pdf_math import rebuild_math

LOW_CONFIDENCE = 0.6
"""Below this, the reader and the reports flag an equation as a doubtful rebuild."""


def row_equation(row: DisplayRow, equation_id: str, section: str | None,
                 before: str) -> Equation:
    parts = [rebuild_math(r.glyphs, r.rules) for r in [row, *row.continued]]
    latex = " \\\\ ".join(part.latex for part in parts)
    issues = tuple(issue for part in parts for issue in part.issues)
    confidence, error = _confidence(latex, issues)
    boxes = [r.bbox for r in [row, *row.continued]]
    bbox = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
            max(b[3] for b in boxes))
    return Equation(
        id=equation_id, latex=latex, display=True, number=row.number,
        section=section, page=row.page, context_before=before, error=error,
        bbox=tuple(round(v, 1) for v in bbox),  # type: ignore[arg-type]
        confidence=confidence,
    )


def _confidence(latex: str, issues: tuple[str, ...]) -> tuple[float, str | None]:
    from patterns.parser import parse_math
    from patterns.tree import unparsed_nodes

    score = 1.0 - 0.15 * len(issues) - 0.2 * latex.count("?")
    try:
        parsed = not unparsed_nodes(parse_math(latex))
    except Exception:  # noqa: BLE001 - a rebuild that breaks the parser is a rebuild to doubt
        parsed = False
    if not parsed:
        score -= 0.4
    score = round(max(0.05, min(1.0, score)), 2)
    if score >= LOW_CONFIDENCE:
        return score, None
    reasons = "; ".join(dict.fromkeys(issues)) or "the rebuilt LaTeX does not parse"
    return score, f"rebuilt from the PDF with low confidence ({score:.2f}): {reasons}"
