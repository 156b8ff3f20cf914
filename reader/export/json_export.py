"""The JSON form of an annotated paper: the stable, documented schema (see README)."""

from __future__ import annotations

import json
from dataclasses import asdict

from reader.model import AnnotatedEquation, AnnotatedPaper, PatternHit

SCHEMA_VERSION = 1


def pattern_json(hit: PatternHit) -> dict:
    data = asdict(hit)
    data["span"] = list(hit.span)
    return data


def equation_json(item: AnnotatedEquation) -> dict:
    eq = item.equation
    return {
        "id": eq.id,
        "number": eq.number,
        "label": eq.label,
        "latex": eq.latex,
        "text": item.text,
        "display": eq.display,
        "page": eq.page,
        "section": eq.section,
        "file": eq.file,
        "line": eq.line,
        "parsed": item.parsed,
        "error": item.error,
        "context_before": eq.context_before,
        "context_after": eq.context_after,
        "patterns": [pattern_json(p) for p in item.patterns],
        "symbols": list(item.symbols),
    }


def paper_json(annotated: AnnotatedPaper) -> dict:
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
        "equations": [equation_json(e) for e in annotated.equations],
    }


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
