"""Find each note's equation again in a paper that may be a newer version of the one annotated.

A new version renumbers equations, relabels a few and retouches some LaTeX, so a note keeps
several clues (:class:`reader.notes.model.Anchor`) and they are tried strongest first: the
``\\label`` key, then the same LaTeX (ignoring whitespace), then the printed number, then the
equation id. The two weak clues only pick an equation labelled as the note's was (both
unlabelled, typically): equation (4) of a new version is another equation when its label differs,
and a labelled equation whose label and LaTeX are both gone has most likely been removed, so its
notes are better orphaned than pinned on whatever now sits at its number. A note that matches
nothing is an orphan: it stays in the sidecar and is listed apart, never dropped.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from reader.model import Equation, Paper
from reader.notes.model import Anchor, Note


@dataclass(frozen=True, slots=True)
class Attachment:
    """Notes by the id of the equation they belong to in this paper, and those that fit none."""

    by_equation: dict[str, list[Note]] = field(default_factory=dict)
    """Equation id to its notes, in file order (oldest first)."""
    orphans: list[Note] = field(default_factory=list)
    """Notes whose equation this version of the paper no longer has."""


def anchor_for(equation: Equation, symbol: str | None = None) -> Anchor:
    """The anchor of a note written now on ``equation`` (about ``symbol``, a LaTeX, if given)."""
    return Anchor(equation_id=equation.id, label=equation.label, number=equation.number,
                  latex=equation.latex, symbol=symbol)


def attach(notes: Iterable[Note], paper: Paper) -> Attachment:
    """Give every note its equation in ``paper``, or list it as an orphan."""
    index = _Index(paper)
    attachment = Attachment()
    for note in notes:
        equation_id = index.find(note.anchor)
        if equation_id is None:
            attachment.orphans.append(note)
        else:
            attachment.by_equation.setdefault(equation_id, []).append(note)
    return attachment


def _squash(latex: str) -> str:
    """LaTeX with all whitespace removed: reflowing a formula does not change it."""
    return "".join(latex.split())


class _Index:
    """The paper's equations looked up by each clue; display equations win over inline ones."""

    def __init__(self, paper: Paper) -> None:
        ranked = sorted(paper.equations, key=lambda e: not e.display)  # stable: reading order
        self.by_id = {e.id: e for e in paper.equations}
        self.labels = {k: v for k, v in paper.labels.items() if v in self.by_id}
        self.by_latex: dict[str, Equation] = {}
        self.by_number: dict[str, Equation] = {}
        for equation in ranked:
            self.by_latex.setdefault(_squash(equation.latex), equation)
            if equation.number and equation.number != "*":
                self.by_number.setdefault(equation.number, equation)

    def find(self, anchor: Anchor) -> str | None:
        if anchor.label and anchor.label in self.labels:
            return self.labels[anchor.label]
        same = self.by_latex.get(_squash(anchor.latex)) if anchor.latex.strip() else None
        if same is not None:
            return same.id
        for weak in (self.by_number.get(anchor.number or ""), self.by_id.get(anchor.equation_id)):
            if weak is not None and _compatible(weak, anchor):
                return weak.id
        return None


def _compatible(equation: Equation, anchor: Anchor) -> bool:
    """True when a number or id match is believable: the label (or its absence) is the same."""
    return (equation.label or None) == (anchor.label or None)
