"""Gradient descent with a learning rate that is too small, about right, and too large."""

from __future__ import annotations

import numpy as np

from demos.cli import run_main
from demos.numeric import max_gap
from demos.result import Check, DemoInfo, DemoResult, Plot, Series

DEMO = DemoInfo(
    id="gradient_descent",
    name="Gradient descent and the learning rate",
    patterns=("gradient_descent", "argmin"),
    roles={
        "parameters": "θ",
        "learning_rate": "η",
        "loss": "L",
        "variable": "θ",
        "objective": "L",
    },
    summary="""Gradient descent repeats one move: step {parameters} a little downhill, {parameters}
    ← {parameters} − {learning_rate}·∇{loss}({parameters}). The step size {learning_rate} matters:
    too small and it crawls, too large and it overshoots the valley floor and flies off. We run all
    three on a stretched bowl whose lowest point, argmin {objective}, we also know exactly.""",
)

A = np.array([[3.0, 1.0], [1.0, 0.6]])  # a stretched bowl: eigenvalues about 3.35 and 0.25
B = np.array([1.0, -1.0])


def loss(theta: np.ndarray) -> float:
    """½ θᵀAθ − bᵀθ: a bowl whose floor is at A⁻¹b."""
    return float(0.5 * theta @ A @ theta - B @ theta)


def grad(theta: np.ndarray) -> np.ndarray:
    return A @ theta - B


def descend(lr: float, steps: int) -> tuple[np.ndarray, list[float]]:
    theta, history = np.array([-2.0, 2.0]), []
    for _ in range(steps):
        history.append(loss(theta))
        theta = theta - lr * grad(theta)
    return theta, history


def run(quick: bool = False, seed: int = 0) -> DemoResult:
    from scipy.optimize import minimize

    del seed  # deterministic problem: nothing random to seed
    steps = 150 if quick else 200
    curvature = np.linalg.eigvalsh(A)
    rates = {
        "too small": 0.05 / curvature[-1],
        "about right": 2 / (curvature[0] + curvature[-1]),
        "too large": 2.1 / curvature[-1],
    }
    runs = {name: descend(lr, steps) for name, lr in rates.items()}
    exact = np.linalg.solve(A, B)
    scipy_min = minimize(loss, np.zeros(2), jac=grad, method="BFGS", options={"gtol": 1e-12}).x
    best = loss(exact)
    blown_up = runs["too large"][1]
    growth = (blown_up[-1] - best) / (blown_up[-2] - best)
    numbers: dict[str, float | tuple[float, ...]] = {"steps": steps}
    for name, (_, history) in runs.items():
        numbers[f"{{learning_rate}} {name} = {rates[name]:.3g}: final {{loss}} − min"] = (
            history[-1] - best
        )
    numbers["argmin {objective} (closed form A⁻¹b)"] = tuple(float(v) for v in exact)
    numbers["stability limit 2 / largest curvature λ_max"] = float(2 / curvature[-1])
    numbers["too large: gap growth per step"] = float(growth)
    return DemoResult(
        numbers=numbers,
        checks=(
            Check(
                "well-chosen {learning_rate} vs closed-form argmin",
                max_gap(runs["about right"][0], exact),
                1e-8,
            ),
            Check("scipy.optimize.minimize vs closed-form argmin", max_gap(scipy_min, exact), 1e-6),
            Check(
                "too-large {learning_rate}: growth per step vs (1 − {learning_rate}·λ_max)²",
                abs(growth - (1 - rates["too large"] * curvature[-1]) ** 2),
                1e-6,
            ),
        ),
        plots=(
            Plot(
                "{loss}({parameters}) − min over steps for three learning rates",
                tuple(
                    Series(
                        name,
                        tuple(float(i) for i in range(1, steps + 1)),
                        tuple(np.array(history) - best + 1e-16),
                    )
                    for name, (_, history) in runs.items()
                ),
                x_label="step",
                y_label="gap to minimum",
                log_y=True,
            ),
        ),
        notes=(
            "A rate above 2 / (largest curvature) makes every step overshoot by more than it "
            "gains, so the gap grows geometrically instead of shrinking.",
        ),
    )


def main(argv: list[str] | None = None) -> int:
    return run_main(DEMO, run, argv)


if __name__ == "__main__":
    raise SystemExit(main())
