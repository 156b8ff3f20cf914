"""A prose band as text, with its inline math rebuilt as ``$...$``.

Inside a line of prose, math shows as runs of glyphs in math fonts (and in CM roman when the body
is set in another font), with their scripts; each run goes through the same rebuilder as display
equations, so the definitions extractor and the reader see ``$\\beta_{t}$`` as in a LaTeX source.
"""

from __future__ import annotations

from reader.sources.pdf_bands import Band
from reader.sources.pdf_glyphs import Glyph
from reader.sources.pdf_math import rebuild_math

WORD_GAP = 0.15
"""Ems of white space between two glyphs that make a space (TeX's interword space is ~0.33)."""


def is_math_glyph(glyph: Glyph, roman_is_math: bool) -> bool:
    return glyph.font.is_math or (roman_is_math and glyph.font.is_roman)


def band_text(band: Band, roman_is_math: bool, body: float) -> str:
    """The band's prose; inline math as ``$latex$``."""
    glyphs = band.glyphs
    runs = _math_runs(glyphs, roman_is_math, body)
    out: list[str] = []
    prev: Glyph | None = None
    index = 0
    while index < len(glyphs):
        glyph = glyphs[index]
        run = runs.get(index)
        if prev is not None and glyph.x0 - prev.x1 > WORD_GAP * glyph.size:
            out.append(" ")
        if run is not None:
            chosen = glyphs[index:run]
            x0, x1 = chosen[0].x0, max(g.x1 for g in chosen)
            rules = [r for r in band.rules if x0 - 1 <= (r.x0 + r.x1) / 2 <= x1 + 1]
            latex = rebuild_math(chosen, rules).latex
            out.append(f"${latex}$" if latex else "")
            prev = max(chosen, key=lambda g: g.x1)
            index = run
            continue
        out.append(glyph.char)
        prev = glyph
        index += 1
    return "".join(out).strip()


def _math_runs(glyphs: list[Glyph], roman_is_math: bool, body: float) -> dict[int, int]:
    """Start index to end index (exclusive) of each run of math glyphs."""
    runs: dict[int, int] = {}
    index = 0
    while index < len(glyphs):
        if not is_math_glyph(glyphs[index], roman_is_math):
            index += 1
            continue
        end = index + 1
        while end < len(glyphs) and _continues(glyphs[end - 1], glyphs[end], roman_is_math,
                                               body):
            end += 1
        runs[index] = end
        index = end
    return runs


def _continues(prev: Glyph, glyph: Glyph, roman_is_math: bool, body: float) -> bool:
    if glyph.x0 - prev.x1 > 0.9 * body:
        return False
    if is_math_glyph(glyph, roman_is_math):
        return True
    small = glyph.size < 0.85 * body
    return small and (glyph.char.isdigit() or glyph.char in "()") and glyph.x0 - prev.x1 < 1.0
