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


EXTRA_INFO = pytest.StashKey[list[tuple[str, dict]]]()
"""Each benchmark's ``extra_info`` (equations/s, MB, ratios), kept for the terminal summary."""


@pytest.fixture(autouse=True)
def _keep_extra_info(request: pytest.FixtureRequest):
    """pytest-benchmark's table shows times only, and the figures that matter here (throughput,
    peak MB, the LaTeXML ratio) live in ``extra_info``: keep them so the run prints them too."""
    yield
    bench = request.node.funcargs.get("benchmark")
    if bench is not None and bench.extra_info:
        kept = request.config.stash.setdefault(EXTRA_INFO, [])
        kept.append((request.node.name, dict(bench.extra_info)))


@pytest.hookimpl(trylast=True)
def pytest_terminal_summary(terminalreporter, config: pytest.Config) -> None:
    kept = config.stash.get(EXTRA_INFO, [])
    if kept:
        terminalreporter.section("benchmark extra_info")
    for name, info in kept:
        figures = ", ".join(f"{key}={value}" for key, value in info.items())
        terminalreporter.write_line(f"{name}: {figures}")
