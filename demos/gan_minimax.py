"""A one-dimensional GAN: the discriminator's best reply and the generator catching up."""

from __future__ import annotations

import numpy as np

from demos.cli import run_main
from demos.numeric import max_gap
from demos.result import Check, DemoInfo, DemoResult, Plot, Series

DEMO = DemoInfo(
    id="gan_minimax",
    name="A GAN in one dimension: the minimax game",
    patterns=("gan_minimax",),
    roles={"generator": "G", "discriminator": "D"},
    summary="""Two players share one score. The {discriminator}(x) says how likely x is real; it
    wants the score high. The {generator} turns noise into fake samples (here: noise shifted by b)
    and wants the score low by fooling {discriminator}. We take turns improving each. The
    {discriminator}'s best reply has a formula, and the game ends when the fakes look like the data
    and {discriminator} can only guess ½, where the score is −log 4.""",
)

DATA_MEAN = 3.0


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def value(w: float, c: float, real: np.ndarray, fake: np.ndarray) -> float:
    """V(D, G) = E[log D(real)] + E[log(1 − D(fake))] with D(x) = σ(w·x + c)."""
    return float(
        np.mean(np.log(sigmoid(w * real + c))) + np.mean(np.log(1 - sigmoid(w * fake + c)))
    )


def discriminator_step(
    w: float, c: float, real: np.ndarray, fake: np.ndarray, lr: float
) -> tuple[float, float]:
    """Gradient ascent on V for the logistic discriminator."""
    up, down = 1 - sigmoid(w * real + c), sigmoid(w * fake + c)
    grad_w = np.mean(up * real) - np.mean(down * fake)
    grad_c = np.mean(up) - np.mean(down)
    return w + lr * grad_w, c + lr * grad_c


def generator_step(shift: float, w: float, c: float, noise: np.ndarray, lr: float) -> float:
    """Non-saturating generator loss −E[log D(G(z))]; its slope in the shift b is −E[(1 − D)·w]."""
    fooled = sigmoid(w * (noise + shift) + c)
    return shift + lr * float(np.mean((1 - fooled) * w))


def optimal_discriminator(shift: float) -> tuple[float, float]:
    """log p_data/p_G for two unit-variance Gaussians: logit (μ_d − b)x − (μ_d² − b²)/2."""
    return DATA_MEAN - shift, -(DATA_MEAN**2 - shift**2) / 2


def best_reply_check(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Train D alone against a frozen generator (b = 0) on fixed samples."""
    from sklearn.linear_model import LogisticRegression

    real, fake = rng.normal(DATA_MEAN, 1, n), rng.normal(0.0, 1, n)
    w, c = 0.0, 0.0
    for _ in range(3000):
        w, c = discriminator_step(w, c, real, fake, lr=1.0)
    x = np.concatenate([real, fake])[:, None]
    labels = np.concatenate([np.ones(n), np.zeros(n)])
    ref = LogisticRegression(C=1e12, tol=1e-12, max_iter=10_000).fit(x, labels)
    return (
        np.array([w, c]),
        np.array([ref.coef_[0, 0], ref.intercept_[0]]),
        np.array(optimal_discriminator(0.0)),
    )


def play(rng: np.random.Generator, rounds: int, batch: int) -> tuple[list[float], list[float]]:
    shift, w, c, shifts, values = 0.0, 0.0, 0.0, [], []
    for _ in range(rounds):
        for _ in range(10):  # several D steps per G step keep D near its best reply
            w, c = discriminator_step(
                w, c, rng.normal(DATA_MEAN, 1, batch), rng.normal(shift, 1, batch), 0.3
            )
        shift = generator_step(shift, w, c, rng.standard_normal(batch), lr=0.2)
        shifts.append(shift)
        values.append(value(w, c, rng.normal(DATA_MEAN, 1, batch), rng.normal(shift, 1, batch)))
    return shifts, values


def run(quick: bool = False, seed: int = 0) -> DemoResult:
    rng = np.random.default_rng(seed)
    trained, sklearn_fit, formula = best_reply_check(rng, 300 if quick else 4000)
    shifts, values = play(rng, 150 if quick else 400, 256 if quick else 1024)
    tail = len(values) // 5
    final_value = float(np.mean(values[-tail:]))
    rounds = tuple(float(i + 1) for i in range(len(shifts)))
    return DemoResult(
        numbers={
            "{discriminator} vs frozen {generator}: trained (w, c)": tuple(
                float(v) for v in trained
            ),
            "best reply from the formula (w, c)": tuple(float(v) for v in formula),
            "{generator} shift b after training (data mean 3)": shifts[-1],
            "value V({discriminator}, {generator}) at the end": final_value,
            "−log 4": float(-np.log(4)),
        },
        checks=(
            Check(
                "trained {discriminator} vs sklearn LogisticRegression",
                max_gap(trained, sklearn_fit),
                1e-5,
            ),
            Check(
                "trained {discriminator} vs formula log p_data/p_G",
                max_gap(trained, formula),
                0.5 if quick else 0.15,
            ),
            Check(
                "{generator} shift vs data mean",
                abs(shifts[-1] - DATA_MEAN),
                0.1 if quick else 0.05,
            ),
            Check("final value vs −log 4", abs(final_value + np.log(4)), 0.01 if quick else 0.005),
        ),
        plots=(
            Plot(
                "the {generator}'s shift b walks to the data mean",
                (
                    Series("b", rounds, tuple(shifts)),
                    Series("data mean", rounds, (DATA_MEAN,) * len(rounds)),
                ),
                x_label="round",
                y_label="b",
            ),
            Plot(
                "the game's value settles at −log 4",
                (
                    Series("V", rounds, tuple(values)),
                    Series("−log 4", rounds, (-np.log(4),) * len(rounds)),
                ),
                x_label="round",
                y_label="V",
            ),
        ),
        notes=(
            "The formula is only approached: the discriminator sees finitely many samples, so "
            "sklearn (same samples) is the exact reference and the formula the limit.",
        ),
    )


def main(argv: list[str] | None = None) -> int:
    return run_main(DEMO, run, argv)


if __name__ == "__main__":
    raise SystemExit(main())
