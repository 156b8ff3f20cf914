"""The shell command that runs a pattern's demo with the paper's own symbols.

An export is read away from the reader, so instead of a ``d`` key it prints the command a reader
can paste: ``eqlens demo squared_error --bindings '{"target": "ε", ...}'``. The bindings are the
paper's sub-expressions as readable Unicode, the way the reader's demo panel passes them.
"""

from __future__ import annotations

import json
import shlex
from functools import cache

from patterns.parser import parse_math
from patterns.tree import unparsed_nodes
from patterns.unicode_text import to_text
from reader.model import AnnotatedEquation, PatternHit


def readable_math(latex: str) -> str:
    """``\\epsilon_\\theta(x_t, t)`` as ``ε_θ(xₜ, t)``; the LaTeX itself when it does not parse."""
    try:
        tree = parse_math(latex)
        return latex if unparsed_nodes(tree) else to_text(tree)
    except Exception:  # noqa: BLE001 - one odd binding must not stop an export
        return latex


@cache
def demo_for(pattern_id: str) -> str | None:
    """The id of the demo that illustrates a pattern (the registry decides, as in the reader)."""
    from demos.registry import demo_for_pattern

    info = demo_for_pattern(pattern_id)
    return info.id if info is not None else None


def demo_command(hit: PatternHit) -> str | None:
    """The command for this pattern's demo, or None when no demo illustrates it yet."""
    demo_id = demo_for(hit.id)
    if demo_id is None:
        return None
    command = f"eqlens demo {demo_id}"
    if not hit.bindings:
        return command
    readable = {role: readable_math(latex) for role, latex in hit.bindings.items()}
    return f"{command} --bindings {shlex.quote(json.dumps(readable, ensure_ascii=False))}"


def demo_commands(item: AnnotatedEquation) -> list[tuple[PatternHit, str | None]]:
    """Each distinct pattern with its command. A pattern found twice with the same words (the
    variance inside a variance formula) is listed once, and a command already given for an
    earlier pattern of the equation is None, so a reader is not offered the same demo twice."""
    seen: set[str] = set()
    said: set[tuple[str, str]] = set()
    out: list[tuple[PatternHit, str | None]] = []
    for hit in item.patterns:
        if (hit.id, hit.explanation) in said:
            continue
        said.add((hit.id, hit.explanation))
        command = demo_command(hit)
        out.append((hit, command if command not in seen else None))
        if command:
            seen.add(command)
    return out
