"""Where a definition stands in the paper, told the way a reader looks it up.

A definition shows its place ("section 3.2, sections/method.tex line 60") so the reader can
check it, and a paragraph that continues a display equation ("where ...") belongs to that
equation rather than to whatever came before.
"""

from __future__ import annotations

import re

from reader.model import EquationBlock, Heading, Paragraph


def section_label(heading: Heading) -> str:
    """"section 3.2", "chapter 1", or the quoted title of an unnumbered heading."""
    if heading.number:
        return f"{'chapter' if heading.level <= 0 else 'section'} {heading.number}"
    return f"“{heading.title.strip()}”"


def place(section: str | None, paragraph: Paragraph, main_file: str | None) -> str:
    """"section 3.2, sections/method.tex line 60"; "line 214" in the main file; "page 3"."""
    if paragraph.line is not None:
        where = f"line {paragraph.line}"
        if paragraph.file and paragraph.file != main_file:
            where = f"{paragraph.file} {where}"
    elif paragraph.page is not None:
        return f"page {paragraph.page}"
    else:
        where = "position unknown"
    return f"{section}, {where}" if section else where


def explained_equation(blocks: tuple, order: int) -> str | None:
    """The display equation a paragraph continues ("where ...", "with ...", "Here ...")."""
    if order == 0 or not isinstance(blocks[order - 1], EquationBlock):
        return None
    text = blocks[order].text.lstrip()
    if re.match(r"(?:[a-z]|Here\b|Where\b)", text):
        return blocks[order - 1].equation_id
    return None
