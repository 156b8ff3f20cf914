"""Turn a :class:`DemoResult` into plain text lines, in the paper's notation.

Printing is kept apart from ``run()`` so the numbers stay testable and the same text can be
streamed by ``python -m demos.X`` or shown by the reader.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Iterator

from demos.notation import Notation
from demos.plot import render_plot
from demos.result import Check, DemoInfo, DemoResult, Derivation

WRAP = 78
_GREEN, _RED, _RESET = "\x1b[32m", "\x1b[31m", "\x1b[0m"


def header_lines(info: DemoInfo, notation: Notation) -> list[str]:
    """Title and plain-words summary, printed before the (possibly slow) work starts."""
    lines = [notation.fill(info.name), "=" * min(len(info.name), WRAP)]
    lines += textwrap.wrap(
        notation.fill(" ".join(info.summary.split())), WRAP, break_on_hyphens=False
    )
    if notation.ignored:
        lines.append(f"(ignored unknown role names in --bindings: {', '.join(notation.ignored)})")
    return lines + [""]


def body_lines(
    info: DemoInfo, result: DemoResult, notation: Notation, colour: bool = False
) -> Iterator[str]:
    """Numbers, notes, derivations, plots and checks, in that order."""
    yield from _number_lines(result, notation)
    for note in result.notes:
        yield ""
        yield from textwrap.wrap(notation.fill(note), WRAP)
    for derivation in result.derivations:
        yield ""
        yield from _derivation_lines(derivation, notation, info.roles)
    for plot in result.plots:
        yield ""
        yield from render_plot(_fill_plot(plot, notation))
    yield ""
    for check in result.checks:
        for piece in textwrap.wrap(_check_line(check, notation), WRAP, subsequent_indent="    "):
            yield _paint(piece, check.passed, colour)
    verdict = "all self-checks passed" if result.ok else "SELF-CHECK FAILED"
    yield _paint(verdict, result.ok, colour)


def format_value(value: float | tuple[float, ...]) -> str:
    if isinstance(value, tuple):
        return "(" + ", ".join(_short(v) for v in value) + ")"
    if float(value).is_integer() and abs(value) < 1e9:
        return str(int(value))
    return f"{value:.6g}"


def _short(value: float) -> str:
    """Vector entries get 4 significant digits so a vector fits on a line."""
    return str(int(value)) if float(value).is_integer() and abs(value) < 1e9 else f"{value:.4g}"


def format_gap(gap: float) -> str:
    """Gaps span 1e-16..1, so use a short scientific form: ``3e-09`` -> ``3e-9``."""
    if math.isnan(gap):
        return "nan"
    if gap == 0:
        return "0"
    if 1e-3 <= abs(gap) < 1e3:
        return f"{gap:.3g}"
    mantissa, exponent = f"{gap:.1e}".split("e")
    return f"{mantissa.rstrip('0').rstrip('.')}e{int(exponent)}"


def _number_lines(result: DemoResult, notation: Notation) -> Iterator[str]:
    labels = [notation.fill(label) for label in result.numbers]
    width = min(max((len(label) for label in labels), default=0), 48)
    for label, value in zip(labels, result.numbers.values(), strict=True):
        text = format_value(value)
        if len(label) > width or width + len(text) + 4 > WRAP:
            yield f"  {label}"
            yield f"  {'':<4}{text}"
        else:
            yield f"  {label:<{width}}  {text}"


def _derivation_lines(
    derivation: Derivation, notation: Notation, defaults: dict[str, str]
) -> Iterator[str]:
    import sympy

    bound = notation.bound_roles(defaults)
    swaps = {
        sympy.Symbol(name): sympy.Symbol(bound[role])
        for name, role in derivation.symbol_roles.items()
        if role in bound
    }
    expr = derivation.expr.xreplace(swaps) if swaps else derivation.expr
    yield notation.fill(derivation.title)
    for line in sympy.pretty(expr, use_unicode=True, num_columns=WRAP).splitlines():
        yield "    " + line.rstrip()


def _fill_plot(plot, notation: Notation):
    from dataclasses import replace

    series = tuple(replace(s, label=notation.fill(s.label)) for s in plot.series)
    return replace(
        plot,
        title=notation.fill(plot.title),
        x_label=notation.fill(plot.x_label),
        y_label=notation.fill(plot.y_label),
        series=series,
    )


def _check_line(check: Check, notation: Notation) -> str:
    unit = f" {check.unit}" if check.unit else ""
    mark = "✓" if check.passed else "✗"
    verb = "matches" if check.passed else "DOES NOT match"
    text = (
        f"{mark} {notation.fill(check.label)}: {verb} to {format_gap(check.gap)}{unit}"
        f" (tolerance {format_gap(check.tolerance)})"
    )
    return text


def _paint(text: str, good: bool, colour: bool) -> str:
    if not colour:
        return text
    return f"{_GREEN if good else _RED}{text}{_RESET}"
