"""The JSON form of an annotated paper: the stable, documented schema (see README)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict
from typing import TYPE_CHECKING

from reader.model import AnnotatedEquation, AnnotatedPaper, PatternHit

if TYPE_CHECKING:
    from reader.notes.model import Note

SCHEMA_VERSION = 1
"""Bumped only when a field changes meaning or goes away; new fields keep the version."""


def pattern_json(hit: PatternHit) -> dict:
    data = asdict(hit)
    data["span"] = list(hit.span)
    return data


def note_json(note: Note) -> dict:
    """One note as the JSON lists it under its equation (``symbol``: the LaTeX it is about)."""
    return {"id": note.id, "author": note.author, "created": note.created,
            "updated": note.updated, "text": note.text, "symbol": note.anchor.symbol}


def orphan_json(note: Note) -> dict:
    """A note whose equation was not found, with what it was written on, to find it by hand."""
    anchor = note.anchor
    return {**note_json(note), "anchor": {"equation_id": anchor.equation_id,
                                          "label": anchor.label, "number": anchor.number,
                                          "latex": anchor.latex}}


def equation_json(item: AnnotatedEquation, notes: Sequence[Note] = ()) -> dict:
    eq = item.equation
    return {
        "id": eq.id,
        "number": eq.number,
        "label": eq.label,
        "latex": eq.latex,
        "text": item.text,
        "display": eq.display,
        "page": eq.page,
        "bbox": list(eq.bbox) if eq.bbox is not None else None,
        "confidence": eq.confidence,
        "section": eq.section,
        "file": eq.file,
        "line": eq.line,
        "parsed": item.parsed,
        "error": item.error,
        "context_before": eq.context_before,
        "context_after": eq.context_after,
        "patterns": [pattern_json(p) for p in item.patterns],
        "symbols": list(item.symbols),
        "notes": [note_json(n) for n in notes],
    }


def paper_json_pieces(annotated: AnnotatedPaper,
                      notes: Mapping[str, Sequence[Note]] | None = None, *,
                      orphans: Sequence[Note] = ()) -> Iterator[str]:
    """The schema-1 document, as indented JSON text in pieces, one equation at a time;
    ``notes`` maps equation ids to their notes (none by default).

    A book's JSON is 14 million characters; held whole (4 bytes each once one is a math
    letter like 𝔼) with json's intermediate pieces it took ~170 MB. Written piece by piece,
    ``annotate --format json`` stays as light as the other formats.
    """
    notes = notes or {}
    head, tail = dumps(_document(annotated, _EQUATIONS_SLOT, orphans)).split(
        json.dumps(_EQUATIONS_SLOT, ensure_ascii=False), 1)
    yield head
    separator = "[\n    "
    for item in annotated.equations:
        text = dumps(equation_json(item, notes.get(item.equation.id, ()))).rstrip("\n")
        # JSON strings never hold a raw newline: indenting every line re-nests the object.
        yield separator + text.replace("\n", "\n    ")
        separator = ",\n    "
    yield "[]" if separator.startswith("[") else "\n  ]"
    yield tail


_EQUATIONS_SLOT = "\ue000equations\ue000"
"""Stands for the equation list in the document head; a private-use string no paper writes."""


def _document(annotated: AnnotatedPaper, equations: object, orphans: Sequence[Note]) -> dict:
    paper = annotated.paper
    return {
        "schema": SCHEMA_VERSION,
        "paper": {
            "title": paper.title,
            "source": paper.source,
            "path": paper.path,
            "arxiv_id": paper.arxiv_id,
            "abstract": paper.abstract,
            "warnings": list(paper.warnings),
        },
        "equations": equations,
        "orphaned_notes": [orphan_json(n) for n in orphans],
    }


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
