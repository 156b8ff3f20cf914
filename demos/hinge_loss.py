"""A linear SVM trained on the hinge loss (dual coordinate descent), checked against LinearSVC."""

from __future__ import annotations

import warnings

import numpy as np

from demos.cli import run_main
from demos.numeric import max_gap
from demos.result import Check, DemoInfo, DemoResult, Plot, Series

DEMO = DemoInfo(
    id="hinge_loss",
    name="Hinge loss: a linear support vector machine",
    patterns=("hinge_loss",),
    roles={"label": "y", "score": "s"},
    summary="""Each point has a {label} of +1 or −1 and the model gives it a {score} (a weighted
    sum of its coordinates). The hinge loss max(0, 1 − {label}·{score}) is zero once a point is on
    the right side with room to spare (a margin of 1) and grows linearly otherwise, so only the
    hard points near the boundary shape the answer. We train it ourselves and compare with
    sklearn's LinearSVC.""",
)

C = 0.1  # a softer margin: liblinear (and our solver) converge fully in a few hundred passes


def make_data(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    labels = rng.choice([-1.0, 1.0], n)
    points = rng.normal(0, 1.0, (n, 2)) + np.outer(labels, [1.2, 0.8])
    return np.column_stack([points, np.ones(n)]), labels  # constant column acts as the bias


def hinge(labels: np.ndarray, scores: np.ndarray) -> np.ndarray:
    return np.maximum(0.0, 1.0 - labels * scores)


def primal(w: np.ndarray, x: np.ndarray, labels: np.ndarray) -> float:
    """½‖w‖² + C Σ hinge: the objective LinearSVC(loss="hinge") minimises."""
    return float(0.5 * w @ w + C * np.sum(hinge(labels, x @ w)))


def dual_coordinate_descent(
    x: np.ndarray, labels: np.ndarray, epochs: int, seed: int
) -> tuple[np.ndarray, np.ndarray, list[float]]:
    """Optimise one dual weight αᵢ ∈ [0, C] at a time; αᵢ > 0 only for points inside the margin."""
    rng = np.random.default_rng(seed)
    alpha, w, history = np.zeros(len(x)), np.zeros(x.shape[1]), []
    diag = np.sum(x**2, axis=1)
    for _ in range(epochs):
        for i in rng.permutation(len(x)):
            slope = labels[i] * (w @ x[i]) - 1.0
            new = min(max(alpha[i] - slope / diag[i], 0.0), C)
            w += (new - alpha[i]) * labels[i] * x[i]
            alpha[i] = new
        history.append(primal(w, x, labels))
    return w, alpha, history


def run(quick: bool = False, seed: int = 0) -> DemoResult:
    from sklearn.metrics import hinge_loss
    from sklearn.svm import LinearSVC

    x, labels = make_data(80 if quick else 400, seed)
    w, alpha, history = dual_coordinate_descent(x, labels, 200 if quick else 300, seed)
    svc = LinearSVC(loss="hinge", C=C, fit_intercept=False, tol=1e-12, max_iter=1_000_000)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a convergence warning would garble the panel output
        ref = svc.fit(x, labels).coef_.ravel()
    scores = x @ w
    return DemoResult(
        numbers={
            "points": len(x),
            "weights and bias (ours)": tuple(float(v) for v in w),
            "weights and bias (LinearSVC)": tuple(float(v) for v in ref),
            "objective ½‖w‖² + C·Σ hinge (ours, LinearSVC)": (history[-1], primal(ref, x, labels)),
            "mean hinge loss": float(hinge(labels, scores).mean()),
            "support vectors (points with non-zero loss weight)": int(np.sum(alpha > 0)),
            "points with zero hinge loss": int(np.sum(hinge(labels, scores) == 0)),
        },
        checks=(
            Check("weights vs sklearn LinearSVC", max_gap(w, ref), 1e-6),
            Check(
                "objective vs LinearSVC's (relative)",
                abs(history[-1] - primal(ref, x, labels)) / history[-1],
                1e-6,
            ),
            Check(
                "mean hinge vs sklearn.metrics.hinge_loss",
                abs(float(hinge(labels, scores).mean()) - hinge_loss(labels, scores)),
                1e-12,
            ),
        ),
        plots=(_boundary_plot(x, labels, w), _objective_plot(history)),
    )


def _boundary_plot(x: np.ndarray, labels: np.ndarray, w: np.ndarray) -> Plot:
    line_x = np.linspace(x[:, 0].min(), x[:, 0].max(), 80)
    line_y = -(w[0] * line_x + w[2]) / w[1]
    keep = (line_y >= x[:, 1].min()) & (line_y <= x[:, 1].max())
    return Plot(
        "the two classes and the decision boundary {score} = 0",
        (
            Series("{label} = −1", tuple(x[labels < 0, 0]), tuple(x[labels < 0, 1]), True),
            Series("{label} = +1", tuple(x[labels > 0, 0]), tuple(x[labels > 0, 1]), True),
            Series("{score} = 0", tuple(line_x[keep]), tuple(line_y[keep])),
        ),
        x_label="coordinate 1",
        y_label="coordinate 2",
    )


def _objective_plot(history: list[float]) -> Plot:
    return Plot(
        "SVM objective after each pass over the data",
        (Series("objective", tuple(float(i) for i in range(1, len(history) + 1)), tuple(history)),),
        x_label="pass",
        y_label="objective",
        log_x=True,
    )


def main(argv: list[str] | None = None) -> int:
    return run_main(DEMO, run, argv)


if __name__ == "__main__":
    raise SystemExit(main())
