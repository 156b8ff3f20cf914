"""The annotated paper as one Markdown file, for a reading group's repository or vault.

It renders on GitHub and in Obsidian (math as ``$$`` blocks made safe by ``markdown_math``) and
reads top to bottom like a study guide: what the paper is about, its notation in one table, then
every display equation under its section with its patterns in plain words, its symbols, the notes
people wrote on it and the command that runs its demo.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from reader.export.demo_commands import demo_commands
from reader.export.markdown_math import (
    display_block,
    inline_math,
    markdown_text,
    note_markdown,
    prose,
)
from reader.export.notation import (
    equation_numbers,
    is_operator,
    notation_rows,
    short_abstract,
)
from reader.export.note_format import note_when
from reader.export.selection import Selection, heading_text, outline, where_text
from reader.model import AnnotatedEquation, AnnotatedPaper, Heading

if TYPE_CHECKING:
    from reader.notes.model import Note


def paper_markdown(annotated: AnnotatedPaper, notes: Mapping[str, Sequence[Note]], *,
                   orphans: Sequence[Note] = (), selection: Selection | None = None) -> str:
    """The whole export; ``notes`` maps equation ids to the notes attached to them."""
    paper = annotated.paper
    selection = selection or Selection()
    out = [f"# {markdown_text(paper.title or '(untitled)')}", ""]
    if paper.arxiv_id:
        out += [f"arXiv [{paper.arxiv_id}](https://arxiv.org/abs/{paper.arxiv_id})", ""]
    if paper.abstract:
        out += ["## Abstract", "", prose(short_abstract(paper.abstract)), ""]
    out += notation_table(annotated)
    top = min((b.level for b in paper.blocks if isinstance(b, Heading)), default=1)
    listed = 0
    for entry in outline(annotated, notes, selection):
        if isinstance(entry, Heading):
            hashes = "#" * min(6, 2 + max(0, entry.level - top))
            out += [f"{hashes} {markdown_text(heading_text(entry))}", ""]
        else:
            listed += 1
            out += equation_markdown(entry, notes.get(entry.equation.id, ()))
    if orphans:
        out += orphan_section(orphans)
    display = sum(1 for item in annotated.equations if item.equation.display)
    out += ["---", "", f"{listed} of {display} display equations listed. Made with eqlens "
            "(`eqlens annotate PAPER --format md`).", ""]
    return "\n".join(out)


def notation_table(annotated: AnnotatedPaper) -> list[str]:
    """Every distinct symbol of the paper once: the symbol, what it means, where it is said."""
    rows = notation_rows(annotated)
    if not rows:
        return []
    numbers = equation_numbers(annotated)
    out = ["## Notation", "", "| symbol | meaning | defined |", "|---|---|---|"]
    for row in rows:
        symbol = inline_math(row.latex, in_table=True) or markdown_text(row.text)
        meaning = markdown_text(row.meaning)
        out.append(f"| {symbol} | {meaning} | {markdown_text(row.where(numbers))} |")
    return [*out, ""]


def equation_markdown(item: AnnotatedEquation, notes: Sequence[Note]) -> list[str]:
    """One display equation: where it is, its math, its patterns, symbols and notes."""
    eq = item.equation
    head = [f"**({eq.number})**" if eq.number else "**(unnumbered)**"]
    if eq.label:
        head.append(code_span(eq.label))
    if where := where_text(item):
        head.append(markdown_text(where))
    out = [" · ".join(head), "", display_block(eq.latex), ""]
    if item.error:
        out += [f"*Not fully understood: {markdown_text(item.error)}*", ""]
    for hit, command in demo_commands(item):
        out.append(f"- **{markdown_text(hit.name)}** — {markdown_text(hit.explanation)}")
        for role, latex in hit.bindings.items():
            out.append(f"  - {markdown_text(role)}: {inline_math(latex) or '—'}")
        if command:
            out.append(f"  - demo: {code_span(command)}")
    if item.patterns:
        out.append("")
    if symbols := symbol_list(item):
        out += [f"Symbols: {symbols}", ""]
    for note in notes:
        out += note_quote(note)
    return out


def symbol_list(item: AnnotatedEquation) -> str:
    """``θ model parameters · N “number of images”``: a short reminder, the table has the rest."""
    parts = []
    for symbol in item.symbols:
        if is_operator(symbol["latex"]):
            continue
        definition = symbol.get("definition")
        meaning = f"“{definition['text']}”" if definition else symbol.get("name") or "?"
        parts.append(f"{symbol['text']} {meaning}")
    return " · ".join(markdown_text(p) for p in parts)


def note_quote(note: Note) -> list[str]:
    """A note as a block quote headed by its author and time (and the symbol it is about)."""
    head = f"**{markdown_text(note.author or 'anonymous')}** · {note_when(note)}"
    if note.anchor.symbol:
        head += f" · on {inline_math(note.anchor.symbol)}"
    body = note_markdown(note.text).splitlines() or [""]
    return [f"> {head}", ">", *(f"> {line}" if line else ">" for line in body), ""]


def orphan_section(orphans: Sequence[Note]) -> list[str]:
    """Notes whose equation this version of the paper no longer has, with what they were on."""
    out = ["## Notes whose equation was not found", ""]
    for note in orphans:
        anchor = note.anchor
        was = f"({anchor.number})" if anchor.number else anchor.equation_id
        if anchor.label:
            was += f" {code_span(anchor.label)}"
        out.append(f"Written on {was}:")
        out.append("")
        if anchor.latex:
            out += [display_block(anchor.latex), ""]
        out += note_quote(note)
    return out


def code_span(text: str) -> str:
    """Inline code that survives backticks inside it (a longer fence, padded by spaces)."""
    fence = "`"
    while fence in text:
        fence += "`"
    pad = " " if text.startswith("`") or text.endswith("`") or fence != "`" else ""
    return f"{fence}{pad}{text}{pad}{fence}"
