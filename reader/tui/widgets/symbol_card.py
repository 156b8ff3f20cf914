"""What one symbol means: glossary meaning, how to read it, its role, the paper's definition.

Shown at the top of the inspector for the hovered or pinned symbol, because "what is this σ?" is
the question a reader has the moment the mouse lands on it.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from patterns.parser import parse_math
from patterns.unicode_text import to_text


def symbol_lines(symbol: dict, numbers: dict[str, str]) -> list[Content]:
    """The symbol's explanation, one fact a line, skipping what the glossary does not know."""
    lines = [Content.assemble((symbol.get("text") or symbol.get("latex", "?"), "bold"), "  ",
                              symbol.get("name") or "")]
    if symbol.get("meaning"):
        lines.append(Content(symbol["meaning"]))
    if symbol.get("read_as"):
        lines.append(Content.assemble(("read as ", "dim"), f"“{symbol['read_as']}”"))
    if symbol.get("glossary") and symbol.get("reason"):
        lines.append(Content.assemble(("glossary, by ", "dim"), _readable(symbol["reason"]),
                                      *_others(symbol.get("alternatives") or [])))
    if symbol.get("role"):
        lines.append(Content.assemble(("role: ", "dim"), symbol["role"]))
    lines.extend(_definition(symbol.get("definition"), numbers))
    if symbol.get("related"):
        related = ", ".join(to_text(parse_math(latex)) for latex in symbol["related"])
        lines.append(Content.assemble(("not the same symbol as ", "dim"), related))
    if symbol.get("overloaded"):
        lines.append(Content("⚠ this symbol means more than one thing in this paper",
                             ).stylize("$warning"))
    if not (symbol.get("meaning") or symbol.get("definition")):
        lines.append(Content("no glossary entry or definition found").stylize("dim"))
    return lines


def _definition(definition: dict | None, numbers: dict[str, str]) -> list[Content]:
    if not definition:
        return []
    where = definition.get("where") or ""
    equation = definition.get("equation")
    if equation:
        where = f"{where}, eq. ({numbers.get(equation, equation)})".lstrip(", ")
    text = Content.assemble(("in this paper: ", "dim"), f"“{definition.get('text', '')}”")
    return [text, Content(f"  {where}").stylize("dim")] if where else [text]


def _readable(reason: str) -> str:
    """``context \\sigma(?z)`` → ``context σ(?z)``: the cue as the reader sees math."""
    if reason.startswith("context "):
        return "context " + to_text(parse_math(reason[len("context "):], holes=True))
    return reason


def _others(alternatives: list[str]) -> tuple[tuple[str, str], ...]:
    """The other meanings the glyph could have had, so a reader can doubt the choice."""
    if not alternatives:
        return ()
    return ((f" (could also be: {', '.join(a.replace('_', ' ') for a in alternatives[:3])})",
             "dim"),)


class SymbolCard(Static):
    """The focused symbol's explanation."""

    def show(self, symbol: dict, *, pinned: bool = False,
             numbers: dict[str, str] | None = None) -> None:
        """Explain ``symbol``, marking it when pinned."""
        lines = symbol_lines(symbol, numbers or {})
        if pinned:
            lines[0] = Content.assemble(lines[0], ("  [pinned]", "$text-accent"))
        self.update(Content("\n").join(lines))
