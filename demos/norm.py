"""Lengths and distances (L1, L2, L∞ norms) and the inner product, checked against numpy/scipy."""

from __future__ import annotations

import numpy as np

from demos.cli import run_main
from demos.numeric import max_gap
from demos.result import Check, DemoInfo, DemoResult, Plot, Series

DEMO = DemoInfo(
    id="norm",
    name="Norms measure length; inner products measure agreement",
    patterns=("norm", "inner_product"),
    roles={"vector": "v", "order": "p", "left": "a", "right": "b"},
    summary="""A norm ‖{vector}‖_{order} turns a list of numbers into one length. {order} = 2 is
    the ruler distance (square, add, square-root), {order} = 1 adds absolute values (walking along
    city blocks), {order} = ∞ keeps only the largest entry. The inner product ⟨{left}, {right}⟩
    multiplies matching entries and adds them up: large when the two lists point the same way, zero
    when they are at right angles.""",
)

ORDERS = (1.0, 1.5, 2.0, 3.0, np.inf)


def p_norm(v: np.ndarray, order: float) -> float:
    """(Σ |vᵢ|^p)^(1/p), with the p → ∞ limit max |vᵢ| handled explicitly."""
    if np.isinf(order):
        return float(np.max(np.abs(v)))
    return float(np.sum(np.abs(v) ** order) ** (1.0 / order))


def inner(a: np.ndarray, b: np.ndarray) -> float:
    return float(sum(x * y for x, y in zip(a, b, strict=True)))


def unit_ball(order: float, points: int) -> tuple[np.ndarray, np.ndarray]:
    """Boundary of {v : ‖v‖_p = 1} in 2-D: rescale each direction to length one."""
    theta = np.linspace(0.0, 2 * np.pi, points)
    directions = np.stack([np.cos(theta), np.sin(theta)], axis=1)
    lengths = np.array([p_norm(d, order) for d in directions])
    return directions[:, 0] / lengths, directions[:, 1] / lengths


def run(quick: bool = False, seed: int = 0) -> DemoResult:
    from scipy.spatial import distance

    rng = np.random.default_rng(seed)
    dim = 8 if quick else 64
    a, b = rng.normal(size=dim), rng.normal(size=dim)
    diff = a - b
    ours = {order: p_norm(diff, order) for order in ORDERS}
    scipy_distances = {
        1.0: distance.cityblock(a, b),
        2.0: distance.euclidean(a, b),
        np.inf: distance.chebyshev(a, b),
    }
    cosine = inner(a, b) / (p_norm(a, 2) * p_norm(b, 2))
    numbers: dict[str, float | tuple[float, ...]] = {"dimension": dim}
    numbers.update({f"‖{{left}} − {{right}}‖_{_name(o)}": v for o, v in ours.items()})
    numbers["⟨{left}, {right}⟩"] = inner(a, b)
    numbers["cosine ⟨{left},{right}⟩ / (‖{left}‖₂‖{right}‖₂)"] = cosine
    points = 40 if quick else 160
    return DemoResult(
        numbers=numbers,
        checks=(
            Check(
                "L1, L2, L∞ vs numpy.linalg.norm",
                max_gap([ours[o] for o in (1.0, 2.0, np.inf)], _numpy_norms(diff)),
                1e-10,
            ),
            Check(
                "L1, L2, L∞ vs scipy.spatial.distance",
                max_gap([ours[o] for o in scipy_distances], list(scipy_distances.values())),
                1e-10,
            ),
            Check("⟨{left}, {right}⟩ vs numpy.dot", abs(inner(a, b) - float(np.dot(a, b))), 1e-10),
            Check(
                "cosine vs 1 − scipy cosine distance",
                abs(cosine - (1 - distance.cosine(a, b))),
                1e-12,
            ),
            Check("‖{left}‖₂² vs ⟨{left}, {left}⟩", abs(p_norm(a, 2) ** 2 - inner(a, a)), 1e-10),
        ),
        plots=(_ball_plot(points),),
        notes=(
            "Norms shrink as {order} grows: ‖·‖₁ ≥ ‖·‖₂ ≥ ‖·‖∞. Cauchy–Schwarz says "
            "|⟨{left},{right}⟩| ≤ ‖{left}‖₂‖{right}‖₂, so the cosine lies in [−1, 1].",
        ),
    )


def _numpy_norms(v: np.ndarray) -> list[float]:
    return [float(np.linalg.norm(v, ord=o)) for o in (1, 2, np.inf)]


def _name(order: float) -> str:
    return "∞" if np.isinf(order) else f"{order:g}"


def _ball_plot(points: int) -> Plot:
    series = []
    for order in (1.0, 2.0, np.inf):
        x, y = unit_ball(order, points)
        series.append(Series(f"‖{{vector}}‖_{_name(order)} = 1", tuple(x), tuple(y)))
    return Plot(
        "unit balls in 2-D (stretched: terminal cells are taller than wide)",
        tuple(series),
        x_label="first entry",
        y_label="second entry",
    )


def main(argv: list[str] | None = None) -> int:
    return run_main(DEMO, run, argv)


if __name__ == "__main__":
    raise SystemExit(main())
