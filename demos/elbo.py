"""The ELBO in a conjugate Gaussian model: log p(x) − ELBO equals KL(q ‖ posterior) exactly."""

from __future__ import annotations

import numpy as np

from demos.cli import run_main
from demos.numeric import standard_errors_off
from demos.result import Check, DemoInfo, DemoResult, Plot, Series

DEMO = DemoInfo(
    id="elbo",
    name="The evidence lower bound (ELBO) and its gap",
    patterns=("elbo",),
    roles={"data": "x", "latent": "z", "encoder": "q", "decoder": "p(x|z)", "prior": "p(z)"},
    summary="""A hidden {latent} is drawn from the prior {prior} = N(0, 1) and we observe {data} =
    {latent} + noise, as described by the decoder {decoder}. We want log p({data}), but in real
    models it is out of reach, so we pick a guess {encoder}({latent}) and compute the ELBO, which
    is never larger. Here everything is a Gaussian, so we can verify the key identity: log
    p({data}) − ELBO = KL({encoder} ‖ true posterior). Improving the guess closes the gap.""",
)

NOISE_VAR = 0.5
OBSERVED = 1.8


def log_normal(x: np.ndarray | float, mean: np.ndarray | float, var: float) -> np.ndarray:
    return -0.5 * np.log(2 * np.pi * var) - (np.asarray(x) - mean) ** 2 / (2 * var)


def log_evidence() -> float:
    """Marginally x ~ N(0, 1 + s²): the quantity the ELBO bounds."""
    return float(log_normal(OBSERVED, 0.0, 1.0 + NOISE_VAR))


def posterior() -> tuple[float, float]:
    var = NOISE_VAR / (1.0 + NOISE_VAR)
    return OBSERVED / (1.0 + NOISE_VAR), var


def elbo(mean: float, var: float) -> float:
    """E_q[log p(x|z)] + E_q[log p(z)] + H[q], each in closed form for Gaussians."""
    expected_lik = -0.5 * np.log(2 * np.pi * NOISE_VAR) - ((OBSERVED - mean) ** 2 + var) / (
        2 * NOISE_VAR
    )
    expected_prior = -0.5 * np.log(2 * np.pi) - (mean**2 + var) / 2
    entropy = 0.5 * np.log(2 * np.pi * np.e * var)
    return float(expected_lik + expected_prior + entropy)


def kl_gaussians(m1: float, v1: float, m2: float, v2: float) -> float:
    return float(0.5 * (np.log(v2 / v1) + (v1 + (m1 - m2) ** 2) / v2 - 1))


def elbo_samples(mean: float, var: float, n: int, seed: int) -> np.ndarray:
    """Per-draw log p(x, z) − log q(z) with z ~ q: averaging gives the ELBO."""
    z = np.random.default_rng(seed).normal(mean, np.sqrt(var), n)
    return log_normal(OBSERVED, z, NOISE_VAR) + log_normal(z, 0.0, 1.0) - log_normal(z, mean, var)


def ascend(steps: int, lr: float) -> list[tuple[float, float]]:
    """Gradient ascent on (mean, log var) of q using the closed-form ELBO gradients."""
    mean, log_var, path = -1.0, np.log(2.0), []
    for _ in range(steps):
        var = np.exp(log_var)
        path.append((mean, var))
        d_mean = (OBSERVED - mean) / NOISE_VAR - mean
        d_log_var = var * (-1 / (2 * NOISE_VAR) - 0.5 + 1 / (2 * var))
        mean, log_var = mean + lr * d_mean, log_var + lr * d_log_var
    return path


def run(quick: bool = False, seed: int = 0) -> DemoResult:
    from scipy import integrate

    path = ascend(150 if quick else 300, lr=0.2)
    post_mean, post_var = posterior()
    first_mean, first_var = path[0]
    gaps = [log_evidence() - elbo(m, v) for m, v in path]
    kls = [kl_gaussians(m, v, post_mean, post_var) for m, v in path]
    draws = elbo_samples(first_mean, first_var, 20_000 if quick else 400_000, seed)
    quad = integrate.quad(
        lambda z: float(np.exp(log_normal(OBSERVED, z, NOISE_VAR) + log_normal(z, 0.0, 1.0))),
        -np.inf,
        np.inf,
    )[0]
    steps = tuple(float(i) for i in range(len(path)))
    return DemoResult(
        numbers={
            "observed {data}": OBSERVED,
            "log p({data}) (closed form)": log_evidence(),
            "first guess {encoder} = N(mean, var)": (first_mean, first_var),
            "ELBO of the first guess": elbo(first_mean, first_var),
            "Monte Carlo ELBO of the first guess": float(draws.mean()),
            "KL({encoder} ‖ posterior) of the first guess": kls[0],
            "true posterior N(mean, var)": (post_mean, post_var),
            "final {encoder} after gradient ascent": path[-1],
            "final gap log p({data}) − ELBO": gaps[-1],
        },
        checks=(
            Check(
                "log p({data}) − ELBO vs KL({encoder} ‖ posterior), worst step",
                max(abs(g - k) for g, k in zip(gaps, kls, strict=True)),
                1e-12,
            ),
            Check(
                "Monte Carlo ELBO vs closed form",
                standard_errors_off(draws, elbo(first_mean, first_var)),
                3.0,
                unit="standard errors",
            ),
            Check(
                "log p({data}) vs scipy quad of ∫ {decoder}{prior} d{latent}",
                abs(np.log(quad) - log_evidence()),
                1e-9,
            ),
            Check(
                "optimised {encoder} vs exact posterior",
                max(abs(path[-1][0] - post_mean), abs(path[-1][1] - post_var)),
                1e-6 if quick else 1e-10,
            ),
        ),
        plots=(
            Plot(
                "ELBO climbing toward log p({data}) as {encoder} improves",
                (
                    Series("ELBO", steps, tuple(elbo(m, v) for m, v in path)),
                    Series("log p({data})", steps, (log_evidence(),) * len(path)),
                ),
                x_label="ascent step",
                y_label="nats",
            ),
        ),
    )


def main(argv: list[str] | None = None) -> int:
    return run_main(DEMO, run, argv)


if __name__ == "__main__":
    raise SystemExit(main())
