"""What the reader knows about the open paper, apart from how it is shown.

The screen, the outline, the palette and the search all ask the same questions (which display
equation comes next, which one is "(3)" or "eq:nll", which ones contain a KL term, where does a
word occur); answering them here, with no Textual import, keeps the widgets thin and lets plain
unit tests pin the answers down.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from reader.model import (
    AnnotatedEquation,
    Block,
    Equation,
    EquationBlock,
    Heading,
    Paper,
    Paragraph,
    PatternHit,
)
from reader.notes.anchoring import Attachment, anchor_for, attach
from reader.notes.model import Anchor, Note
from reader.notes.notebook import NoteBook
from reader.tui.inline_math import plain_prose


@dataclass(frozen=True, slots=True)
class PatternKey:
    """One entry of the pattern filter: a pattern id or a whole family, with how often it occurs."""

    key: str
    """``pattern:<id>`` or ``family:<name>``, the value the filter stores."""
    title: str
    """What the user picks from, e.g. "KL divergence" or "family: losses"."""
    count: int
    """How many display equations contain it."""


@dataclass
class Reading:
    """The open paper and the annotations received so far (they arrive one at a time)."""

    paper: Paper
    annotations: dict[str, AnnotatedEquation] = field(default_factory=dict)
    notebook: NoteBook | None = None
    """The paper's reading-group notes; None until the sidecar has been read."""
    notes: Attachment = field(default_factory=Attachment)
    """The notebook's notes on this paper's equations, and the orphans that fit none."""

    def attach_notes(self, notebook: NoteBook) -> None:
        """Take the notebook (again, after a change) and find each note's equation."""
        self.notebook = notebook
        self.notes = attach(notebook.notes, self.paper)

    def notes_on(self, equation_id: str | None) -> list[Note]:
        """The notes on one equation, oldest first (none for None)."""
        return self.notes.by_equation.get(equation_id or "", [])

    def note_place(self, note: Note) -> Anchor:
        """Where ``note`` sits in this version (its current number and label), for titles."""
        for equation_id, notes in self.notes.by_equation.items():
            if note in notes:
                return anchor_for(self.equation(equation_id), note.anchor.symbol)
        return note.anchor

    @cached_property
    def blocks(self) -> tuple[Block, ...]:
        """What the document shows, in order; a source without prose still lists its equations."""
        if self.paper.blocks:
            return self.paper.blocks
        return tuple(EquationBlock(e.id) for e in self.paper.equations if e.display)

    @cached_property
    def display_ids(self) -> tuple[str, ...]:
        """Display equations in reading order: what j/k and the outline walk through."""
        return tuple(b.equation_id for b in self.blocks if isinstance(b, EquationBlock))

    @cached_property
    def _by_id(self) -> dict[str, Equation]:
        return {e.id: e for e in self.paper.equations}

    def equation(self, equation_id: str) -> Equation:
        """The equation with this id (KeyError when unknown)."""
        return self._by_id[equation_id]

    def neighbour(self, current: str | None, step: int, key: str | None = None) -> str | None:
        """The display equation ``step`` places from ``current`` among those passing the filter.

        From an equation the filter hides, the walk starts at the nearest one in reading order.
        """
        ids = [i for i in self.display_ids if i == current or self.has_pattern(i, key)]
        if current not in ids:
            return (ids[0] if step > 0 else ids[-1]) if ids else None
        position = ids.index(current) + step
        if not self.has_pattern(current, key):  # hidden: step from the gap it leaves
            ids.remove(current)
            position -= 1 if step > 0 else 0
        return ids[min(max(position, 0), len(ids) - 1)] if ids else None

    def find(self, query: str) -> str | None:
        """The equation a user means by "3", "(3)", "eq:nll", "nll" or "eq-12"; None if none."""
        wanted = query.strip().strip("()").strip()
        if not wanted:
            return None
        for exact in (self._by_number, self.paper.labels, self._by_id):
            if wanted in exact:
                return wanted if exact is self._by_id else exact[wanted]
        for label, equation_id in self.paper.labels.items():
            if label.split(":", 1)[-1] == wanted:
                return equation_id
        return None

    @cached_property
    def _by_number(self) -> dict[str, str]:
        return {e.number: e.id for e in self.paper.equations if e.number and e.number != "*"}

    def pattern_keys(self) -> list[PatternKey]:
        """Patterns and families present in the display equations, most frequent first."""
        names: dict[str, str] = {}
        counts: Counter[str] = Counter()
        for equation_id in self.display_ids:
            keys: set[str] = set()
            for hit in self._hits(equation_id):
                names[f"pattern:{hit.id}"] = hit.name
                names[f"family:{hit.family}"] = f"family: {hit.family}"
                keys |= {f"pattern:{hit.id}", f"family:{hit.family}"}
            counts.update(keys)
        order = sorted(counts, key=lambda k: (k.startswith("family:"), -counts[k], names[k]))
        return [PatternKey(k, names[k], counts[k]) for k in order]

    def has_pattern(self, equation_id: str, key: str | None) -> bool:
        """True when the equation contains the filter's pattern or family (always for None)."""
        if key is None:
            return True
        kind, _, value = key.partition(":")
        attribute = "family" if kind == "family" else "id"
        return any(getattr(hit, attribute) == value for hit in self._hits(equation_id))

    def _hits(self, equation_id: str) -> tuple[PatternHit, ...]:
        annotated = self.annotations.get(equation_id)
        return annotated.patterns if annotated else ()

    def search(self, text: str) -> list[int]:
        """Indexes into :attr:`blocks` of those whose text contains ``text`` (any case)."""
        needle = text.strip().casefold()
        if not needle:
            return []
        return [i for i, block in enumerate(self.blocks)
                if needle in self.block_text(block).casefold()]

    def block_text(self, block: Block) -> str:
        """The words a block shows, for search: prose as read, equations as text and LaTeX."""
        if isinstance(block, Heading):
            return f"{block.number or ''} {block.title}"
        if isinstance(block, Paragraph):
            return plain_prose(block.text, self.paper.labels, self.numbers)
        equation = self._by_id.get(block.equation_id)
        if equation is None:
            return ""
        annotated = self.annotations.get(equation.id)
        shown = annotated.text if annotated else ""
        return " ".join(filter(None, (equation.number, equation.label, shown, equation.latex)))

    @cached_property
    def numbers(self) -> dict[str, str]:
        """Equation id to its printed number, for rendering references."""
        return {e.id: e.number for e in self.paper.equations if e.number}

    def reference_number(self, label: str) -> str | None:
        """The printed number of the equation a ``\\label`` key names, if numbered."""
        equation_id = self.paper.labels.get(label)
        return self.numbers.get(equation_id) if equation_id else None
