"""Find demo modules and their metadata without running or even importing them.

A demo module is any module of this package with a module-level ``DEMO = DemoInfo(...)``. Adding a
demo therefore means adding one file; nothing here needs editing. The metadata is read from the
module's source (its arguments are literals), because importing 21 demos imports numpy and
scikit-learn: 0.3 s and ~20 MB for a reader that only shows their names.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import sys
from functools import cache
from pathlib import Path

import demos
from demos.result import DemoInfo

SHARED_MODULES = frozenset({"cli", "notation", "numeric", "plot", "registry", "report", "result"})


@cache
def _demo_infos() -> tuple[DemoInfo, ...]:
    names = sorted(
        info.name
        for info in pkgutil.iter_modules(demos.__path__)
        if not info.ispkg and info.name not in SHARED_MODULES and not info.name.startswith("_")
    )
    found = (_declared_demo(name) for name in names)
    return tuple(info for info in found if info is not None)


def _declared_demo(name: str) -> DemoInfo | None:
    """The module's ``DEMO``, read from its source; imported only if it is not a literal."""
    path = Path(demos.__path__[0]) / f"{name}.py"
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if (isinstance(node, ast.Assign) and [getattr(t, "id", None) for t in node.targets]
                == ["DEMO"] and isinstance(node.value, ast.Call)
                and getattr(node.value.func, "id", None) == "DemoInfo"):
            try:
                return DemoInfo(*map(ast.literal_eval, node.value.args),
                                **{k.arg: ast.literal_eval(k.value) for k in node.value.keywords
                                   if k.arg is not None})
            except ValueError:
                break
    declared = getattr(importlib.import_module(f"demos.{name}"), "DEMO", None)
    return declared if isinstance(declared, DemoInfo) else None


def list_demos() -> list[DemoInfo]:
    """Every demo's metadata, sorted by id."""
    return list(_demo_infos())


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
