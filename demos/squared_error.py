"""Fit a line by gradient descent on the mean squared error, checked against sklearn."""

from __future__ import annotations

import numpy as np

from demos.cli import run_main
from demos.numeric import central_difference, log_spaced_indices, max_gap
from demos.result import Check, DemoInfo, DemoResult, Derivation, Plot, Series

DEMO = DemoInfo(
    id="squared_error",
    name="Fit a line by minimising the mean squared error",
    patterns=("squared_error", "linear_model"),
    roles={"target": "y", "prediction": "ŷ", "weights": "w", "input": "x", "bias": "b"},
    summary="""We draw noisy points ({input}, {target}) around a straight line and guess a line
    {prediction} = {weights}·{input} + {bias}. The squared error ({target} − {prediction})²
    punishes big misses a lot and small ones a little. Gradient descent nudges {weights} and {bias}
    downhill on the average squared error until the line stops moving; sklearn solves the same
    problem in closed form, so both lines should coincide.""",
)

TRUE_SLOPE, TRUE_BIAS, NOISE = 1.5, -0.7, 0.5


def make_data(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = rng.uniform(-2.0, 3.0, n)
    return x, TRUE_SLOPE * x + TRUE_BIAS + rng.normal(0.0, NOISE, n)


def mse(params: np.ndarray, x: np.ndarray, y: np.ndarray) -> float:
    return float(np.mean((y - (params[0] * x + params[1])) ** 2))


def mse_gradient(params: np.ndarray, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """d/dw and d/db of the mean of (y − (w·x + b))², from the derivation printed below."""
    residual = y - (params[0] * x + params[1])
    return np.array([np.mean(-2 * x * residual), np.mean(-2 * residual)])


def gradient_descent(
    x: np.ndarray, y: np.ndarray, steps: int, lr: float
) -> tuple[np.ndarray, list]:
    params, losses = np.zeros(2), []
    for _ in range(steps):
        losses.append(mse(params, x, y))
        params = params - lr * mse_gradient(params, x, y)
    return params, losses


def derivations() -> tuple[Derivation, ...]:
    import sympy

    y, yhat, w, x, b = sympy.symbols("y ŷ w x b")
    per_point = (y - yhat) ** 2
    chained = (y - (w * x + b)) ** 2
    roles = {"y": "target", "ŷ": "prediction", "w": "weights", "x": "input", "b": "bias"}
    return (
        Derivation(
            "derivative of the squared error with respect to the prediction {prediction}:",
            sympy.Eq(sympy.Derivative(per_point, yhat), sympy.factor(sympy.diff(per_point, yhat))),
            roles,
        ),
        Derivation(
            "chain rule through {prediction} = {weights}·{input} + {bias}:",
            sympy.Eq(sympy.Derivative(chained, w), sympy.factor(sympy.diff(chained, w))),
            roles,
        ),
    )


def run(quick: bool = False, seed: int = 0) -> DemoResult:
    from sklearn.linear_model import LinearRegression

    x, y = make_data(60 if quick else 400, seed)
    params, losses = gradient_descent(x, y, steps=1500 if quick else 4000, lr=0.1)
    reference = LinearRegression().fit(x[:, None], y)
    probe = np.array([0.3, -0.2])
    numeric = central_difference(lambda p: mse(p, x, y), probe)
    steps = log_spaced_indices(len(losses))
    line_x = np.linspace(x.min(), x.max(), 50)
    return DemoResult(
        numbers={
            "points": len(x),
            "gradient-descent slope {weights}": float(params[0]),
            "gradient-descent bias {bias}": float(params[1]),
            "sklearn LinearRegression slope": float(reference.coef_[0]),
            "sklearn LinearRegression bias": float(reference.intercept_),
            "final mean squared error": mse(params, x, y),
        },
        checks=(
            Check("slope vs sklearn LinearRegression", abs(params[0] - reference.coef_[0]), 1e-6),
            Check("bias vs sklearn LinearRegression", abs(params[1] - reference.intercept_), 1e-6),
            Check(
                "symbolic gradient vs finite differences",
                max_gap(mse_gradient(probe, x, y), numeric),
                1e-6,
            ),
        ),
        plots=(
            Plot(
                "mean squared error while descending",
                (
                    Series(
                        "MSE", tuple(float(s + 1) for s in steps), tuple(losses[i] for i in steps)
                    ),
                ),
                x_label="step",
                y_label="MSE",
                log_x=True,
                log_y=True,
            ),
            Plot(
                "the data and the fitted line",
                (
                    Series("data ({input}, {target})", tuple(x), tuple(y), points=True),
                    Series(
                        "fit {prediction}", tuple(line_x), tuple(params[0] * line_x + params[1])
                    ),
                ),
                x_label="{input}",
                y_label="{target}",
            ),
        ),
        derivations=derivations(),
    )


def main(argv: list[str] | None = None) -> int:
    return run_main(DEMO, run, argv)


if __name__ == "__main__":
    raise SystemExit(main())
