"""Context-aware glossary lookup: which meaning each symbol of an equation has, and why.

A glyph may have several entries (σ: sigmoid or standard deviation). Each candidate starts from
its entry's prior; the exact spelling (``D_{KL}``, ``\\hat{\\theta}``) adds a bonus; every cue
template that matches around an occurrence adds its weight; a recognised pattern that names the
entry adds a little. The best score wins and the explanation says what decided it, so a reader
(and a test) can see why σ(z) became a sigmoid.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

from glossary.entry import Cue, GlossaryEntry, default_entries
from glossary.glyphs import glyph_key
from glossary.occurrences import Occurrence, find_occurrences
from patterns.matcher import match, unwrap_group
from patterns.recognise import Match, TemplateIndex
from patterns.tree import Add, Apply, Mul, Node, Script, Span

EXACT_SPELLING_BONUS = 3.0
"""An entry that lists the symbol's exact spelling (``\\bar{\\alpha}``) beats one that only
lists its letter (α)."""
PATTERN_BONUS = 0.5
"""A recognised pattern that names an entry (softmax → temperature) tips a close call."""


@dataclass(frozen=True, slots=True)
class SymbolExplanation:
    """One distinct symbol of an equation and what it means there."""

    latex: str
    text: str
    spans: tuple[Span, ...]
    entry: GlossaryEntry | None
    """The chosen meaning; None when no entry covers this glyph (we say so, never guess)."""
    reason: str
    """What decided the meaning: a cue, the exact spelling, the only or the usual meaning."""
    roles: tuple[tuple[str, str], ...] = ()
    """The pattern roles it plays, each as a label and the catalogue's description:
    (``prediction in squared error``, ``what the model predicts for it``)."""
    alternatives: tuple[str, ...] = ()
    """Other entry ids the glyph can mean, best first."""


@dataclass(slots=True)
class _Candidates:
    """The scores of every meaning one distinct symbol could have."""

    occurrences: list[Occurrence]
    scores: dict[str, float] = field(default_factory=dict)
    reasons: dict[str, str] = field(default_factory=dict)


class Glossary:
    """The entries, indexed by glyph key and by cue template."""

    def __init__(self, entries: Iterable[GlossaryEntry]) -> None:
        self.entries = {entry.id: entry for entry in entries}
        self.by_key: dict[str, list[GlossaryEntry]] = defaultdict(list)
        for entry in self.entries.values():
            for key in entry.keys:
                self.by_key[key].append(entry)
        self.cues: TemplateIndex[tuple[GlossaryEntry, Cue]] = TemplateIndex(
            ((entry, cue), cue.template) for entry in self.entries.values() for cue in entry.cues
        )
        self.cue_glyphs = {cue.latex: self._glyphs_written_in(cue)
                           for entry in self.entries.values() for cue in entry.cues}

    def known(self, key: str) -> bool:
        return key in self.by_key

    def _glyphs_written_in(self, cue: Cue) -> frozenset[str]:
        """The glyph keys a cue spells out (its holes excluded): the cue speaks for those
        glyphs only, so ``?x_{n}`` credits the index n, not the s of ``s_n``."""
        return frozenset(key for o in find_occurrences(cue.template, cue.latex, self.known)
                         for key in o.keys)

    def explain(self, tree: Node, latex: str, matches: Sequence[Match] = ()
                ) -> tuple[SymbolExplanation, ...]:
        """Every distinct symbol of the equation with its meaning in this context."""
        groups: dict[str, _Candidates] = {}
        for occurrence in find_occurrences(tree, latex, self.known):
            groups.setdefault(occurrence.latex, _Candidates([])).occurrences.append(occurrence)
        for group in groups.values():
            self._seed(group)
        self._apply_cues(tree, groups)
        for m in matches:
            _apply_pattern(m, groups)
        return tuple(_decide(group, _roles(group, matches), self.entries)
                     for group in groups.values())

    def _seed(self, group: _Candidates) -> None:
        for occurrence in group.occurrences:
            for index, key in enumerate(occurrence.keys):
                for entry in self.by_key.get(key, ()):
                    exact = index < occurrence.exact
                    score = entry.prior + (EXACT_SPELLING_BONUS if exact else 0.0)
                    if score > group.scores.get(entry.id, -1.0):
                        group.scores[entry.id] = score
                        group.reasons.setdefault(entry.id, "exact" if exact else "glyph")

    def _apply_cues(self, tree: Node, groups: dict[str, _Candidates]) -> None:
        """Add each matching cue's weight once per symbol it speaks for."""
        contested = {entry_id for g in groups.values() for entry_id in g.scores}
        credited: set[tuple[str, str, str]] = set()
        for node in tree.walk():
            for (entry, cue), template in self.cues.candidates(node):
                if entry.id not in contested:
                    continue
                bindings = next(match(template, node), None)
                if bindings is None:
                    continue
                holes = [span for bound in bindings.values() for span in _absorbed(bound)]
                for name, group in groups.items():
                    if entry.id in group.scores and (name, entry.id, cue.latex) not in credited \
                            and _cued(group, node.span, holes, self.cue_glyphs[cue.latex]):
                        credited.add((name, entry.id, cue.latex))
                        group.scores[entry.id] += cue.weight
                        group.reasons[entry.id] = "cue " + cue.latex

    def entry(self, entry_id: str) -> GlossaryEntry | None:
        return self.entries.get(entry_id)

    def search(self, query: str) -> list[GlossaryEntry]:
        """Entries for a name, an id, a LaTeX or a Unicode spelling; best matches first."""
        query = query.strip()
        if not query:
            return sorted(self.entries.values(), key=lambda e: (e.group, e.id))
        ranked = [(rank, entry.id, entry) for entry in self.entries.values()
                  if (rank := _search_rank(entry, query)) is not None]
        return [entry for _, _, entry in sorted(ranked, key=lambda item: item[:2])]


def _inside(inner: Span, outer: Span) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def _absorbed(bound: Node) -> list[Span]:
    """What a hole took: a hole that absorbed several factors (``½ … d``) binds a rebuilt
    product whose span runs over the factors between them, so use the factors' own spans."""
    if isinstance(bound, Add | Mul):
        return [child.span for child in bound.children()]
    return [bound.span]


def _cued(group: _Candidates, where: Span, holes: list[Span], glyphs: frozenset[str]) -> bool:
    """True when an occurrence of a glyph the cue spells out sits in the cue's match but not
    in what its holes absorbed."""
    return any(
        _inside(span, where) and not any(_inside(span, hole) for hole in holes)
        for occurrence in group.occurrences if glyphs.intersection(occurrence.keys)
        for span in occurrence.spans
    )


def _apply_pattern(m: Match, groups: dict[str, _Candidates]) -> None:
    for group in groups.values():
        if any(_inside(span, m.span) for o in group.occurrences for span in o.spans):
            for entry_id in m.pattern.glossary:
                if entry_id in group.scores:
                    group.scores[entry_id] += PATTERN_BONUS
                    group.reasons.setdefault(entry_id, "pattern " + m.pattern.id)


def _stands_for(bound: Node, occurrence: Occurrence) -> bool:
    """A role bound to ``ε_θ(x_t, t)`` or to ``σ²`` is played by the symbol ε_θ or σ."""
    if occurrence.operator:
        return False
    bound = unwrap_group(bound)
    target = occurrence.node.span
    if bound.span == target:
        return True
    if isinstance(bound, Apply):
        return unwrap_group(bound.head).span == target
    return isinstance(bound, Script) and bound.base.span == target


def _roles(group: _Candidates, matches: Sequence[Match]) -> tuple[tuple[str, str], ...]:
    roles: list[tuple[str, str]] = []
    for m in matches:
        for role, bound in m.bindings.items():
            if any(_stands_for(bound, o) for o in group.occurrences):
                label = f"{role} in {m.pattern.id.replace('_', ' ')}"
                if all(label != known for known, _ in roles):
                    roles.append((label, m.pattern.roles.get(role, "")))
    return tuple(roles)


def _decide(group: _Candidates, roles: tuple[tuple[str, str], ...],
            entries: dict[str, GlossaryEntry]) -> SymbolExplanation:
    first = group.occurrences[0]
    spans = tuple(span for o in group.occurrences for span in o.spans)
    ranked = sorted(group.scores, key=lambda entry_id: -group.scores[entry_id])
    if not ranked:
        return SymbolExplanation(first.latex, first.text, spans, None, "no glossary entry", roles)
    best = entries[ranked[0]]
    return SymbolExplanation(first.latex, first.text, spans, best,
                             _reason(group, ranked), roles, tuple(ranked[1:]))


def _reason(group: _Candidates, ranked: list[str]) -> str:
    best = ranked[0]
    why = group.reasons.get(best, "glyph")
    if len(ranked) == 1:
        return "the only meaning of this glyph"
    if why.startswith("cue "):
        return "context " + why[4:]
    if why == "exact":
        return "exact spelling"
    if why.startswith("pattern "):
        return "inside a " + why[8:] + " pattern"
    return "the usual meaning (no context decided)"


def _search_rank(entry: GlossaryEntry, query: str) -> int | None:
    lowered = query.lower()
    if lowered in (entry.id, entry.name.lower()) or query in entry.symbols:
        return 0
    if glyph_key(query) in entry.keys:
        return 1
    if lowered in entry.name.lower() or lowered.replace(" ", "_") in entry.id:
        return 2
    words = len(lowered) >= 3 and lowered.replace(" ", "").isalpha() and lowered.isascii()
    if words and (lowered in entry.read_as.lower() or lowered in entry.meaning.lower()):
        return 3
    return None


@cache
def default_glossary() -> Glossary:
    """The shipped glossary, indexed once per process."""
    return Glossary(default_entries())

