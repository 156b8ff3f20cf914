"""What a demo declares about itself and what its pure ``run()`` returns.

Kept free of printing so tests and the reader can inspect the numbers a demo computed without
parsing its text output.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class DemoInfo:
    """Module-level metadata (``DEMO = DemoInfo(...)``) read by the registry without running."""

    id: str
    """Equals the module name, so ``python -m demos.<id>`` runs it."""
    name: str
    """One-line title shown in listings and as the first output line."""
    patterns: tuple[str, ...]
    """Catalogue pattern ids this demo illustrates."""
    roles: dict[str, str] = field(default_factory=dict)
    """Role name -> default symbol; ``--bindings`` replaces the symbol with the paper's."""
    summary: str = ""
    """2–4 plain sentences with ``{role}`` placeholders, printed before the work starts."""
    needs_torch: bool = False
    """True when the demo cannot run without the optional ``eqlens[torch]`` extra."""


@dataclass(frozen=True, slots=True)
class Check:
    """A comparison against a trusted reference; the measured gap is what gets printed."""

    label: str
    """What was compared, e.g. ``slope vs sklearn LinearRegression``."""
    gap: float
    """Measured disagreement (absolute, or in ``unit`` when given)."""
    tolerance: float
    """Largest gap that still counts as agreement."""
    unit: str = ""
    """Unit of ``gap`` when it is not a plain absolute difference (e.g. ``standard errors``)."""

    @property
    def passed(self) -> bool:
        """NaN gaps fail, which is what we want for a diverged fit."""
        return bool(self.gap <= self.tolerance)


@dataclass(frozen=True, slots=True)
class Series:
    """One curve or point cloud of a terminal plot."""

    label: str
    x: tuple[float, ...]
    y: tuple[float, ...]
    points: bool = False
    """Draw unconnected points (scatter) instead of a connected line."""


@dataclass(frozen=True, slots=True)
class Plot:
    """A titled set of series drawn by :mod:`demos.plot`."""

    title: str
    series: tuple[Series, ...]
    x_label: str = "x"
    y_label: str = "y"
    log_x: bool = False
    """Plot log10 of x (ticks still show the original values): for steps or sample counts."""
    log_y: bool = False
    """Plot log10 of y: for losses and errors spanning several orders of magnitude."""


@dataclass(frozen=True, slots=True)
class Derivation:
    """A symbolic result kept as a sympy expression so the printout can rename its symbols."""

    title: str
    expr: Any
    """A sympy expression (usually ``Eq``); pretty-printed only when rendered."""
    symbol_roles: dict[str, str] = field(default_factory=dict)
    """Sympy symbol name -> role name, so bound roles show the paper's symbols."""


@dataclass(frozen=True, slots=True)
class DemoResult:
    """Everything a demo computed: numbers, plot series, symbolic results and self-checks."""

    numbers: dict[str, float | tuple[float, ...]]
    """Label (may contain ``{role}`` placeholders) -> value, in print order."""
    checks: tuple[Check, ...]
    plots: tuple[Plot, ...] = ()
    derivations: tuple[Derivation, ...] = ()
    notes: tuple[str, ...] = ()
    """Plain sentences (with placeholders) printed after the numbers."""

    @property
    def ok(self) -> bool:
        return all(check.passed for check in self.checks)

    def check(self, prefix: str) -> Check:
        """The first check whose label starts with ``prefix`` (tests look checks up by name)."""
        for candidate in self.checks:
            if candidate.label.startswith(prefix):
                return candidate
        raise KeyError(prefix)
