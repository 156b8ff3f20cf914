"""Benchmarks run only when asked: ``pytest tests/benchmarks --benchmark-only``.

The default run (addopts: ``--benchmark-disable``) still imports them, so they cannot rot, but
skips the timing work; numbers are informational, never asserted.
"""

from __future__ import annotations

from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("benchmark_only", False) and not config.getoption(
        "benchmark_disable", False
    ):
        return
    skip = pytest.mark.skip(reason="benchmark: run with --benchmark-only -p no:randomly")
    for item in items:
        if "benchmarks" in str(item.fspath):
            item.add_marker(skip)


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is absent")
    return CORPUS
