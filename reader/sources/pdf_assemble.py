"""Walk a PDF's bands in reading order and build the Paper's blocks and equations.

Owns everything that depends on order, as ``document.py`` does for LaTeX: headings and the
section path, paragraphs (joined across lines, columns and pages, de-hyphenated), display rows
turned into equations with their context, title and abstract.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from reader import limits
from reader.model import Block, Equation, EquationBlock, Heading, Paragraph
from reader.sources.pdf_bands import Band, PageLayout
from reader.sources.pdf_displays import DisplayRow
from reader.sources.pdf_equation import row_equation
from reader.sources.pdf_prose import band_text
from reader.sources.prose import sentences_after, sentences_before

_HEADING_NUMBER = re.compile(r"^((?:[A-Z]|\d+)(?:\.\d+)*)\.?\s+(\S.*)$")
MARGIN_SHARE = 0.06
"""Top and bottom share of a page where running heads and page numbers live."""


@dataclass(slots=True)
class Assembly:
    body: float
    roman_is_math: bool
    blocks: list[Block] = field(default_factory=list)
    equations: list[Equation] = field(default_factory=list)
    path: list[tuple[int, str]] = field(default_factory=list)
    paragraph: list[str] = field(default_factory=list)
    paragraph_page: int = 1
    last_band: Band | None = None
    waiting_after: list[int] = field(default_factory=list)
    abstract: list[str] = field(default_factory=list)
    in_abstract: bool = False
    title: str = ""


def assemble(layouts: list[PageLayout], rows_by_page: list[list[DisplayRow]], body: float,
             roman_is_math: bool) -> Assembly:
    state = Assembly(body, roman_is_math)
    state.title = _title(layouts[0], body) if layouts else ""
    for layout, rows in zip(layouts, rows_by_page, strict=True):
        row_at = {row.band_index: row for row in rows}
        skipped = {i for row in rows for part in [row, *row.continued]
                   for i in [*part.extra_bands, part.band_index] if part is not row}
        skipped |= {i for row in rows for i in row.extra_bands}
        for index, band in enumerate(layout.bands):
            if index in row_at:
                _equation(state, row_at[index])
            elif index in skipped or _in_margin(band, layout) or _is_title(band, state.title):
                continue
            elif (heading := _heading(band, body)) is not None:
                _heading_block(state, heading)
            else:
                _prose(state, band, layout)
    _close_paragraph(state)
    return state


def _equation(state: Assembly, row: DisplayRow) -> None:
    _close_paragraph(state)
    if len(state.equations) >= limits.MAX_EQUATIONS:
        return
    section = " > ".join(title for _, title in state.path) or None
    before = ""
    for block in reversed(state.blocks):
        if isinstance(block, Paragraph):
            before = sentences_before(block.text)
            break
        if isinstance(block, Heading):
            break
    equation = row_equation(row, f"eq-{len(state.equations) + 1}", section, before)
    state.equations.append(equation)
    state.blocks.append(EquationBlock(equation.id))
    state.waiting_after.append(len(state.equations) - 1)
    state.last_band = None


def _heading_block(state: Assembly, heading: Heading) -> None:
    _close_paragraph(state)
    state.in_abstract = heading.title.lower().strip(" .:") == "abstract"
    if state.in_abstract:
        return
    state.path = [(lvl, t) for lvl, t in state.path if lvl < heading.level]
    shown = f"{heading.number} {heading.title}" if heading.number else heading.title
    state.path.append((heading.level, shown))
    state.blocks.append(heading)


def _prose(state: Assembly, band: Band, layout: PageLayout) -> None:
    text = band_text(band, state.roman_is_math, state.body)
    if not text:
        return
    if _starts_paragraph(state, band, layout):
        _close_paragraph(state)
    if text.lower().startswith("abstract") and not state.abstract and len(state.equations) == 0:
        state.in_abstract = True
        text = text[len("abstract"):].lstrip(" .:—-")
    if state.paragraph and state.paragraph[-1].endswith("-") and text[:1].islower():
        state.paragraph[-1] = state.paragraph[-1][:-1] + text
    else:
        state.paragraph.append(text)
    if len(state.paragraph) == 1:
        state.paragraph_page = layout.page.number
    state.last_band = band


def _starts_paragraph(state: Assembly, band: Band, layout: PageLayout) -> bool:
    last = state.last_band
    if last is None:
        return True
    left = layout.left_edge[band.column]
    right = layout.right_edge[band.column]
    indented = band.x0 - left > 0.6 * state.body
    short_before = last.x1 < layout.right_edge[last.column] - 2.5 * state.body
    gap = band.top - last.bottom if band.column == last.column else 0.0
    return indented or short_before or gap > 1.2 * state.body or band.x1 < right - 0.5 * (
        right - left) and band.x0 - left > 2 * state.body


def _close_paragraph(state: Assembly) -> None:
    if not state.paragraph:
        return
    text = " ".join(state.paragraph)
    state.paragraph = []
    if state.in_abstract and not state.abstract:
        state.abstract.append(text)
        state.in_abstract = False
    state.blocks.append(Paragraph(text, page=state.paragraph_page))
    for index in state.waiting_after:
        eq = state.equations[index]
        if not eq.context_after:
            state.equations[index] = replace(eq, context_after=sentences_after(text))
    state.waiting_after.clear()


def _heading(band: Band, body: float) -> Heading | None:
    letters = [g for g in band.glyphs if g.char.isalpha()]
    if not letters or len(band.glyphs) > 90 or band.text.endswith((".", ",")):
        return None
    bold = sum(1 for g in letters if g.font.bold and not g.font.is_math) / len(letters)
    size = max(g.size for g in letters)
    if bold < 0.7 and not (size > 1.15 * body and not any(g.font.is_math for g in letters)):
        return None
    text = _spaced(band)
    match = _HEADING_NUMBER.match(text)
    number, title = (match.group(1), match.group(2)) if match else (None, text)
    level = number.count(".") + 1 if number else (1 if size > 1.1 * body else 2)
    return Heading(level=level, number=number, title=title.strip())


def _spaced(band: Band) -> str:
    out = ""
    prev = None
    for glyph in band.glyphs:
        if prev is not None and glyph.x0 - prev.x1 > 0.15 * glyph.size:
            out += " "
        out += glyph.char
        prev = glyph
    return out.strip()


def _title(layout: PageLayout, body: float) -> str:
    top_half = [b for b in layout.bands if b.bottom < layout.page.height / 2 and b.glyphs]
    if not top_half:
        return ""
    biggest = max(max(g.size for g in b.glyphs) for b in top_half)
    if biggest < 1.25 * body:
        return ""
    parts = [_spaced(b) for b in top_half if max(g.size for g in b.glyphs) >= biggest - 0.5]
    return " ".join(parts)


def _is_title(band: Band, title: str) -> bool:
    return bool(title) and _spaced(band) in title and max(g.size for g in band.glyphs) > 12


def _in_margin(band: Band, layout: PageLayout) -> bool:
    height = layout.page.height
    return band.bottom < MARGIN_SHARE * height or band.top > (1 - MARGIN_SHARE) * height
