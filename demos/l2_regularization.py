"""Ridge regression: an L2 penalty shrinks the weights smoothly; checked against sklearn Ridge."""

from __future__ import annotations

import numpy as np

from demos.cli import run_main
from demos.numeric import max_gap
from demos.result import Check, DemoInfo, DemoResult, Plot, Series

DEMO = DemoInfo(
    id="l2_regularization",
    name="L2 regularisation (ridge): shrinking the weights",
    patterns=("l2_regularization",),
    roles={"strength": "λ", "weights": "w"},
    summary="""Adding {strength}·‖{weights}‖² to a squared-error loss charges the model for large
    weights. The bigger {strength}, the more every weight is pulled toward zero, smoothly and
    without ever reaching it. We solve the penalised problem exactly for many values of {strength}
    (the ridge path) and compare each solution with sklearn's Ridge.""",
)

TRUE_WEIGHTS = np.array([3.0, -2.0, 0.0, 1.0, 0.5])


def make_data(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, TRUE_WEIGHTS.size))
    x[:, 1] += 0.8 * x[:, 0]  # correlated features make the path interesting
    return x, x @ TRUE_WEIGHTS + rng.normal(0, 1.0, n)


def ridge(x: np.ndarray, y: np.ndarray, strength: float) -> np.ndarray:
    """Set the gradient of ‖y − Xw‖² + λ‖w‖² to zero: (XᵀX + λI) w = Xᵀy."""
    return np.linalg.solve(x.T @ x + strength * np.eye(x.shape[1]), x.T @ y)


def run(quick: bool = False, seed: int = 0) -> DemoResult:
    from sklearn.linear_model import Ridge

    x, y = make_data(50 if quick else 500, seed)
    strengths = np.geomspace(1e-2, 1e5, 15 if quick else 60)
    path = np.array([ridge(x, y, s) for s in strengths])
    reference = np.array(
        [Ridge(alpha=s, fit_intercept=False, solver="cholesky").fit(x, y).coef_ for s in strengths]
    )
    norms = np.linalg.norm(path, axis=1)
    return DemoResult(
        numbers={
            "points, features": (len(x), x.shape[1]),
            "{weights} at the smallest {strength}": tuple(float(v) for v in path[0]),
            "{weights} at the largest {strength}": tuple(float(v) for v in path[-1]),
            "‖{weights}‖ smallest → largest {strength}": (float(norms[0]), float(norms[-1])),
            "weights exactly zero anywhere on the path": int(np.sum(path == 0)),
        },
        checks=(
            Check("ridge path vs sklearn Ridge", max_gap(path, reference), 1e-8),
            Check(
                "‖{weights}‖ shrinks as {strength} grows (largest increase)",
                max(float(np.max(np.diff(norms))), 0.0),
                1e-12,
            ),
        ),
        plots=(
            Plot(
                "ridge path: each weight against the strength {strength}",
                tuple(
                    Series(f"{{weights}}{j + 1}", tuple(strengths), tuple(path[:, j]))
                    for j in range(path.shape[1])
                ),
                x_label="{strength}",
                y_label="weight",
                log_x=True,
            ),
        ),
        notes=("Ridge never sets a weight exactly to zero; compare the L1 (lasso) demo.",),
    )


def main(argv: list[str] | None = None) -> int:
    return run_main(DEMO, run, argv)


if __name__ == "__main__":
    raise SystemExit(main())
