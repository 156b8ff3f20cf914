"""The symbol table of one equation: glossary meaning and the paper's own definition, side by side.

The glossary says what a glyph usually means in this context; the paper's prose says what the
authors meant. Both are kept, each with where it came from, because they can disagree and the
reader should see both. The result is plain JSON-ready dicts (the ``symbols`` of the JSON schema).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from glossary.lookup import SymbolExplanation
from reader.definition_symbols import base_letter

if TYPE_CHECKING:
    from reader.definitions import Definition, DefinitionIndex


def symbol_table(explanations: tuple[SymbolExplanation, ...], equation_id: str,
                 definitions: DefinitionIndex | None) -> tuple[dict, ...]:
    """One JSON-ready dict per distinct symbol, in order of first appearance."""
    same_base = _spellings_by_base(explanations)
    return tuple(_symbol(e, equation_id, definitions, same_base) for e in explanations)


def _symbol(explanation: SymbolExplanation, equation_id: str,
            definitions: DefinitionIndex | None, same_base: dict[str, list[str]]) -> dict:
    entry = explanation.entry
    definition = _definition(explanation.latex, equation_id, definitions)
    related = [k for k in same_base.get(base_letter(explanation.latex) or "", [])
               if k != explanation.latex]
    overloaded = False
    if definitions is not None:
        related += [k for k in definitions.related(explanation.latex) if k not in related]
        overloaded = definitions.overloaded(explanation.latex)
    return {
        "latex": explanation.latex,
        "text": explanation.text,
        "spans": [list(span) for span in explanation.spans],
        "glossary": entry.id if entry else None,
        "name": entry.name if entry else None,
        "meaning": entry.meaning if entry else None,
        "read_as": entry.read_as if entry else None,
        "reason": explanation.reason,
        "alternatives": list(explanation.alternatives),
        "role": "; ".join(label for label, _ in explanation.roles) or None,
        "roles": [{"label": label, "description": text} for label, text in explanation.roles],
        "definition": definition,
        "overloaded": overloaded,
        "related": related,
    }


def _definition(key: str, equation_id: str, definitions: DefinitionIndex | None) -> dict | None:
    """The paper's definition in force at this equation: of this exact symbol, else of the
    same letter with another index (β_t defines β_{t-1}), saying which symbol it defined."""
    if definitions is None:
        return None
    found = definitions.in_force(key, equation_id)
    if found is None and "_" in key:
        for other in definitions.related(key):
            if "_" in other:
                found = definitions.in_force(other, equation_id)
                if found is not None:
                    break
    return _definition_json(found) if found is not None else None


def _definition_json(found: Definition) -> dict:
    return {"text": found.text, "where": found.where, "equation": found.equation,
            "symbol": found.latex, "sentence": found.sentence}


def _spellings_by_base(explanations: tuple[SymbolExplanation, ...]) -> dict[str, list[str]]:
    by_base: dict[str, list[str]] = {}
    for explanation in explanations:
        if (letter := base_letter(explanation.latex)) is not None:
            by_base.setdefault(letter, []).append(explanation.latex)
    return by_base
