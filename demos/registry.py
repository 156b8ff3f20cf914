"""Find demo modules and their metadata without running them (or importing torch/sklearn).

A demo module is any module of this package with a module-level ``DEMO = DemoInfo(...)``. Adding a
demo therefore means adding one file; nothing here needs editing.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from functools import cache
from types import ModuleType

import demos
from demos.result import DemoInfo

SHARED_MODULES = frozenset({"cli", "notation", "numeric", "plot", "registry", "report", "result"})


@cache
def _demo_modules() -> tuple[ModuleType, ...]:
    names = sorted(
        info.name
        for info in pkgutil.iter_modules(demos.__path__)
        if not info.ispkg and info.name not in SHARED_MODULES and not info.name.startswith("_")
    )
    modules = (importlib.import_module(f"demos.{name}") for name in names)
    return tuple(
        module for module in modules if isinstance(getattr(module, "DEMO", None), DemoInfo)
    )


def list_demos() -> list[DemoInfo]:
    """Every demo's metadata, sorted by id."""
    return [module.DEMO for module in _demo_modules()]


def demo_for_pattern(pattern_id: str) -> DemoInfo | None:
    """The demo that illustrates ``pattern_id`` (each pattern has at most one)."""
    for info in list_demos():
        if pattern_id in info.patterns:
            return info
    return None


def run_module_main(demo_id: str, argv: list[str] | None = None) -> int:
    """Run a demo's ``main`` in this process; unknown ids are a usage error (exit 2)."""
    ids = {info.id for info in list_demos()}
    if demo_id not in ids:
        print(f"error: no demo named {demo_id!r}", file=sys.stderr, flush=True)
        return 2
    module = importlib.import_module(f"demos.{demo_id}")
    return module.main(argv)
