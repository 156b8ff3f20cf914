"""KL divergence of two Gaussians: closed form, Monte Carlo, quadrature, and its asymmetry."""

from __future__ import annotations

import numpy as np

from demos.cli import run_main
from demos.numeric import (
    central_difference,
    log_spaced_indices,
    running_mean,
    standard_errors_off,
)
from demos.result import Check, DemoInfo, DemoResult, Derivation, Plot, Series

DEMO = DemoInfo(
    id="kl_divergence",
    name="KL divergence between two bell curves",
    patterns=("kl_divergence",),
    roles={"p": "p", "q": "q"},
    summary="""KL({p} ‖ {q}) asks: if the data really come from {p} but we describe them with {q},
    how much extra surprise do we pay on average? We estimate it by drawing from {p} and averaging
    log {p}(x) − log {q}(x), compare with the exact formula for two Gaussians, and swap the
    arguments to see that KL is not symmetric: the order matters.""",
)

P = (0.0, 1.0)  # mean, standard deviation
Q = (1.0, 2.0)


def log_density(x: np.ndarray, mean: float, std: float) -> np.ndarray:
    return -0.5 * np.log(2 * np.pi * std**2) - (x - mean) ** 2 / (2 * std**2)


def kl_closed_form(p: tuple[float, float], q: tuple[float, float]) -> float:
    """log(σ_q/σ_p) + (σ_p² + (μ_p − μ_q)²)/(2σ_q²) − ½."""
    (mp, sp), (mq, sq) = p, q
    return float(np.log(sq / sp) + (sp**2 + (mp - mq) ** 2) / (2 * sq**2) - 0.5)


def kl_quadrature(p: tuple[float, float], q: tuple[float, float]) -> float:
    from scipy import integrate

    def integrand(x: float) -> float:
        lp = log_density(np.array(x), *p)
        return float(np.exp(lp) * (lp - log_density(np.array(x), *q)))

    return float(integrate.quad(integrand, -np.inf, np.inf, epsabs=1e-12)[0])


def derivation_and_gap() -> tuple[Derivation, float]:
    """d KL/d μ_q symbolically, then compared with finite differences of the closed form."""
    import sympy

    mp, mq = sympy.symbols("μ_p μ_q", real=True)
    sp, sq = sympy.symbols("σ_p σ_q", positive=True)
    kl = sympy.log(sq / sp) + (sp**2 + (mp - mq) ** 2) / (2 * sq**2) - sympy.Rational(1, 2)
    d_mq = sympy.simplify(sympy.diff(kl, mq))
    formula = sympy.lambdify((mp, sp, mq, sq), d_mq, "numpy")
    at = np.array([*P, *Q])
    numeric = central_difference(lambda v: kl_closed_form((v[0], v[1]), (v[2], v[3])), at)
    gap = abs(float(formula(*at)) - numeric[2])
    return Derivation(
        "gradient of KL({p} ‖ {q}) with respect to the mean of {q}:",
        sympy.Eq(sympy.Derivative(kl, mq), d_mq),
    ), gap


def run(quick: bool = False, seed: int = 0) -> DemoResult:
    n = 20_000 if quick else 400_000
    rng = np.random.default_rng(seed)
    x = rng.normal(P[0], P[1], n)
    log_ratio = log_density(x, *P) - log_density(x, *Q)
    forward, backward = kl_closed_form(P, Q), kl_closed_form(Q, P)
    quadrature = kl_quadrature(P, Q)
    derivation, grad_gap = derivation_and_gap()
    return DemoResult(
        numbers={
            "{p} = N(mean, std)": P,
            "{q} = N(mean, std)": Q,
            "Monte Carlo KL({p} ‖ {q}) from draws of {p}": float(log_ratio.mean()),
            "closed form KL({p} ‖ {q})": forward,
            "closed form KL({q} ‖ {p})  (swapped)": backward,
            "draws": n,
        },
        checks=(
            Check(
                "Monte Carlo vs closed form",
                standard_errors_off(log_ratio, forward),
                3.0,
                unit="standard errors",
            ),
            Check("scipy quad integral vs closed form", abs(quadrature - forward), 1e-8),
            Check("symbolic ∂KL/∂μ_q vs finite differences", grad_gap, 1e-7),
            Check("KL of a distribution with itself is 0", abs(kl_closed_form(P, P)), 1e-12),
        ),
        plots=(_density_plot(quick), _convergence_plot(log_ratio, forward)),
        derivations=(derivation,),
        notes=(
            f"KL({{p}} ‖ {{q}}) = {forward:.4f} but KL({{q}} ‖ {{p}}) = {backward:.4f}: "
            "KL is not a distance. The wide {q} covers the narrow {p} cheaply; the narrow "
            "{p} explains the wide {q}'s tails badly.",
        ),
    )


def _density_plot(quick: bool) -> Plot:
    grid = np.linspace(-5, 7, 60 if quick else 240)
    return Plot(
        "the two densities",
        tuple(
            Series(name, tuple(grid), tuple(np.exp(log_density(grid, *params))))
            for name, params in (("{p}", P), ("{q}", Q))
        ),
        x_label="x",
        y_label="density",
    )


def _convergence_plot(log_ratio: np.ndarray, exact: float) -> Plot:
    idx = log_spaced_indices(log_ratio.size)
    counts = tuple(float(i + 1) for i in idx)
    return Plot(
        "Monte Carlo KL estimate as draws accumulate",
        (
            Series("running estimate", counts, tuple(running_mean(log_ratio)[idx])),
            Series("closed form", counts, (exact,) * len(idx)),
        ),
        x_label="draws",
        y_label="KL",
        log_x=True,
    )


def main(argv: list[str] | None = None) -> int:
    return run_main(DEMO, run, argv)


if __name__ == "__main__":
    raise SystemExit(main())
