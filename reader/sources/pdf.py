"""Read a PDF paper into a Paper: prose, headings and equations rebuilt from glyphs.

The PDF route gives the same Paper as the LaTeX route wherever the file allows: display
equations found by layout and rebuilt into LaTeX (pdf_math), prose with inline math, headings,
title and abstract. What it cannot do faithfully it says: each equation carries a confidence,
scrambled math fonts and arXiv PDFs (whose source would be exact) are paper warnings.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import replace
from pathlib import Path

from reader.model import Equation, Paper
from reader.sources.pdf_assemble import assemble
from reader.sources.pdf_bands import PageLayout, body_size, layout_page
from reader.sources.pdf_displays import find_display_rows
from reader.sources.pdf_equation import LOW_CONFIDENCE
from reader.sources.pdf_glyphs import read_page


def load_pdf(path: str | os.PathLike[str]) -> Paper:
    """The paper in a PDF file; SourceError (one sentence) when the file cannot be used."""
    from reader.sources.pdf_open import open_pdf, quiet_mupdf

    given = Path(path)
    warnings: list[str] = []
    doc = open_pdf(given, warnings)
    try:
        with quiet_mupdf():
            layouts = _read_pages(doc, warnings)
        scrambled = _scrambled_warning(doc)
        warnings += [scrambled] if scrambled else []
        warnings += _stamp_warning(doc, given)
    finally:
        doc.close()
    paper = paper_from_layouts(layouts, str(path), given.stem, warnings)
    if scrambled:
        paper = replace(paper, equations=tuple(_doubtful(eq) for eq in paper.equations))
    return paper


def _read_pages(doc, warnings: list[str]) -> list[PageLayout]:
    """Every page laid out; a page MuPDF cannot read is skipped and named, not fatal."""
    from reader.sources.pdf_open import mupdf_errors

    layouts: list[PageLayout] = []
    unreadable: list[int] = []
    for number in range(1, doc.page_count + 1):
        try:
            layouts.append(layout_page(read_page(doc[number - 1], number)))
        except mupdf_errors():
            unreadable.append(number)
    if unreadable:
        shown = ", ".join(str(n) for n in unreadable[:10])
        warnings.append(f"Pages that could not be read were skipped: {shown}.")
    return layouts


def _doubtful(equation: Equation) -> Equation:
    """With scrambled font maps every rebuilt symbol may be wrong: say so on each equation."""
    return replace(equation, confidence=min(equation.confidence or 0.1, 0.1),
                   error="the PDF's math fonts have broken character maps; this rebuild is "
                   "unreliable (use the LaTeX source)")


def paper_from_layouts(layouts: list[PageLayout], shown: str, fallback_title: str,
                       warnings: list[str]) -> Paper:
    """Assemble laid-out pages into a Paper (split from loading so tests can feed pages)."""
    body = body_size(layouts)
    roman_is_math = not _body_is_cm_roman(layouts)
    rows = [find_display_rows(layout, roman_is_math) for layout in layouts]
    state = assemble(layouts, rows, body, roman_is_math)
    equations = tuple(state.equations)
    low = sum(1 for eq in equations if (eq.confidence or 0) < LOW_CONFIDENCE)
    notes = [f"Equations were rebuilt from the PDF's glyphs ({len(equations)} found, {low} with "
             "low confidence); a LaTeX source gives exact equations."]
    return Paper(
        title=state.title or fallback_title,
        source="pdf",
        path=shown,
        equations=equations,
        blocks=tuple(state.blocks),
        abstract=" ".join(state.abstract),
        warnings=tuple(warnings + notes),
    )


def _body_is_cm_roman(layouts: list[PageLayout]) -> bool:
    """Papers in Computer Modern set their prose in CMR: then CMR is not evidence of math."""
    kinds: Counter[str] = Counter()
    for layout in layouts[:8]:
        for glyph in layout.page.glyphs:
            if glyph.char.isalpha():
                kinds[glyph.font.kind] += 1
    return bool(kinds) and kinds.most_common(1)[0][0] == "math-roman"


def _scrambled_warning(doc) -> str | None:
    from reader.sources.pdf_scrambled import check_scrambled_math_fonts

    return check_scrambled_math_fonts(doc)


def _stamp_warning(doc, path: Path) -> list[str]:
    """Point to the exact source, unless this PDF is the fallback eqlens itself downloaded
    because arXiv has no source for it."""
    stamp = arxiv_stamp(doc)
    if stamp is None or _in_download_cache(path):
        return []
    return [f"This PDF is arXiv {stamp.versioned}: its LaTeX source gives exact equations; "
            f"run: eqlens open {stamp.id}"]


def _in_download_cache(path: Path) -> bool:
    from reader.sources.arxiv_cache import cache_root

    try:
        return path.resolve().is_relative_to(cache_root().resolve())
    except (OSError, ValueError):
        return False


def arxiv_stamp(doc):
    """The arXiv id printed up the margin of page 1 (arXiv stamps every PDF it serves)."""
    from reader.sources.arxiv_id import find_arxiv_stamp

    if doc.page_count == 0:
        return None
    return find_arxiv_stamp(doc[0].get_text())
