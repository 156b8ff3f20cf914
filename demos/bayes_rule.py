"""Bayes' rule and marginalisation in a two-group Gaussian mixture, vs sklearn GaussianMixture."""

from __future__ import annotations

import numpy as np

from demos.cli import run_main
from demos.numeric import max_gap
from demos.result import Check, DemoInfo, DemoResult, Plot, Series

DEMO = DemoInfo(
    id="bayes_rule",
    name="Bayes' rule and marginalisation in a mixture of two bell curves",
    patterns=("bayes_rule", "marginalization"),
    roles={"hypothesis": "z", "evidence": "x", "variable": "x", "latent": "z"},
    summary="""Each value {variable} comes from one of two hidden groups {latent}. Marginalising
    adds up over the groups we cannot see: p({variable}) = Σ p({latent}) p({variable} | {latent}).
    Bayes' rule turns it around: having seen the {evidence}, how likely is each {hypothesis}?
    p({hypothesis} | {evidence}) = p({evidence} | {hypothesis}) p({hypothesis}) / p({evidence}).
    sklearn's GaussianMixture computes both; we do it by hand from its fitted parameters.""",
)


def gaussian_pdf(x: np.ndarray, mean: float, var: float) -> np.ndarray:
    return np.exp(-((x - mean) ** 2) / (2 * var)) / np.sqrt(2 * np.pi * var)


def joint(
    x: np.ndarray, weights: np.ndarray, means: np.ndarray, variances: np.ndarray
) -> np.ndarray:
    """p(x, z=k) = p(z=k)·p(x | z=k), one column per group k."""
    return np.column_stack(
        [w * gaussian_pdf(x, m, v) for w, m, v in zip(weights, means, variances, strict=True)]
    )


def run(quick: bool = False, seed: int = 0) -> DemoResult:
    from scipy import integrate
    from sklearn.mixture import GaussianMixture

    rng = np.random.default_rng(seed)
    n = 300 if quick else 4000
    hidden = rng.random(n) < 0.3
    data = np.where(hidden, rng.normal(3.0, 0.8, n), rng.normal(-1.0, 1.2, n))
    gmm = GaussianMixture(2, random_state=seed, tol=1e-8).fit(data[:, None])
    weights, means, variances = gmm.weights_, gmm.means_.ravel(), gmm.covariances_.ravel()
    grid = np.linspace(data.min(), data.max(), 80 if quick else 240)
    table = joint(grid, weights, means, variances)
    marginal = table.sum(axis=1)  # marginalisation: add the joint over the hidden group
    posterior = table / marginal[:, None]  # Bayes' rule
    area = integrate.quad(
        lambda v: float(joint(np.array([v]), weights, means, variances).sum()), -np.inf, np.inf
    )[0]
    probe = np.array([0.0, 1.0, 2.0])
    at_probe = joint(probe, weights, means, variances)
    return DemoResult(
        numbers={
            "prior p({latent}=k) (fitted)": tuple(float(w) for w in weights),
            "group means, variances": tuple(float(v) for v in (*means, *variances)),
            "{evidence} = 0, 1, 2: p({evidence})": tuple(float(v) for v in at_probe.sum(1)),
            "{evidence} = 0, 1, 2: p({hypothesis}=1 | {evidence})": tuple(
                float(v) for v in at_probe[:, 0] / at_probe.sum(1)
            ),
        },
        checks=(
            Check(
                "marginal p({variable}) vs exp(GaussianMixture.score_samples)",
                max_gap(marginal, np.exp(gmm.score_samples(grid[:, None]))),
                1e-12,
            ),
            Check(
                "posterior p({hypothesis} | {evidence}) vs GaussianMixture.predict_proba",
                max_gap(posterior, gmm.predict_proba(grid[:, None])),
                1e-10,
            ),
            Check("∫ p({variable}) d{variable} = 1 (scipy quad)", abs(area - 1.0), 1e-8),
        ),
        plots=(
            Plot(
                "marginal density and its two weighted groups",
                (
                    Series("p({variable})", tuple(grid), tuple(marginal)),
                    Series(
                        "p({latent}=1)p({variable}|{latent}=1)", tuple(grid), tuple(table[:, 0])
                    ),
                    Series(
                        "p({latent}=2)p({variable}|{latent}=2)", tuple(grid), tuple(table[:, 1])
                    ),
                ),
                x_label="{variable}",
                y_label="density",
            ),
            Plot(
                "posterior p({hypothesis}=1 | {evidence}): the evidence decides the group",
                (Series("posterior", tuple(grid), tuple(posterior[:, 0])),),
                x_label="{evidence}",
                y_label="probability",
            ),
        ),
    )


def main(argv: list[str] | None = None) -> int:
    return run_main(DEMO, run, argv)


if __name__ == "__main__":
    raise SystemExit(main())
