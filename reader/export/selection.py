"""Which display equations an export lists, and under which section headings.

Markdown and HTML both walk the paper in reading order with its headings, skip inline math, and
honour ``--only-notes`` / ``--only-patterns``; a heading is printed only when something below it
is, so a filtered export is not a wall of empty sections.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.model import AnnotatedEquation, AnnotatedPaper, EquationBlock, Heading

if TYPE_CHECKING:
    from reader.notes.model import Note


@dataclass(frozen=True, slots=True)
class Selection:
    """The export filters: keep equations with notes, with patterns, or both (all must hold)."""

    only_notes: bool = False
    only_patterns: bool = False

    def keeps(self, item: AnnotatedEquation, notes: Mapping[str, Sequence[Note]]) -> bool:
        if self.only_notes and not notes.get(item.equation.id):
            return False
        return not (self.only_patterns and not item.patterns)


def selected(annotated: AnnotatedPaper, notes: Mapping[str, Sequence[Note]],
             selection: Selection, *, inline: bool = True) -> AnnotatedPaper:
    """The same paper with only the equations the filters keep (for the JSON and text forms,
    which list equations without headings)."""
    kept = tuple(item for item in annotated.equations
                 if (inline or item.equation.display) and selection.keeps(item, notes))
    return AnnotatedPaper(annotated.paper, kept)


def outline(annotated: AnnotatedPaper, notes: Mapping[str, Sequence[Note]],
            selection: Selection) -> Iterator[Heading | AnnotatedEquation]:
    """Headings and kept display equations in reading order; a heading only when an equation
    follows before the next heading of its level or above."""
    items = {item.equation.id: item for item in annotated.equations}
    pending: list[Heading] = []
    for block in _blocks(annotated):
        if isinstance(block, Heading):
            pending = [h for h in pending if h.level < block.level] + [block]
            continue
        item = items.get(block.equation_id)
        if item is None or not item.equation.display or not selection.keeps(item, notes):
            continue
        yield from pending
        pending = []
        yield item


def _blocks(annotated: AnnotatedPaper) -> Iterator[Heading | EquationBlock]:
    """The paper's headings and equation places; a source without blocks (or one that lost
    some equations from them) falls back on each equation's ``section`` path."""
    placed = {b.equation_id for b in annotated.paper.blocks if isinstance(b, EquationBlock)}
    for block in annotated.paper.blocks:
        if isinstance(block, Heading | EquationBlock):
            yield block
    section: str | None = None
    for item in annotated.equations:
        eq = item.equation
        if eq.id in placed or not eq.display:
            continue
        if eq.section != section:
            section = eq.section
            yield Heading(level=1, number=None, title=section or "Other equations")
        yield EquationBlock(eq.id)


def heading_text(heading: Heading) -> str:
    """"2.1 Diffusion" or just the title of an unnumbered heading."""
    return f"{heading.number} {heading.title}" if heading.number else heading.title


def where_text(item: AnnotatedEquation) -> str:
    """``sections/method.tex:137`` or ``page 4``: where to find the equation in the source."""
    eq = item.equation
    if eq.file and eq.line:
        return f"{eq.file}:{eq.line}"
    if eq.page:
        return f"page {eq.page}"
    return ""
