"""Gaussian maximum likelihood: the log-likelihood peaks at the sample mean and variance."""

from __future__ import annotations

import numpy as np

from demos.cli import run_main
from demos.numeric import central_difference, max_gap
from demos.result import Check, DemoInfo, DemoResult, Derivation, Plot, Series

DEMO = DemoInfo(
    id="log_likelihood",
    name="Log-likelihood of a Gaussian and its maximum",
    patterns=("log_likelihood", "gaussian"),
    roles={
        "data": "x",
        "model": "p",
        "parameters": "θ",
        "variable": "x",
        "mean": "μ",
        "variance": "σ²",
    },
    summary="""A Gaussian (bell curve) {model} says how likely each value of {variable} is, given a
    centre {mean} and a spread {variance}. The log-likelihood adds up log {model}({data}) over all
    observed points: the higher it is, the better the parameters {parameters} explain the data. We
    scan the centre, find where the log-likelihood peaks, and compare with the textbook answer (the
    sample mean) and with scipy.""",
)

TRUE_MEAN, TRUE_STD = 2.0, 1.5


def log_pdf(x: np.ndarray, mean: float, variance: float) -> np.ndarray:
    """log N(x; μ, σ²) = −½ log(2πσ²) − (x − μ)²/(2σ²)."""
    return -0.5 * np.log(2 * np.pi * variance) - (x - mean) ** 2 / (2 * variance)


def log_likelihood(data: np.ndarray, mean: float, variance: float) -> float:
    return float(np.sum(log_pdf(data, mean, variance)))


def score_mean(data: np.ndarray, mean: float, variance: float) -> float:
    """∂ℓ/∂μ = Σ (x − μ)/σ²: the constant −½ log(2πσ²) has vanished (see the derivation)."""
    return float(np.sum(data - mean) / variance)


def derivation() -> Derivation:
    import sympy

    x, mu = sympy.symbols("x μ", real=True)
    var = sympy.Symbol("σ²", positive=True)
    constant = -sympy.log(2 * sympy.pi * var) / 2
    log_density = constant - (x - mu) ** 2 / (2 * var)
    return Derivation(
        "the constant −½ log(2π{variance}) (the '+C') vanishes when we differentiate by {mean}:",
        sympy.Eq(sympy.Derivative(log_density, mu), sympy.simplify(sympy.diff(log_density, mu))),
        {"x": "variable", "μ": "mean", "σ²": "variance"},
    )


def run(quick: bool = False, seed: int = 0) -> DemoResult:
    from scipy import stats

    data = np.random.default_rng(seed).normal(TRUE_MEAN, TRUE_STD, 200 if quick else 5000)
    mle_mean, mle_var = float(data.mean()), float(data.var())  # ddof=0 is the MLE
    grid = np.linspace(0.0, 4.0, 2001 if quick else 8001)
    curve = np.array([log_likelihood(data, m, mle_var) for m in grid])
    best = float(grid[np.argmax(curve)])
    fit_mean, fit_std = stats.norm.fit(data)
    k = len(grid) // 200
    probe = np.linspace(-3, 6, 7)
    numeric = central_difference(
        lambda m: log_likelihood(data, float(m[0]), mle_var), np.array([1.3])
    )
    return DemoResult(
        numbers={
            "points": len(data),
            "argmax of the log-likelihood over the grid ({mean})": best,
            "sample mean (closed-form maximiser)": mle_mean,
            "sample variance, divided by n (closed-form {variance})": mle_var,
            "scipy.stats.norm.fit (mean, variance)": (float(fit_mean), float(fit_std**2)),
            "log-likelihood at the maximum": log_likelihood(data, mle_mean, mle_var),
        },
        checks=(
            Check("grid argmax vs sample mean", abs(best - mle_mean), float(grid[1] - grid[0])),
            Check(
                "MLE (mean, variance) vs scipy.stats.norm.fit",
                max_gap([mle_mean, mle_var], [fit_mean, fit_std**2]),
                1e-9,
            ),
            Check(
                "Gaussian density vs scipy.stats.norm.pdf",
                max_gap(np.exp(log_pdf(probe, 1.0, 2.0)), stats.norm.pdf(probe, 1.0, np.sqrt(2.0))),
                1e-12,
            ),
            Check(
                "∂ℓ/∂{mean} formula vs finite differences",
                abs(score_mean(data, 1.3, mle_var) - numeric[0]) / len(data),
                1e-7,
            ),
        ),
        plots=(
            Plot(
                "log-likelihood as the centre {mean} moves (peak at the sample mean)",
                (Series("ℓ({mean})", tuple(grid[::k]), tuple(curve[::k])),),
                x_label="{mean}",
                y_label="log-likelihood",
            ),
            _fit_plot(data, mle_mean, mle_var),
        ),
        derivations=(derivation(),),
    )


def _fit_plot(data: np.ndarray, mean: float, variance: float) -> Plot:
    counts, edges = np.histogram(data, bins=30, density=True)
    centres = (edges[:-1] + edges[1:]) / 2
    xs = np.linspace(edges[0], edges[-1], 120)
    return Plot(
        "histogram of the data and the fitted Gaussian density",
        (
            Series("histogram", tuple(centres), tuple(counts), points=True),
            Series(
                "fitted N({mean}, {variance})",
                tuple(xs),
                tuple(np.exp(log_pdf(xs, mean, variance))),
            ),
        ),
        x_label="{variable}",
        y_label="density",
    )


def main(argv: list[str] | None = None) -> int:
    return run_main(DEMO, run, argv)


if __name__ == "__main__":
    raise SystemExit(main())
