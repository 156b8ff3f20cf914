"""Looking definitions up by symbol and equation, with the meaning in force at each equation.

A paper may reuse a letter, so definitions are kept in reading order: at an equation, the
meaning in force is the latest one stated before it, or the "where ..." clause right after it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from reader.definition_meaning import any_contrast
from reader.definition_symbols import base_letter
from reader.model import Equation, EquationBlock, Paper, Paragraph

if TYPE_CHECKING:
    from reader.definitions import Definition


class DefinitionIndex:
    """Definitions of one paper, looked up by symbol key and equation position."""

    def __init__(self, paper: Paper, definitions: Iterable[Definition]) -> None:
        self._by_key: dict[str, list[Definition]] = {}
        for definition in sorted(definitions, key=lambda d: d.order):
            self._by_key.setdefault(definition.symbol, []).append(definition)
        self._position, self._run_end = _equation_positions(paper)
        self._keys_by_letter: dict[str, list[str]] = {}
        for key in self._by_key:
            if (letter := base_letter(key)) is not None:
                self._keys_by_letter.setdefault(letter, []).append(key)

    def in_force(self, key: str, equation_id: str) -> Definition | None:
        """The meaning of ``key`` at that equation.

        A "where ..." sentence right after the equation (or after the run of display rows it
        belongs to) wins; otherwise the latest definition at or before the equation's place in
        reading order. Inline equations take the place of the paragraph that holds them; when
        that cannot be found, the meaning is given only if the paper never changes it.
        """
        defs = self._by_key.get(key)
        if not defs:
            return None
        run_end = self._run_end.get(equation_id)
        if run_end is not None:
            for definition in defs:
                if definition.equation == run_end:
                    return definition
        position = self._position.get(equation_id)
        if position is None:
            return None if self.overloaded(key) else defs[0]
        before = [d for d in defs if d.order <= position]
        return before[-1] if before else None

    def meanings(self, key: str) -> tuple[Definition, ...]:
        """Every definition of ``key``, in reading order."""
        return tuple(self._by_key.get(key, ()))

    def overloaded(self, key: str) -> bool:
        """The paper gives ``key`` two clearly different meanings."""
        return any_contrast([d.text for d in self._by_key.get(key, ())])

    def related(self, key: str) -> tuple[str, ...]:
        """Other defined keys on the same base letter (θ, θ_t, θ̂): distinct but related."""
        letter = base_letter(key)
        if letter is None:
            return ()
        return tuple(k for k in self._keys_by_letter.get(letter, ()) if k != key)

    def keys(self) -> tuple[str, ...]:
        """Every defined key, in order of first definition."""
        return tuple(self._by_key)


def _equation_positions(paper: Paper) -> tuple[dict[str, int], dict[str, str]]:
    """Block position of every equation, and the last row id of each display run."""
    position, run_end = _display_positions(paper)
    paragraphs = [(o, b) for o, b in enumerate(paper.blocks) if isinstance(b, Paragraph)]
    for equation in paper.equations:
        if equation.id not in position:
            found = _holding_paragraph(equation, paragraphs)
            if found is not None:
                position[equation.id] = found
    return position, run_end


def _display_positions(paper: Paper) -> tuple[dict[str, int], dict[str, str]]:
    """Block position of every display equation, and the last row id of the run it is in."""
    position: dict[str, int] = {}
    run_end: dict[str, str] = {}
    run: list[str] = []
    for order, block in enumerate((*paper.blocks, None)):
        if isinstance(block, EquationBlock):
            position[block.equation_id] = order
            run.append(block.equation_id)
            continue
        for equation_id in run:
            run_end[equation_id] = run[-1]
        run = []
    return position, run_end


def _holding_paragraph(equation: Equation,
                       paragraphs: list[tuple[int, Paragraph]]) -> int | None:
    """The paragraph an inline equation stands in: by file and line, else by its text."""
    if equation.file and equation.line:
        orders = [o for o, p in paragraphs if p.file == equation.file and p.line is not None
                  and p.line <= equation.line]
        if orders:
            return orders[-1]
    needle = f"${equation.latex}$"
    for order, paragraph in paragraphs:
        if needle in paragraph.text:
            return order
    return None
