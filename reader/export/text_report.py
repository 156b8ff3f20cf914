"""A readable plain-text account of equations and their patterns, for the terminal."""

from __future__ import annotations

from reader.model import AnnotatedEquation, AnnotatedPaper


def equation_report(item: AnnotatedEquation) -> str:
    eq = item.equation
    where = f"({eq.number})" if eq.number else "(unnumbered)"
    lines = [f"{where}  {item.text}"]
    if eq.label:
        lines[0] += f"    [{eq.label}]"
    if eq.page is not None:
        lines[0] += f"    [p. {eq.page}" + (
            f", confidence {eq.confidence:.2f}]" if eq.confidence is not None else "]")
    if item.error:
        lines.append(f"    ! {item.error}")
    for hit in item.patterns:
        lines.append(f"    • {hit.name}: {hit.explanation}")
        for role, latex in hit.bindings.items():
            lines.append(f"        {role} = {latex}")
    if not item.patterns and not item.error:
        lines.append("    (no catalogue pattern recognised)")
    lines += [f"    {symbol_line(symbol)}" for symbol in item.symbols]
    return "\n".join(lines)


def symbol_line(symbol: dict) -> str:
    """``σ  sigmoid (logistic function) — paper: "the gate" (line 12) — role: ...``."""
    parts = [f"{symbol['text']:<6} {symbol['name'] or '(not in the glossary)'}"]
    definition = symbol.get("definition")
    if definition:
        parts.append(f"paper: \"{definition['text']}\" ({definition['where']})")
    if symbol.get("role"):
        parts.append(f"role: {symbol['role']}")
    if symbol.get("overloaded"):
        parts.append("used with two meanings in this paper")
    return " — ".join(parts)


def paper_report(annotated: AnnotatedPaper, *, inline: bool = False) -> str:
    paper = annotated.paper
    out = [paper.title or "(untitled)", "=" * min(len(paper.title or "x"), 78), ""]
    section = None
    for item in annotated.equations:
        if not item.equation.display and not inline:
            continue
        if item.equation.section != section:
            section = item.equation.section
            out += ["", section or "(no section)", "-" * min(len(section or "x"), 78)]
        out.append(equation_report(item))
    shown = [e for e in annotated.equations if e.equation.display or inline]
    with_patterns = sum(1 for e in shown if e.patterns)
    out += ["", f"{len(shown)} equations, {with_patterns} with a recognised pattern."]
    return "\n".join(out) + "\n"
