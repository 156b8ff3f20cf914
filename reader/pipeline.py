"""The annotate pipeline: parse each equation, recognise its patterns, explain them.

Pure and synchronous, with no UI import: the command line, the TUI's worker and the exporters all
call these functions. Heavy libraries are never imported here (a test checks it).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from glossary.lookup import default_glossary
from patterns.catalogue import default_catalogue
from patterns.parser import parse_math
from patterns.recognise import Match, Recogniser, explain
from patterns.tree import Node, unparsed_nodes
from patterns.unicode_text import to_text
from reader.definitions import DefinitionIndex, extract_definitions
from reader.model import AnnotatedEquation, AnnotatedPaper, Equation, Paper, PatternHit
from reader.symbols import symbol_table


@cache
def recogniser() -> Recogniser:
    """The shipped catalogue, indexed once per process."""
    return Recogniser(default_catalogue())


def _hit(match: Match, latex: str) -> PatternHit:
    def source(node: Node) -> str:
        return latex[node.span[0] : node.span[1]].strip()

    return PatternHit(
        id=match.pattern.id,
        name=match.pattern.name,
        family=match.pattern.family,
        span=match.span,
        bindings={role: source(node) for role, node in match.bindings.items()},
        explanation=explain(match, to_text),
        demo=match.pattern.demo,
    )


def parse_equation(equation: Equation) -> tuple[Node, str | None]:
    """The tree of an equation and, when parts did not parse, why (one line)."""
    tree = parse_math(equation.latex)
    problems = unparsed_nodes(tree)
    if not problems:
        return tree, None
    reasons = "; ".join(f"{p.reason} in {p.source[:40]!r}" for p in problems[:3])
    return tree, f"could not parse part of the equation: {reasons}"


def annotate_equation(equation: Equation,
                      definitions: DefinitionIndex | None = None) -> AnnotatedEquation:
    """Parse one equation, recognise its patterns and explain its symbols; never raises on bad
    math. ``definitions`` (the paper's own, from its prose) join the glossary when given."""
    tree, parse_error = parse_equation(equation)
    matches = recogniser().find(tree)
    explanations = default_glossary().explain(tree, equation.latex, matches)
    return AnnotatedEquation(
        equation=equation,
        parsed=parse_error is None,
        error=equation.error or parse_error,
        text=to_text(tree),
        patterns=tuple(_hit(m, equation.latex) for m in matches),
        symbols=symbol_table(explanations, equation.id, definitions),
    )


def paper_definitions(paper: Paper) -> DefinitionIndex:
    """The symbol definitions the paper's prose gives, indexed by symbol and position."""
    return DefinitionIndex(paper, extract_definitions(paper))


def annotate_iter(paper: Paper) -> Iterator[AnnotatedEquation]:
    """Annotations one equation at a time, so a UI can show progress and fill in as it goes."""
    definitions = paper_definitions(paper)
    for equation in paper.equations:
        yield annotate_equation(equation, definitions)


def annotate(paper: Paper) -> AnnotatedPaper:
    """Every equation of the paper, annotated."""
    return AnnotatedPaper(paper, tuple(annotate_iter(paper)))
