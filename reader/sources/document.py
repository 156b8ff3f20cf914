"""Assembling scanner events into the Paper's equations, blocks, labels and contexts.

This is the one place that walks the events in reading order, so it owns everything that depends
on order: equation ids (``eq-1``, ``eq-2``...), the current section path, counter commands, and
which prose stands just before and after each equation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader import limits
from reader.model import Block, Equation, EquationBlock, Heading, Paragraph
from reader.sources.equations import Draft, EquationBuilder
from reader.sources.flatten import FlatSource
from reader.sources.numbering import LEVELS, Counters
from reader.sources.prose import (
    PLACEHOLDER,
    sentences_after,
    sentences_before,
    to_text,
)
from reader.sources.scanner import CounterEvent, Event, HeadingEvent, MathEvent, TextEvent

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_PLACEHOLDER_RE = re.compile("\ue000(\\d+)\ue001")


@dataclass(slots=True)
class _Record:
    draft: Draft
    id: str
    section: str | None
    before: str = ""
    after: str = ""


@dataclass(slots=True)
class Assembled:
    equations: list[Equation]
    blocks: list[Block]
    labels: dict[str, str]
    warnings: list[str] = field(default_factory=list)


def apply_counter(counters: Counters, event: CounterEvent) -> None:
    """Replay one counter command (``\\appendix``, ``\\numberwithin``, ``\\setcounter``...)."""
    args = event.args
    if event.command == "appendix":
        counters.start_appendix()
    elif event.command == "begin-subequations":
        counters.begin_subequations()
    elif event.command == "end-subequations":
        counters.end_subequations()
    elif event.command in ("numberwithin", "counterwithin") and args[0] == "equation":
        counters.number_within(args[1])
    elif event.command == "counterwithout" and args[0] == "equation":
        counters.number_within(None)
    elif event.command in ("setcounter", "addtocounter") and _is_int(args[1]):
        counters.set(args[0], int(args[1]), add=event.command == "addtocounter")
    elif event.command in ("stepcounter", "refstepcounter"):
        counters.step(args[0])


def _is_int(text: str) -> bool:
    return text.lstrip("-").isdigit()


class Assembler:
    """Consumes events in order; ``result()`` gives the finished pieces of the Paper."""

    def __init__(self, flat: FlatSource, builder: EquationBuilder, counters: Counters) -> None:
        self.flat = flat
        self.builder = builder
        self.counters = counters
        self.records: list[_Record] = []
        self.blocks: list[Block] = []
        self.labels: dict[str, str] = {}
        self.warnings: list[str] = []
        self.path: list[tuple[int, str]] = []
        self.run: list[tuple[int, str]] = []
        """Prose pieces since the last display equation or heading: (flat offset, text)."""
        self.last_prose = ""
        self.waiting_after: list[_Record] = []

    def feed(self, events: list[Event]) -> Assembled:
        for event in events:
            if isinstance(event, TextEvent):
                self.run.append((event.start, event.text))
            elif isinstance(event, MathEvent):
                self._math(event)
            elif isinstance(event, HeadingEvent):
                self._heading(event)
            else:
                apply_counter(self.counters, event)
        self._close_run()
        return Assembled(self._equations(), self.blocks, self.labels, self.warnings)

    def _section(self) -> str | None:
        return " > ".join(title for _, title in self.path) or None

    def _add(self, draft: Draft) -> _Record | None:
        if len(self.records) >= limits.MAX_EQUATIONS:
            if len(self.records) == limits.MAX_EQUATIONS:
                self.warnings.append("Too many equations; the rest of the paper was skipped.")
            return None
        record = _Record(draft, f"eq-{len(self.records) + 1}", self._section())
        self.records.append(record)
        if draft.label and draft.label not in self.labels:
            self.labels[draft.label] = record.id
        return record

    def _math(self, event: MathEvent) -> None:
        drafts = self.builder.build(event)
        if not event.display:
            for draft in drafts:
                if self._add(draft) is not None:
                    self.run.append((event.start, PLACEHOLDER.format(len(self.records) - 1)))
            return
        self._close_run()
        for draft in drafts:
            record = self._add(draft)
            if record is not None:
                record.before = self.last_prose
                self.waiting_after.append(record)
                self.blocks.append(EquationBlock(record.id))

    def _heading(self, event: HeadingEvent) -> None:
        self._close_run()
        self.waiting_after.clear()
        self.last_prose = ""
        number = self.counters.heading(event.name, event.starred)
        title = to_text(event.title)
        level = LEVELS.get(event.name, 1)
        self.blocks.append(Heading(level, number, title))
        self.path = [(lvl, text) for lvl, text in self.path if lvl < level]
        self.path.append((level, f"{number} {title}" if number else title))

    def _close_run(self) -> None:
        pieces, self.run = self.run, []
        raw = "".join(text for _, text in pieces)
        starts = _piece_starts(pieces)
        position = 0
        for part in _PARAGRAPH_BREAK.split(raw):
            found = raw.find(part, position)
            lead = len(part) - len(part.lstrip())
            self._paragraph(part, _flat_offset(pieces, starts, found + lead))
            position = found + len(part)

    def _paragraph(self, raw: str, offset: int) -> None:
        text = to_text(raw, keep_refs=True)
        if not text:
            return
        shown = self._substitute(text)
        for match in _PLACEHOLDER_RE.finditer(text):
            record = self.records[int(match.group(1))]
            record.before = sentences_before(self._substitute(text[: match.start()]))
            record.after = sentences_after(self._substitute(text[match.end() :]))
        file, line = self.flat.where(offset)
        self.blocks.append(Paragraph(shown, file, line))
        for record in self.waiting_after:
            record.after = sentences_after(shown)
        self.waiting_after.clear()
        self.last_prose = sentences_before(shown)

    def _substitute(self, text: str) -> str:
        return _PLACEHOLDER_RE.sub(
            lambda m: f"${self.records[int(m.group(1))].draft.latex}$", text
        )

    def _equations(self) -> list[Equation]:
        out = []
        for record in self.records:
            draft = record.draft
            file, line = self.flat.where(draft.offset)
            out.append(Equation(
                id=record.id, latex=draft.latex, display=draft.display, number=draft.number,
                label=draft.label, section=record.section, file=file, line=line,
                context_before=record.before, context_after=record.after, error=draft.error,
                source_latex=draft.source_latex,
            ))
        return out


def _piece_starts(pieces: list[tuple[int, str]]) -> list[int]:
    starts, position = [], 0
    for _, text in pieces:
        starts.append(position)
        position += len(text)
    return starts


def _flat_offset(pieces: list[tuple[int, str]], starts: list[int], raw_position: int) -> int:
    """Map a position in the joined run back to the flattened text."""
    for (flat, text), start in zip(reversed(pieces), reversed(starts), strict=True):
        if start <= raw_position:
            return flat + min(raw_position - start, len(text))
    return pieces[0][0] if pieces else 0
