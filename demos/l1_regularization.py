"""Lasso by coordinate descent: an L1 penalty sets weights exactly to zero; vs sklearn Lasso."""

from __future__ import annotations

import numpy as np

from demos.cli import run_main
from demos.numeric import max_gap
from demos.result import Check, DemoInfo, DemoResult, Plot, Series

DEMO = DemoInfo(
    id="l1_regularization",
    name="L1 regularisation (lasso): weights that switch off",
    patterns=("l1_regularization",),
    roles={"strength": "λ", "weights": "w"},
    summary="""Adding {strength}·‖{weights}‖₁ (the sum of absolute weights) to a squared-error loss
    also pulls weights toward zero, but unlike the squared (L2) penalty it pushes them all the way:
    unhelpful features get a weight of exactly 0. We solve the lasso one weight at a time by "soft
    thresholding" and compare with sklearn's Lasso along a range of {strength}.""",
)

TRUE_WEIGHTS = np.array([3.0, -2.0, 0.0, 0.0, 1.5, 0.0, 0.0, 0.5])


def make_data(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, TRUE_WEIGHTS.size))
    return x, x @ TRUE_WEIGHTS + rng.normal(0, 1.0, n)


def soft_threshold(value: float, cut: float) -> float:
    """Shrink toward zero by ``cut`` and stop at zero: where the exact zeros come from."""
    return float(np.sign(value) * max(abs(value) - cut, 0.0))


def lasso(
    x: np.ndarray, y: np.ndarray, strength: float, sweeps: int, start: np.ndarray
) -> np.ndarray:
    """Minimise ‖y − Xw‖²/(2n) + λ‖w‖₁ (sklearn's scaling), one coordinate at a time."""
    n = len(x)
    w, residual = start.copy(), y - x @ start
    col_sq = np.sum(x**2, axis=0) / n
    for _ in range(sweeps):
        for j in range(x.shape[1]):
            residual += x[:, j] * w[j]
            w[j] = soft_threshold(x[:, j] @ residual / n, strength) / col_sq[j]
            residual -= x[:, j] * w[j]
    return w


def lasso_path(x: np.ndarray, y: np.ndarray, strengths: np.ndarray, sweeps: int) -> np.ndarray:
    """Warm-start each solve from the previous one, as path algorithms do."""
    w, path = np.zeros(x.shape[1]), []
    for strength in strengths:
        w = lasso(x, y, strength, sweeps, w)
        path.append(w)
    return np.array(path)


def run(quick: bool = False, seed: int = 0) -> DemoResult:
    from sklearn.linear_model import Lasso

    x, y = make_data(60 if quick else 600, seed)
    strengths = np.geomspace(3.0, 1e-3, 12 if quick else 40)
    path = lasso_path(x, y, strengths, sweeps=200 if quick else 400)
    reference = np.array(
        [
            Lasso(alpha=s, fit_intercept=False, tol=1e-12, max_iter=100_000).fit(x, y).coef_
            for s in strengths
        ]
    )
    nonzero = np.sum(path != 0, axis=1)
    middle = len(strengths) // 2
    return DemoResult(
        numbers={
            "points, features": (len(x), x.shape[1]),
            "true {weights}": tuple(float(v) for v in TRUE_WEIGHTS),
            f"{{weights}} at {{strength}} = {strengths[middle]:.3g}": tuple(
                float(v) for v in path[middle]
            ),
            "non-zero weights, largest → smallest {strength}": (int(nonzero[0]), int(nonzero[-1])),
        },
        checks=(
            Check("lasso path vs sklearn Lasso", max_gap(path, reference), 1e-7),
            Check(
                "zero pattern vs sklearn Lasso (disagreeing entries)",
                float(np.sum((path != 0) != (np.abs(reference) > 0))),
                0.0,
            ),
        ),
        plots=(
            Plot(
                "how many weights are non-zero as {strength} shrinks",
                (Series("non-zero", tuple(strengths), tuple(float(v) for v in nonzero)),),
                x_label="{strength}",
                y_label="count",
                log_x=True,
            ),
            Plot(
                "lasso path: weights leave zero one at a time",
                tuple(
                    Series(f"{{weights}}{j + 1}", tuple(strengths), tuple(path[:, j]))
                    for j in range(0, path.shape[1], 2 if quick else 1)
                    if j < 6
                ),
                x_label="{strength}",
                y_label="weight",
                log_x=True,
            ),
        ),
    )


def main(argv: list[str] | None = None) -> int:
    return run_main(DEMO, run, argv)


if __name__ == "__main__":
    raise SystemExit(main())
