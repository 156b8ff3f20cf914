"""Softmax regression trained on the cross-entropy, checked against sklearn LogisticRegression."""

from __future__ import annotations

import numpy as np

from demos.cli import run_main
from demos.numeric import central_difference, log_spaced_indices, max_gap
from demos.result import Check, DemoInfo, DemoResult, Derivation, Plot, Series

DEMO = DemoInfo(
    id="cross_entropy",
    name="Cross-entropy: train a softmax classifier",
    patterns=("cross_entropy",),
    roles={"target": "y", "prediction": "ŷ"},
    summary="""Each point belongs to one of three groups. The model turns scores into probabilities
    {prediction} with a softmax, and the cross-entropy −Σ {target}·log {prediction} charges a lot
    when the probability given to the true group is small. Gradient descent on the average
    cross-entropy should land on the same classifier that sklearn's LogisticRegression finds.""",
)

CLASSES = 3
C = 1.0  # sklearn's inverse regularisation strength, matched by our penalty below


def make_data(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    centres = np.array([[-1.5, 0.0], [1.5, 0.5], [0.0, 2.0]])
    labels = rng.integers(0, CLASSES, n)
    return centres[labels] + rng.normal(0, 0.9, (n, 2)), labels


def softmax(scores: np.ndarray) -> np.ndarray:
    shifted = np.exp(scores - scores.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)


def objective(theta: np.ndarray, x: np.ndarray, onehot: np.ndarray) -> float:
    """Mean cross-entropy plus sklearn's L2 penalty ‖W‖²/(2Cn) (intercepts unpenalised)."""
    weights, bias = theta[:-CLASSES].reshape(2, CLASSES), theta[-CLASSES:]
    probs = softmax(x @ weights + bias)
    penalty = np.sum(weights**2) / (2 * C * len(x))
    return float(-np.mean(np.sum(onehot * np.log(probs), axis=1)) + penalty)


def gradient(theta: np.ndarray, x: np.ndarray, onehot: np.ndarray) -> np.ndarray:
    """∂CE/∂scores = ŷ − y (derived below), pushed back through scores = x·W + b."""
    weights, bias = theta[:-CLASSES].reshape(2, CLASSES), theta[-CLASSES:]
    residual = (softmax(x @ weights + bias) - onehot) / len(x)
    grad_w = x.T @ residual + weights / (C * len(x))
    return np.concatenate([grad_w.ravel(), residual.sum(axis=0)])


def train(x: np.ndarray, onehot: np.ndarray, steps: int, lr: float) -> tuple[np.ndarray, list]:
    theta, losses = np.zeros(2 * CLASSES + CLASSES), []
    for _ in range(steps):
        losses.append(objective(theta, x, onehot))
        theta = theta - lr * gradient(theta, x, onehot)
    return theta, losses


def derivation() -> Derivation:
    import sympy

    z1, z2, z3, y1, y2 = sympy.symbols("z_1 z_2 z_3 y_1 y_2", real=True)
    total = sympy.exp(z1) + sympy.exp(z2) + sympy.exp(z3)
    y3 = 1 - y1 - y2  # one-hot targets sum to one
    loss = -sum(y * sympy.log(sympy.exp(z) / total) for y, z in ((y1, z1), (y2, z2), (y3, z3)))
    slope = sympy.simplify(sympy.diff(loss, z1))
    assert sympy.simplify(slope - (sympy.exp(z1) / total - y1)) == 0
    return Derivation(
        "cross-entropy of a softmax, differentiated by the first score (it is ŷ₁ − y₁):",
        sympy.Eq(sympy.Symbol("∂CE/∂z_1"), sympy.exp(z1) / total - y1),
        {"y_1": "target"},
    )


def run(quick: bool = False, seed: int = 0) -> DemoResult:
    from sklearn.linear_model import LogisticRegression

    x, labels = make_data(90 if quick else 600, seed)
    onehot = np.eye(CLASSES)[labels]
    theta, losses = train(x, onehot, steps=1500 if quick else 6000, lr=2.0)
    ref = LogisticRegression(C=C, tol=1e-12, max_iter=10_000).fit(x, labels)
    weights, bias = theta[:-CLASSES].reshape(2, CLASSES), theta[-CLASSES:]
    ours, theirs = softmax(x @ weights + bias), ref.predict_proba(x)
    probe = np.linspace(-0.5, 0.5, 3 * CLASSES)
    numeric = central_difference(lambda t: objective(t, x, onehot), probe)
    idx = log_spaced_indices(len(losses))
    return DemoResult(
        numbers={
            "points": len(x),
            "final mean cross-entropy (+ penalty)": losses[-1],
            "training accuracy (ours)": float(np.mean(ours.argmax(1) == labels)),
            "training accuracy (sklearn)": float(np.mean(theirs.argmax(1) == labels)),
            "weights, class 1 (ours)": tuple(float(v) for v in weights[:, 0]),
            "weights, class 1 (sklearn)": tuple(float(v) for v in ref.coef_[0]),
        },
        checks=(
            Check("weights vs sklearn LogisticRegression", max_gap(weights.T, ref.coef_), 1e-5),
            Check(
                "probabilities {prediction} vs sklearn predict_proba", max_gap(ours, theirs), 1e-5
            ),
            Check(
                "gradient ŷ − y vs finite differences",
                max_gap(gradient(probe, x, onehot), numeric),
                1e-7,
            ),
        ),
        plots=(
            Plot(
                "average cross-entropy while training",
                (Series("loss", tuple(float(i + 1) for i in idx), tuple(losses[i] for i in idx)),),
                x_label="step",
                y_label="cross-entropy",
                log_x=True,
            ),
            Plot(
                "the three groups",
                tuple(
                    Series(f"class {k}", tuple(x[labels == k, 0]), tuple(x[labels == k, 1]), True)
                    for k in range(CLASSES)
                ),
                x_label="feature 1",
                y_label="feature 2",
            ),
        ),
        derivations=(derivation(),),
    )


def main(argv: list[str] | None = None) -> int:
    return run_main(DEMO, run, argv)


if __name__ == "__main__":
    raise SystemExit(main())
