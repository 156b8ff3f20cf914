"""The Paper model: what a source produces and every later stage reads.

Sources (LaTeX, PDF, arXiv) turn a file into a :class:`Paper`; the annotate pipeline turns each
:class:`Equation` into an :class:`AnnotatedEquation`. The model is plain frozen dataclasses with no
UI import, so the TUI, the exporters and the tests all share one vocabulary.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

SourceKind = Literal["latex", "pdf"]


@dataclass(frozen=True, slots=True)
class Equation:
    """One equation as the paper prints it: a display row or an inline formula."""

    id: str
    """Stable id within the paper, in reading order: ``eq-1``, ``eq-2``... (inline ones too)."""
    latex: str
    """The math after macro expansion, without ``\\label``/``\\tag``/``&``; spans index into it."""
    display: bool
    """True for display math (one row of an align counts as one equation), False for inline."""
    number: str | None = None
    """The number exactly as LaTeX prints it ("3", "2.1", "A.4", "*"), None when unnumbered."""
    label: str | None = None
    """The ``\\label`` key of this row, if any."""
    section: str | None = None
    """The section path as printed, e.g. "2 Background > 2.1 Diffusion"."""
    file: str | None = None
    """Source file relative to the paper folder (LaTeX) or None (PDF)."""
    line: int | None = None
    """1-based line in ``file`` where the equation starts."""
    page: int | None = None
    """1-based PDF page; None for LaTeX sources."""
    context_before: str = ""
    """The sentence(s) just before the equation, as plain text."""
    context_after: str = ""
    """The sentence(s) just after the equation, as plain text."""
    error: str | None = None
    """Why the source could not deliver this equation faithfully (e.g. a macro loop)."""
    source_latex: str | None = None
    """The row as written in the source, before macro expansion."""
    bbox: tuple[float, float, float, float] | None = None
    """PDF only: the equation's box on its page (x0, y0, x1, y1) in points."""
    confidence: float | None = None
    """PDF only: how sure the rebuild from glyphs is, 0..1."""


@dataclass(frozen=True, slots=True)
class Heading:
    """A section heading, in reading order."""

    level: int
    """-1 for \\part, 0 for \\chapter, 1 for \\section, 2 \\subsection, 3 \\subsubsection,
    4 \\paragraph."""
    number: str | None
    """The printed number ("2", "2.1", "A") or None for starred/unnumbered headings."""
    title: str
    """The heading text, as plain text."""


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A run of prose; inline math is kept as ``$...$`` with macros expanded."""

    text: str
    file: str | None = None
    line: int | None = None
    page: int | None = None


@dataclass(frozen=True, slots=True)
class EquationBlock:
    """The place in reading order where a display equation stands."""

    equation_id: str


Block = Heading | Paragraph | EquationBlock


@dataclass(frozen=True, slots=True)
class Paper:
    """A paper as a source read it: metadata, prose and equations in reading order."""

    title: str
    source: SourceKind
    path: str
    """What the user opened (file, folder, tarball); for arXiv, the cached download."""
    equations: tuple[Equation, ...]
    blocks: tuple[Block, ...] = ()
    abstract: str = ""
    arxiv_id: str | None = None
    labels: dict[str, str] = field(default_factory=dict)
    """Every ``\\label`` key to the id of its equation (for ``\\eqref`` jumps)."""
    warnings: tuple[str, ...] = ()
    """Things the reader should know about the source as a whole (one line each)."""

    def equation(self, equation_id: str) -> Equation:
        """The equation with this id; KeyError when there is none."""
        for eq in self.equations:
            if eq.id == equation_id:
                return eq
        raise KeyError(equation_id)


@dataclass(frozen=True, slots=True)
class PatternHit:
    """A catalogue pattern recognised inside an equation, in the paper's own terms."""

    id: str
    name: str
    family: str
    span: tuple[int, int]
    """Offsets into the equation's ``latex`` covering the matched sub-expression."""
    bindings: dict[str, str]
    """Role name to the paper's LaTeX for it (``{"prediction": "\\epsilon_\\theta(x_t, t)"}``)."""
    explanation: str
    """The pattern's plain-words summary with the bindings filled in (Unicode)."""
    demo: str
    """The demo that runs this pattern (``eqlens demo ID``)."""


@dataclass(frozen=True, slots=True)
class AnnotatedEquation:
    """An equation with what eqlens understood of it."""

    equation: Equation
    parsed: bool
    """True when the whole equation parsed with no unparsed node."""
    error: str | None
    """Why it did not parse fully (or the source's own error), one line; None when fine."""
    text: str
    """The equation as readable Unicode."""
    patterns: tuple[PatternHit, ...] = ()
    symbols: tuple[dict, ...] = ()
    """Filled by the glossary stage (one entry per distinct symbol); empty until it runs."""


@dataclass(frozen=True, slots=True)
class AnnotatedPaper:
    """A paper and the annotation of each of its equations, in the same order."""

    paper: Paper
    equations: tuple[AnnotatedEquation, ...]
