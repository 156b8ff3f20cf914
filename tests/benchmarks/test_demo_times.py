"""Wall time of each demo's quick run. Informational: run with --benchmark-only; no asserts."""

from __future__ import annotations

import importlib

import pytest

from demos.registry import list_demos


@pytest.mark.parametrize("demo_id", [info.id for info in list_demos()])
def test_quick_run_time(benchmark, demo_id: str) -> None:
    info = next(i for i in list_demos() if i.id == demo_id)
    if info.needs_torch:
        pytest.importorskip("torch")
    module = importlib.import_module(f"demos.{demo_id}")
    benchmark.pedantic(module.run, kwargs={"quick": True, "seed": 0}, rounds=1, iterations=1)
