"""Exponential moving averages as in Adam, and why Adam corrects their start-up bias."""

from __future__ import annotations

import numpy as np

from demos.cli import run_main
from demos.numeric import max_gap
from demos.result import Check, DemoInfo, DemoResult, Plot, Series

DEMO = DemoInfo(
    id="moving_average",
    name="Exponential moving averages and Adam's bias correction",
    patterns=("moving_average",),
    roles={"average": "m", "decay": "β", "input": "g"},
    summary="""A moving average keeps a running summary {average} ← {decay}·{average} + (1 −
    {decay})·{input}: the old summary, nudged a little toward each new value. Adam does this with
    the gradients {input} and with their squares. Because {average} starts at zero it is too small
    at first; dividing by 1 − {decay}^t undoes that bias exactly.""",
)

BETA1, BETA2 = 0.9, 0.999
TRUE_GRADIENT = 2.0


def ema(values: np.ndarray, decay: float) -> np.ndarray:
    """The recursion, written out the slow and obvious way."""
    out, average = np.empty_like(values), 0.0
    for t, value in enumerate(values):
        average = decay * average + (1 - decay) * value
        out[t] = average
    return out


def bias_corrected(averages: np.ndarray, decay: float) -> np.ndarray:
    steps = np.arange(1, averages.size + 1)
    return averages / (1 - decay**steps)


def weighted_mean(values: np.ndarray, decay: float) -> np.ndarray:
    """Σ decay^(t−i) xᵢ / Σ decay^(t−i): what the corrected average should equal."""
    out = np.empty_like(values)
    for t in range(values.size):
        weights = decay ** np.arange(t, -1, -1)
        out[t] = weights @ values[: t + 1] / weights.sum()
    return out


def run(quick: bool = False, seed: int = 0) -> DemoResult:
    from scipy.signal import lfilter

    steps = 200 if quick else 3000
    grads = np.random.default_rng(seed).normal(TRUE_GRADIENT, 1.0, steps)
    m, v = ema(grads, BETA1), ema(grads**2, BETA2)
    m_hat, v_hat = bias_corrected(m, BETA1), bias_corrected(v, BETA2)
    adam_step = m_hat / (np.sqrt(v_hat) + 1e-8)
    show = min(60, steps)
    x = tuple(float(t) for t in range(1, show + 1))
    return DemoResult(
        numbers={
            "first {average} (after one {input})": float(m[0]),
            "first corrected {average}/(1 − {decay})": float(m_hat[0]),
            "first {input}": float(grads[0]),
            "{average} after 10 steps (raw, corrected)": (float(m[9]), float(m_hat[9])),
            "second moment after 10 steps (raw, corrected)": (float(v[9]), float(v_hat[9])),
            "Adam's step direction m̂/√v̂ at the end": float(adam_step[-1]),
        },
        checks=(
            Check(
                "{average} recursion vs scipy.signal.lfilter",
                max_gap(m, lfilter([1 - BETA1], [1, -BETA1], grads)),
                1e-12,
            ),
            Check(
                "bias-corrected {average} vs exact weighted mean",
                max_gap(m_hat, weighted_mean(grads, BETA1)),
                1e-10,
            ),
            Check(
                "bias-corrected second moment vs exact weighted mean",
                max_gap(v_hat, weighted_mean(grads**2, BETA2)),
                1e-9,
            ),
        ),
        plots=(
            Plot(
                "first steps: raw {average} starts near 0, corrected {average} does not",
                (
                    Series("{input}", x, tuple(grads[:show]), points=True),
                    Series("raw {average}", x, tuple(m[:show])),
                    Series("corrected {average}", x, tuple(m_hat[:show])),
                ),
                x_label="step t",
                y_label="value",
            ),
        ),
        notes=(
            f"With {{decay}} = {BETA1} the raw average needs about 1/(1 − {{decay}}) = "
            f"{1 / (1 - BETA1):.0f} steps to warm up; with {BETA2} (Adam's second moment) about "
            f"{1 / (1 - BETA2):.0f}, which is why the correction matters.",
        ),
    )


def main(argv: list[str] | None = None) -> int:
    return run_main(DEMO, run, argv)


if __name__ == "__main__":
    raise SystemExit(main())
