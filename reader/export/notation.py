"""What a symbol means and where the paper says so, worded once for every export.

The Markdown table, the HTML table and the HTML hover titles all answer the same two questions
(what is σ here, and where do I read about it), so the wording lives here and the exports agree.
The paper's own definition comes first because it is what the authors meant; the glossary's
meaning follows because it is what the glyph usually means.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from reader.definition_symbols import base_letter, symbol_key
from reader.model import AnnotatedPaper

_SECTION = re.compile(r"^(section|chapter) ([^,]+)")
_UNNUMBERED = re.compile(r"^“([^”]+)”")
_PAGE = re.compile(r"^page (\d+)")


def symbol_meaning(symbol: Mapping) -> str:
    """``“a hidden cause” — latent variable (z)``: the paper's words, then the glossary's."""
    definition = symbol.get("definition")
    parts = []
    if definition:
        parts.append(f"“{definition['text']}”")
    if symbol.get("name"):
        parts.append(symbol["name"])
    return " — ".join(parts) or "not in the glossary"


def defined_where(symbol: Mapping, numbers: Mapping[str, str | None]) -> str:
    """Where to read about the symbol: ``(14)`` when a sentence right after an equation defines
    it, ``§ 3.1`` for prose, ``glossary`` when only the glossary knows it, ``—`` otherwise."""
    definition = symbol.get("definition")
    if not definition:
        return "glossary" if symbol.get("glossary") else "—"
    equation = definition.get("equation")
    if equation and numbers.get(equation):
        return f"({numbers[equation]})"
    return short_place(definition.get("where") or "")


def short_place(where: str) -> str:
    """"section 3.2, sections/method.tex line 60" → "§ 3.2"; "page 3" → "p. 3"."""
    if match := _SECTION.match(where):
        return ("§ " if match.group(1) == "section" else "ch. ") + match.group(2).strip()
    if match := _UNNUMBERED.match(where):
        return f"§ {match.group(1)}"
    if match := _PAGE.match(where):
        return f"p. {match.group(1)}"
    return where or "—"


def symbol_title(symbol: Mapping, numbers: Mapping[str, str | None]) -> str:
    """The hover text of a symbol: ``σ — standard deviation (defined in § 3.1)``."""
    where = defined_where(symbol, numbers)
    place = {"glossary": "from the glossary", "—": ""}.get(where, f"defined in {where}")
    text = f"{symbol['text']} — {symbol_meaning(symbol)}"
    return f"{text} ({place})" if place else text


@dataclass(slots=True)
class NotationRow:
    """One distinct symbol of the paper (by its canonical LaTeX) in the notation table."""

    latex: str
    text: str
    first_equation: str
    names: list[str] = field(default_factory=list)
    """Every glossary meaning the symbol gets in the paper, in order of first use."""
    definitions: list[dict] = field(default_factory=list)
    """The paper's own definitions of this very symbol (as in the JSON ``definition``), in
    reading order; a definition borrowed from a sibling (βₜ for β₁) is left to that row."""
    glossary: bool = False
    overloaded: bool = False

    @property
    def meaning(self) -> str:
        """The paper's words, then the glossary's meanings (a symbol the paper overloads shows
        each meaning it gets, so the table does not pretend there is one)."""
        said = "; ".join(f"“{d['text']}”" for d in self.definitions[:2])
        parts = [p for p in (said, "; ".join(self.names[:3])) if p]
        text = " — ".join(parts) or "not in the glossary"
        return text + (" (two meanings in this paper)" if self.overloaded else "")

    def where(self, numbers: Mapping[str, str | None]) -> str:
        """Where the paper first defines it (see :func:`defined_where`)."""
        first = self.definitions[0] if self.definitions else None
        return defined_where({"definition": first, "glossary": self.glossary}, numbers)


def notation_rows(annotated: AnnotatedPaper) -> list[NotationRow]:
    """One row per distinct letter-like symbol, in order of first appearance (inline math
    included: papers introduce notation in the prose). Operators and structures (∑, log, ‖·‖,
    ∼) are left out: they mean the same in every paper and would bury the notation."""
    rows: dict[str, NotationRow] = {}
    for item in annotated.equations:
        for symbol in item.symbols:
            key = symbol["latex"]
            row = rows.get(key)
            if row is None:
                if is_operator(key):
                    continue
                row = rows[key] = NotationRow(key, symbol["text"], item.equation.id)
            if symbol.get("name") and symbol["name"] not in row.names:
                row.names.append(symbol["name"])
            row.glossary |= bool(symbol.get("glossary"))
            row.overloaded |= bool(symbol.get("overloaded"))
            definition = symbol.get("definition")
            if (definition and _defines(definition, key)
                    and all(d["text"] != definition["text"] for d in row.definitions)):
                row.definitions.append(definition)
    return list(rows.values())


def _defines(definition: Mapping, key: str) -> bool:
    """Whether the definition is of this symbol itself, not of a sibling with another index."""
    try:
        return symbol_key(definition.get("symbol") or "") == key
    except Exception:  # noqa: BLE001 - an odd spelling only loses the definition here
        return False


def is_operator(latex: str) -> bool:
    """∑, log, ‖·‖, ∼...: symbols with no letter of their own, which need no explaining."""
    try:
        return base_letter(latex) is None
    except Exception:  # noqa: BLE001 - an odd key only costs its table row
        return True


def equation_numbers(annotated: AnnotatedPaper) -> dict[str, str | None]:
    """Equation id to its printed number, to say "(14)" instead of "eq-72"."""
    return {item.equation.id: item.equation.number for item in annotated.equations}


def short_abstract(text: str, limit: int = 600) -> str:
    """The abstract cut at a sentence end near ``limit`` characters: an export opens with what
    the paper is about, not with the whole abstract."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(". ", 0, limit)
    return text[: cut + 1] + " …" if cut > limit // 3 else text[:limit].rstrip() + " …"
