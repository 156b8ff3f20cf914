"""The reparameterisation trick vs the score-function estimator: same gradient, far less noise."""

from __future__ import annotations

import numpy as np

from demos.cli import run_main
from demos.numeric import log_spaced_indices, running_mean, standard_errors_off
from demos.result import Check, DemoInfo, DemoResult, Plot, Series

DEMO = DemoInfo(
    id="reparameterization",
    name="The reparameterisation trick",
    patterns=("reparameterization",),
    roles={"latent": "z", "mean": "μ", "std": "σ", "noise": "ε"},
    summary="""We want the slope of an average E[f({latent})] with respect to the {mean} of the
    bell curve {latent} is drawn from. The trick writes {latent} = {mean} + {std}·{noise} with
    {noise} drawn from a fixed N(0, 1), so the randomness no longer depends on {mean} and we can
    differentiate through each draw. The older score-function estimator gets the same answer on
    average, but each draw is much noisier.""",
)

MEAN, STD = 1.0, 0.5


def f(z: np.ndarray) -> np.ndarray:
    return z**2


def f_prime(z: np.ndarray) -> np.ndarray:
    return 2 * z


def estimators(noise: np.ndarray) -> dict[str, np.ndarray]:
    """Per-draw gradient estimates for ∂/∂μ and ∂/∂σ of E[f(z)], z = μ + σε."""
    z = MEAN + STD * noise
    return {
        "reparam ∂/∂{mean}": f_prime(z),
        "reparam ∂/∂{std}": f_prime(z) * noise,
        "score ∂/∂{mean}": f(z) * (z - MEAN) / STD**2,
        "score ∂/∂{std}": f(z) * ((z - MEAN) ** 2 / STD**3 - 1 / STD),
    }


def run(quick: bool = False, seed: int = 0) -> DemoResult:
    n = 20_000 if quick else 400_000
    draws = estimators(np.random.default_rng(seed).standard_normal(n))
    exact = {"{mean}": 2 * MEAN, "{std}": 2 * STD}  # d/dμ and d/dσ of μ² + σ²
    numbers: dict[str, float | tuple[float, ...]] = {"draws": n}
    numbers |= {f"exact ∂E[f]/∂{k}  (f({{latent}}) = {{latent}}²)": v for k, v in exact.items()}
    for name, values in draws.items():
        numbers[f"{name}: mean, variance per draw"] = (float(values.mean()), float(values.var()))
    ratio = draws["score ∂/∂{mean}"].var() / draws["reparam ∂/∂{mean}"].var()
    numbers["variance ratio score / reparam for ∂/∂{mean}"] = float(ratio)
    return DemoResult(
        numbers=numbers,
        checks=tuple(
            Check(
                f"{name} vs exact",
                standard_errors_off(values, exact[name[name.index("{") :]]),
                3.0,
                unit="standard errors",
            )
            for name, values in draws.items()
        ),
        plots=(_convergence(draws, exact["{mean}"]),),
        notes=(
            f"Both are unbiased, but the score-function estimate needs about {ratio:.0f}× as "
            "many draws for the same accuracy here.",
        ),
    )


def _convergence(draws: dict[str, np.ndarray], exact: float) -> Plot:
    idx = log_spaced_indices(draws["reparam ∂/∂{mean}"].size)
    counts = tuple(float(i + 1) for i in idx)
    return Plot(
        "running estimates of ∂E[f]/∂{mean} as draws accumulate",
        (
            Series("reparameterised", counts, tuple(running_mean(draws["reparam ∂/∂{mean}"])[idx])),
            Series("score function", counts, tuple(running_mean(draws["score ∂/∂{mean}"])[idx])),
            Series("exact", counts, (exact,) * len(idx)),
        ),
        x_label="draws",
        y_label="gradient estimate",
        log_x=True,
    )


def main(argv: list[str] | None = None) -> int:
    return run_main(DEMO, run, argv)


if __name__ == "__main__":
    raise SystemExit(main())
