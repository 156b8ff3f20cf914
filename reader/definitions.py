"""The paper's own symbol definitions, read from its prose.

Papers say what their symbols mean in the sentences around the math: "where $\\beta_t$ is the
variance schedule", "Let $T$ be the number of steps", "the learning rate $\\eta$". This module
walks a paper's paragraphs and turns what the phrase rules find into :class:`Definition` records
in reading order. The parts live apart: the English rules in :mod:`reader.definition_phrases`,
what a formula defines in :mod:`reader.definition_formulas`, symbol keys in
:mod:`reader.definition_symbols`, meaning comparison in :mod:`reader.definition_meaning`, and
lookup at an equation in :mod:`reader.definition_index`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from reader.definition_formulas import FormulaSlot, analyse, render
from reader.definition_index import DefinitionIndex
from reader.definition_meaning import same_meaning
from reader.definition_phrases import Phrase, find_phrases
from reader.definition_places import explained_equation, place, section_label
from reader.definition_sentences import SLOT_RE, mask, sentences
from reader.definition_symbols import base_letter, symbol_key
from reader.model import Heading, Paper, Paragraph


@dataclass(frozen=True, slots=True)
class Definition:
    """One place where the paper says what a symbol means."""

    symbol: str
    """Canonical key: ``symbol_key(latex)``."""
    latex: str
    """The symbol as the prose writes it (macros expanded), e.g. ``\\beta_t``."""
    text: str
    """The defining phrase as plain text, e.g. "the variance schedule"."""
    sentence: str
    """The whole sentence, inline math as readable Unicode, for context."""
    where: str
    """Where a reader finds it: "section 3.2, sections/method.tex line 60" or "page 3"."""
    order: int
    """Index of the paragraph in ``paper.blocks``."""
    equation: str | None
    """The display equation this sentence explains (a "where ..." right after it), else None."""
    file: str | None
    line: int | None
    page: int | None


def extract_definitions(paper: Paper) -> tuple[Definition, ...]:
    """Every symbol definition the prose states, in reading order."""
    paragraphs = [b for b in paper.blocks if isinstance(b, Paragraph)]
    main_file = paragraphs[0].file if paragraphs else None
    section: str | None = None
    out: list[Definition] = []
    for order, block in enumerate(paper.blocks):
        if isinstance(block, Heading):
            section = section_label(block)
        elif isinstance(block, Paragraph) and "$" in block.text:
            where = place(section, block, main_file)
            out.extend(_paragraph_definitions(block, order, where,
                                              explained_equation(paper.blocks, order)))
    return tuple(out)


def _paragraph_definitions(paragraph: Paragraph, order: int, where: str,
                           equation: str | None) -> list[Definition]:
    """The paragraph's definitions; the first sentence may explain the equation just above."""
    masked, maths = mask(paragraph.text)
    out: list[Definition] = []
    for number, sentence, latex, text in _statements(masked, maths):
        key = symbol_key(latex)
        if any(d.symbol == key and same_meaning(d.text, text) for d in out):
            continue  # said twice in one paragraph: keep the first
        out.append(Definition(
            symbol=key, latex=latex, text=text, sentence=render(sentence, maths),
            where=where, order=order, equation=equation if number == 0 else None,
            file=paragraph.file, line=paragraph.line, page=paragraph.page))
    return out


def _statements(masked: str, maths: list[str]) -> Iterator[tuple[int, str, str, str]]:
    """(sentence number, masked sentence, symbol as written, meaning) for each phrase found."""
    slots = {i: analyse(m) for i, m in enumerate(maths)}
    infos = {i: s.info for i, s in slots.items()}
    for number, sentence in enumerate(sentences(masked)):
        if not _english(sentence):
            continue
        for phrase in find_phrases(sentence, infos):
            slot = slots[phrase.slot]
            wanted = slot.symbols if phrase.item < 0 else slot.symbols[phrase.item:phrase.item + 1]
            text = _meaning(phrase, slot, maths)
            for latex in wanted:
                yield number, sentence, latex, text


def _english(sentence: str) -> bool:
    """The phrase rules read English: skip prose in other scripts (a translated paper)."""
    letters = [c for c in SLOT_RE.sub(" ", sentence) if c.isalpha()]
    return bool(letters) and sum(c.isascii() for c in letters) >= 0.8 * len(letters)


def _meaning(phrase: Phrase, slot: FormulaSlot, maths: list[str]) -> str:
    """The phrase as plain text, or "= right-hand side" for a definition by formula."""
    if phrase.formula:
        return f"= {slot.rhs}"
    return render(phrase.text, maths)


__all__ = ["Definition", "DefinitionIndex", "base_letter", "extract_definitions",
           "same_meaning", "symbol_key"]
