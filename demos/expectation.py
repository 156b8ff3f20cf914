"""Monte Carlo averages converging to the closed-form expectation and variance."""

from __future__ import annotations

import numpy as np

from demos.cli import run_main
from demos.numeric import log_spaced_indices, running_mean, standard_errors_off
from demos.result import Check, DemoInfo, DemoResult, Plot, Series

DEMO = DemoInfo(
    id="expectation",
    name="An expectation is a long-run average (Monte Carlo)",
    patterns=("expectation", "variance"),
    roles={"variable": "X", "distribution": "p", "function": "f"},
    summary="""An expectation E[{function}({variable})] is the average value of
    {function}({variable}) if we could draw {variable} from {distribution} forever. We draw
    {variable} from a bell curve with mean 1 and spread 2, average {function}({variable}) =
    {variable}² over more and more draws, and watch the average settle on the exact answer μ² + σ²
    = 5. The variance is the same idea applied to the squared distance from the mean.""",
)

MEAN, STD = 1.0, 2.0


def run(quick: bool = False, seed: int = 0) -> DemoResult:
    from scipy import stats

    n = 20_000 if quick else 400_000
    draws = np.random.default_rng(seed).normal(MEAN, STD, n)
    values = draws**2
    exact = MEAN**2 + STD**2
    by_quadrature = stats.norm(MEAN, STD).expect(lambda x: x**2)
    sample_var = float(draws.var(ddof=1))
    var_se = STD**2 * np.sqrt(2.0 / (n - 1))  # standard error of s² for a Gaussian
    identity = float(np.mean(draws**2) - np.mean(draws) ** 2)
    return DemoResult(
        numbers={
            "draws of {variable}": n,
            "Monte Carlo E[{function}({variable})]": float(values.mean()),
            "closed form μ² + σ²": exact,
            "scipy quadrature ∫ {function}(x) {distribution}(x) dx": float(by_quadrature),
            "standard error of the Monte Carlo mean": float(values.std(ddof=1) / np.sqrt(n)),
            "sample Var[{variable}]": sample_var,
            "closed form σ²": STD**2,
        },
        checks=(
            Check(
                "Monte Carlo mean vs closed form",
                standard_errors_off(values, exact),
                3.0,
                unit="standard errors",
            ),
            Check("scipy.stats quadrature vs closed form", abs(by_quadrature - exact), 1e-8),
            Check(
                "sample variance vs σ²", abs(sample_var - STD**2) / var_se, 3.0, "standard errors"
            ),
            Check(
                "E[{variable}²] − E[{variable}]² vs numpy var",
                abs(identity - float(draws.var())),
                1e-9,
            ),
        ),
        plots=(_convergence_plot(values, exact),),
        notes=(
            "The error shrinks like 1/√n: a hundred times more draws buy one more correct digit.",
        ),
    )


def _convergence_plot(values: np.ndarray, exact: float) -> Plot:
    idx = log_spaced_indices(values.size)
    error = np.abs(running_mean(values)[idx] - exact)
    counts = idx + 1.0
    one_over_root_n = values.std() / np.sqrt(counts)
    return Plot(
        "|Monte Carlo average − exact| as draws accumulate",
        (
            Series("error", tuple(counts), tuple(error)),
            Series("σ_f/√n", tuple(counts), tuple(one_over_root_n)),
        ),
        x_label="draws n",
        y_label="absolute error",
        log_x=True,
        log_y=True,
    )


def main(argv: list[str] | None = None) -> int:
    return run_main(DEMO, run, argv)


if __name__ == "__main__":
    raise SystemExit(main())
