"""From a math event to Equation drafts: rows, numbers, labels, expansion and errors.

Each row of an align-like environment becomes its own equation because that is how a reader
refers to it ("Eq. 4" is one row). Problems found in one row (a macro loop, an unbalanced brace)
are recorded on that row only, so one bad equation never hides the rest of the paper.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.sources.macros import MacroExpansionError, MacroTable, expand_math
from reader.sources.mathrows import (
    CELL_ENVS,
    INNER_ALIGN_ENVS,
    clean_row,
    math_start,
    split_rows,
    strip_env_argument,
)
from reader.sources.numbering import Counters
from reader.sources.scanner import MathEvent

NUMBERED_ENVS = frozenset(
    {"equation", "align", "gather", "multline", "eqnarray", "flalign", "alignat", "xalignat",
     "dmath"}
)
"""Unstarred environments that number their rows (``xxalignat`` and ``$$`` never do)."""


@dataclass(slots=True)
class Draft:
    """An equation before its id and context are known."""

    latex: str
    source_latex: str
    display: bool
    offset: int
    """Offset in the flattened text where the row starts (for file and line)."""
    number: str | None = None
    label: str | None = None
    error: str | None = None


class EquationBuilder:
    """Turns math events into drafts, using the paper's macros and counters."""

    def __init__(self, macros: MacroTable, counters: Counters) -> None:
        self.macros = macros
        self.counters = counters
        self.known_envs = frozenset(macros.environments) | CELL_ENVS | INNER_ALIGN_ENVS

    def build(self, event: MathEvent) -> list[Draft]:
        if not event.display:
            return self._inline(event)
        body, removed = strip_env_argument(event.body, event.env)
        rows = split_rows(body, event.env)
        numbered = event.env in NUMBERED_ENVS
        drafts: list[Draft] = []
        for index, row in enumerate(rows):
            offset = event.body_start + removed + row.offset
            draft = self._row(row.text, offset, numbered, is_last=index == len(rows) - 1)
            if draft is not None:
                drafts.append(draft)
        return drafts

    def _inline(self, event: MathEvent) -> list[Draft]:
        if not event.body.strip():
            return []
        clean = clean_row(event.body, self.known_envs)
        latex, error = self._expand(clean.latex, clean.error)
        lead = len(event.body) - len(event.body.lstrip())
        return [Draft(latex, event.body.strip(), False, event.body_start + lead, error=error)]

    def _row(self, text: str, offset: int, numbered: bool, is_last: bool) -> Draft | None:
        clean = clean_row(text, self.known_envs)
        if not clean.latex and clean.tag is None and clean.label is None:
            return None
        number = clean.tag
        if number is None and numbered and not clean.suppressed:
            number = self.counters.next_equation()
        latex, error = self._expand(clean.latex, clean.error)
        return Draft(latex, text.strip(), True, offset + math_start(text), number, clean.label,
                     error)

    def _expand(self, latex: str, error: str | None) -> tuple[str, str | None]:
        try:
            expanded = expand_math(latex, self.macros)
        except MacroExpansionError as exc:
            return latex, error or exc.message
        if expanded == latex:
            return latex, error
        again = clean_row(expanded, self.known_envs)
        return again.latex, error or again.error
