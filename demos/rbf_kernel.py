"""Kernel ridge regression with an RBF kernel, checked against sklearn's KernelRidge."""

from __future__ import annotations

import numpy as np

from demos.cli import run_main
from demos.numeric import max_gap
from demos.result import Check, DemoInfo, DemoResult, Plot, Series

DEMO = DemoInfo(
    id="rbf_kernel",
    name="The RBF kernel: similarity that fades with distance",
    patterns=("rbf_kernel",),
    roles={"x": "x", "x_prime": "x′", "lengthscale": "ℓ"},
    summary="""The RBF kernel k({x}, {x_prime}) = exp(−({x} − {x_prime})² / (2{lengthscale}²))
    scores how similar two points are: 1 when they coincide, fading to 0 as they move apart, with
    {lengthscale} setting how far "near" reaches. Kernel ridge regression predicts a new point as a
    similarity-weighted blend of the training points. We build it from the kernel up and compare
    with sklearn's KernelRidge.""",
)

LENGTHSCALES = (0.2, 0.6, 2.0)
PENALTY = 0.1


def rbf(a: np.ndarray, b: np.ndarray, lengthscale: float) -> np.ndarray:
    squared = (a[:, None] - b[None, :]) ** 2
    return np.exp(-squared / (2 * lengthscale**2))


def fit_predict(x: np.ndarray, y: np.ndarray, grid: np.ndarray, lengthscale: float) -> np.ndarray:
    """Solve (K + λI) a = y, then predict k(grid, x) a."""
    coefficients = np.linalg.solve(rbf(x, x, lengthscale) + PENALTY * np.eye(len(x)), y)
    return rbf(grid, x, lengthscale) @ coefficients


def run(quick: bool = False, seed: int = 0) -> DemoResult:
    from sklearn.kernel_ridge import KernelRidge
    from sklearn.metrics.pairwise import rbf_kernel

    rng = np.random.default_rng(seed)
    x = np.sort(rng.uniform(-3, 3, 30 if quick else 120))
    y = np.sin(2 * x) + rng.normal(0, 0.2, x.size)
    grid = np.linspace(-3, 3, 80 if quick else 300)
    fits = {ell: fit_predict(x, y, grid, ell) for ell in LENGTHSCALES}
    gammas = {ell: 1 / (2 * ell**2) for ell in LENGTHSCALES}
    refs = {
        ell: KernelRidge(alpha=PENALTY, kernel="rbf", gamma=gammas[ell])
        .fit(x[:, None], y)
        .predict(grid[:, None])
        for ell in LENGTHSCALES
    }
    errors = {
        ell: float(np.sqrt(np.mean((fits[ell] - np.sin(2 * grid)) ** 2))) for ell in LENGTHSCALES
    }
    distances = np.linspace(0, 3, 60)
    return DemoResult(
        numbers={
            f"{{lengthscale}} = {ell}: error vs the true curve": e for ell, e in errors.items()
        }
        | {"k({x}, {x}) (a point with itself)": float(rbf(x[:1], x[:1], 0.6)[0, 0])},
        checks=(
            Check(
                "kernel matrix vs sklearn rbf_kernel",
                max_gap(rbf(x, x, 0.6), rbf_kernel(x[:, None], gamma=gammas[0.6])),
                1e-12,
            ),
            Check(
                "predictions vs sklearn KernelRidge",
                max(max_gap(fits[ell], refs[ell]) for ell in LENGTHSCALES),
                1e-8,
            ),
        ),
        plots=(
            Plot(
                "k({x}, {x_prime}) against the distance |{x} − {x_prime}|",
                tuple(
                    Series(
                        f"{{lengthscale}}={ell}",
                        tuple(distances),
                        tuple(np.exp(-(distances**2) / (2 * ell**2))),
                    )
                    for ell in LENGTHSCALES
                ),
                x_label="distance",
                y_label="similarity",
            ),
            Plot(
                "kernel ridge fits: too short, about right, too long a {lengthscale}",
                (Series("data", tuple(x), tuple(y), True),)
                + tuple(
                    Series(f"{{lengthscale}}={ell}", tuple(grid), tuple(fits[ell]))
                    for ell in LENGTHSCALES
                ),
                x_label="{x}",
                y_label="prediction",
            ),
        ),
        notes=(
            "A short {lengthscale} chases the noise; a long one cannot bend to follow the wave.",
        ),
    )


def main(argv: list[str] | None = None) -> int:
    return run_main(DEMO, run, argv)


if __name__ == "__main__":
    raise SystemExit(main())
