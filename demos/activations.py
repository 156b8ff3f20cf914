"""Softmax with temperature, sigmoid and ReLU: the squashing functions, checked against scipy."""

from __future__ import annotations

import numpy as np

from demos.cli import run_main
from demos.numeric import max_gap
from demos.result import Check, DemoInfo, DemoResult, Derivation, Plot, Series

DEMO = DemoInfo(
    id="activations",
    name="Softmax, sigmoid and ReLU",
    patterns=("softmax", "sigmoid", "relu", "argmax"),
    roles={"logits": "z", "temperature": "T", "input": "x", "variable": "i", "objective": "z_i"},
    summary="""Softmax turns scores {logits} into probabilities: exponentiate, then divide by the
    total. Dividing the scores by a temperature {temperature} first makes it sharper ({temperature}
    small: almost all probability on the largest score, the argmax) or flatter ({temperature}
    large: nearly uniform). The sigmoid squashes one number {input} into (0, 1); ReLU keeps
    positive {input} and zeroes the rest.""",
)

LOGITS = np.array([2.0, 1.0, 0.5, -1.0])


def softmax(logits: np.ndarray, temperature: float = 1.0) -> np.ndarray:
    """Subtracting the max first changes nothing mathematically but avoids overflow."""
    scaled = logits / temperature
    weights = np.exp(scaled - scaled.max())
    return weights / weights.sum()


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def relu(x: np.ndarray) -> np.ndarray:
    return np.maximum(x, 0.0)


def sigmoid_derivation() -> tuple[Derivation, float]:
    """σ'(x) = σ(x)(1 − σ(x)), derived by sympy and checked with finite differences."""
    import sympy

    x = sympy.Symbol("x", real=True)
    sig = 1 / (1 + sympy.exp(-x))
    slope = sympy.diff(sig, x)
    assert sympy.simplify(slope - sig * (1 - sig)) == 0
    f = sympy.lambdify(x, slope, "numpy")
    probe = np.linspace(-4, 4, 9)
    numeric = (sigmoid(probe + 1e-6) - sigmoid(probe - 1e-6)) / 2e-6
    derivation = Derivation(
        "derivative of the sigmoid (equal to σ({input})·(1 − σ({input}))):",
        sympy.Eq(sympy.Derivative(sig, x), slope),
        {"x": "input"},
    )
    return derivation, max_gap(f(probe), numeric)


def run(quick: bool = False, seed: int = 0) -> DemoResult:
    from scipy.special import expit
    from scipy.special import softmax as scipy_softmax

    del seed  # nothing random here
    temps = np.geomspace(0.05, 20, 30 if quick else 120)
    probs = np.array([softmax(LOGITS, t) for t in temps])
    entropy = -np.sum(probs * np.log(np.clip(probs, 1e-300, None)), axis=1)
    xs = np.linspace(-4, 4, 81 if quick else 401)
    derivation, slope_gap = sigmoid_derivation()
    two = softmax(np.array([1.3, 0.0]))
    numbers: dict[str, float | tuple[float, ...]] = {"{logits}": tuple(float(v) for v in LOGITS)}
    for t in (0.1, 1.0, 10.0):
        numbers[f"softmax({{logits}}/{{temperature}}), {{temperature}} = {t:g}"] = tuple(
            float(v) for v in softmax(LOGITS, t)
        )
    numbers["argmax over {variable} of {objective} (counting from 0)"] = int(np.argmax(LOGITS))
    numbers["σ(0), σ(4), ReLU(−2), ReLU(2)"] = (0.5, float(sigmoid(np.array(4.0))), 0.0, 2.0)
    return DemoResult(
        numbers=numbers,
        checks=(
            Check(
                "softmax vs scipy.special.softmax",
                max(max_gap(softmax(LOGITS, t), scipy_softmax(LOGITS / t)) for t in temps),
                1e-12,
            ),
            Check("sigmoid vs scipy.special.expit", max_gap(sigmoid(xs), expit(xs)), 1e-12),
            Check(
                "{temperature} → 0 gives one-hot at argmax (largest gap to one-hot)",
                max_gap(softmax(LOGITS, 0.01), np.eye(4)[np.argmax(LOGITS)]),
                1e-12,
            ),
            Check(
                "two-way softmax vs sigmoid of the difference",
                abs(two[0] - sigmoid(np.array(1.3))),
                1e-12,
            ),
            Check("symbolic σ′ vs finite differences", slope_gap, 1e-8),
        ),
        plots=(
            Plot(
                "entropy of softmax({logits}/{temperature}): sharp when cold, flat when hot",
                (Series("entropy", tuple(temps), tuple(entropy)),),
                x_label="{temperature}",
                y_label="entropy (nats)",
                log_x=True,
            ),
            Plot(
                "sigmoid and ReLU of {input}",
                (
                    Series("σ({input})", tuple(xs), tuple(sigmoid(xs))),
                    Series("ReLU({input}) / 4", tuple(xs), tuple(relu(xs) / 4)),
                ),
                x_label="{input}",
                y_label="output",
            ),
        ),
        derivations=(derivation,),
    )


def main(argv: list[str] | None = None) -> int:
    return run_main(DEMO, run, argv)


if __name__ == "__main__":
    raise SystemExit(main())
