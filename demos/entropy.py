"""Entropy: average surprise, largest for the uniform distribution; checked against scipy."""

from __future__ import annotations

import numpy as np

from demos.cli import run_main
from demos.numeric import max_gap, standard_errors_off
from demos.result import Check, DemoInfo, DemoResult, Plot, Series

DEMO = DemoInfo(
    id="entropy",
    name="Entropy: how unpredictable a distribution is",
    patterns=("entropy",),
    roles={"distribution": "p"},
    summary="""Entropy H({distribution}) = −Σ {distribution}(x) log {distribution}(x) is the
    average surprise of a draw from {distribution}. A coin that always lands heads has entropy 0; a
    fair coin has the most, log 2. We compute it for a few distributions, for every biased coin,
    and for a bell curve (where a sum becomes an integral), and check each against scipy.""",
)

EXAMPLES = {
    "certain (1, 0, 0, 0)": (1.0, 0.0, 0.0, 0.0),
    "skewed (0.7, 0.1, 0.1, 0.1)": (0.7, 0.1, 0.1, 0.1),
    "uniform (¼, ¼, ¼, ¼)": (0.25, 0.25, 0.25, 0.25),
}
GAUSSIAN_STD = 2.0


def entropy(probs: np.ndarray) -> float:
    """−Σ p log p in nats, with 0·log 0 = 0 (an impossible outcome adds no surprise)."""
    probs = np.asarray(probs, dtype=float)
    nonzero = probs[probs > 0]
    return float(-np.sum(nonzero * np.log(nonzero)))


def gaussian_entropy(std: float) -> float:
    """½ log(2πeσ²): the differential entropy grows with the spread, not the centre."""
    return float(0.5 * np.log(2 * np.pi * np.e * std**2))


def run(quick: bool = False, seed: int = 0) -> DemoResult:
    from scipy import stats

    ours = {name: entropy(np.array(p)) for name, p in EXAMPLES.items()}
    theirs = [float(stats.entropy(p)) for p in EXAMPLES.values()]
    coin = np.linspace(0.0, 1.0, 41 if quick else 201)
    coin_h = np.array([entropy(np.array([q, 1 - q])) for q in coin])
    draws = np.random.default_rng(seed).normal(0.0, GAUSSIAN_STD, 20_000 if quick else 400_000)
    surprise = -stats.norm(0.0, GAUSSIAN_STD).logpdf(draws)
    closed = gaussian_entropy(GAUSSIAN_STD)
    numbers: dict[str, float | tuple[float, ...]] = {
        f"H({{distribution}}) for {name}": value for name, value in ours.items()
    }
    numbers["log 4 (the maximum for four outcomes)"] = float(np.log(4))
    numbers[f"Gaussian σ={GAUSSIAN_STD:g}: ½ log(2πeσ²)"] = closed
    numbers["Gaussian: Monte Carlo average of −log {distribution}(x)"] = float(surprise.mean())
    return DemoResult(
        numbers=numbers,
        checks=(
            Check(
                "discrete entropies vs scipy.stats.entropy",
                max_gap(list(ours.values()), theirs),
                1e-12,
            ),
            Check("uniform entropy vs log 4", abs(ours["uniform (¼, ¼, ¼, ¼)"] - np.log(4)), 1e-12),
            Check("fair-coin peak vs log 2", abs(coin_h.max() - np.log(2)), 1e-12),
            Check(
                "Gaussian ½ log(2πeσ²) vs scipy.stats.norm.entropy",
                abs(closed - float(stats.norm(0, GAUSSIAN_STD).entropy())),
                1e-12,
            ),
            Check(
                "Monte Carlo −E[log {distribution}] vs closed form",
                standard_errors_off(surprise, closed),
                3.0,
                unit="standard errors",
            ),
        ),
        plots=(
            Plot(
                "entropy of a coin that lands heads with probability q",
                (Series("H", tuple(coin), tuple(coin_h)),),
                x_label="q",
                y_label="entropy (nats)",
            ),
        ),
        notes=("Entropy is measured here in nats (natural log); divide by log 2 for bits.",),
    )


def main(argv: list[str] | None = None) -> int:
    return run_main(DEMO, run, argv)


if __name__ == "__main__":
    raise SystemExit(main())
