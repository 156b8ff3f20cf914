"""Standardisation as in batch normalisation, checked against sklearn StandardScaler and scipy."""

from __future__ import annotations

import numpy as np

from demos.cli import run_main
from demos.numeric import max_gap
from demos.result import Check, DemoInfo, DemoResult, Plot, Series

DEMO = DemoInfo(
    id="standardization",
    name="Standardisation (batch normalisation)",
    patterns=("standardization",),
    roles={"input": "x", "mean": "μ", "std": "σ", "epsilon": "ε"},
    summary="""Standardising subtracts the average {mean} and divides by the spread: ({input} −
    {mean}) / √({std}² + {epsilon}). Every feature then has mean 0 and spread 1, whatever units it
    came in, which keeps a network's layers on a common scale (batch normalisation does this per
    mini-batch). The small {epsilon} keeps a feature that never changes from causing a division by
    zero.""",
)

EPSILON = 1e-5


def batch_norm(batch: np.ndarray, epsilon: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per-feature (column) statistics over the batch, divided-by-n variance as in batch norm."""
    mean = batch.mean(axis=0)
    var = ((batch - mean) ** 2).mean(axis=0)
    return (batch - mean) / np.sqrt(var + epsilon), mean, var


def run(quick: bool = False, seed: int = 0) -> DemoResult:
    from scipy.stats import zscore
    from sklearn.preprocessing import StandardScaler

    rng = np.random.default_rng(seed)
    n = 64 if quick else 4096
    batch = np.column_stack([rng.normal(50, 10, n), rng.exponential(0.1, n), np.full(n, 3.0)])
    normed, mean, var = batch_norm(batch, EPSILON)
    exact, _, _ = batch_norm(batch[:, :2], 0.0)
    sk = StandardScaler().fit_transform(batch[:, :2])
    counts, edges = np.histogram(batch[:, 0], bins=25)
    counts_n, edges_n = np.histogram(normed[:, 0], bins=25)
    return DemoResult(
        numbers={
            "batch size": n,
            "{mean} per feature (before)": tuple(float(v) for v in mean),
            "{std} per feature (before)": tuple(float(v) for v in np.sqrt(var)),
            "{mean} per feature (after)": tuple(
                float(v) + 0.0 for v in np.round(normed.mean(0), 12)
            ),
            "{std} per feature (after)": tuple(float(v) for v in normed.std(0)),
        },
        checks=(
            Check("{epsilon} = 0 vs sklearn StandardScaler", max_gap(exact, sk), 1e-10),
            Check(
                "{epsilon} = 0 vs scipy.stats.zscore", max_gap(exact, zscore(batch[:, :2])), 1e-10
            ),
            Check(
                "constant feature stays finite (max |output|)",
                float(np.abs(normed[:, 2]).max()),
                0.0,
            ),
        ),
        plots=(
            Plot(
                "feature 1 before: histogram of {input}",
                (
                    Series(
                        "count", tuple((edges[:-1] + edges[1:]) / 2), tuple(counts.astype(float))
                    ),
                ),
                x_label="{input}",
                y_label="count",
            ),
            Plot(
                "feature 1 after: same shape, centred at 0 with spread 1",
                (
                    Series(
                        "count",
                        tuple((edges_n[:-1] + edges_n[1:]) / 2),
                        tuple(counts_n.astype(float)),
                    ),
                ),
                x_label="standardised {input}",
                y_label="count",
            ),
        ),
        notes=(
            "Feature 3 never changes: with {epsilon} it becomes 0 instead of 0/0. {epsilon} barely "
            f"touches the others: feature 2's spread after is {float(normed[:, 1].std()):.5f}.",
        ),
    )


def main(argv: list[str] | None = None) -> int:
    return run_main(DEMO, run, argv)


if __name__ == "__main__":
    raise SystemExit(main())
