"""Small numerical helpers shared by demos: finite differences, gaps, Monte Carlo errors."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np


def central_difference(
    f: Callable[[np.ndarray], float], x: np.ndarray, h: float = 1e-6
) -> np.ndarray:
    """Gradient of scalar ``f`` at ``x`` by central differences: the reference for derivations."""
    x = np.asarray(x, dtype=float)
    grad = np.empty_like(x)
    for i in range(x.size):
        step = np.zeros_like(x)
        step.flat[i] = h
        grad.flat[i] = (f(x + step) - f(x - step)) / (2 * h)
    return grad


def max_gap(a, b) -> float:
    """Largest absolute difference; the single number printed for a check."""
    return float(np.max(np.abs(np.asarray(a, dtype=float) - np.asarray(b, dtype=float))))


def standard_errors_off(samples: np.ndarray, exact: float) -> float:
    """How many standard errors the sample mean sits from ``exact`` (|z| of a Monte Carlo run)."""
    se = samples.std(ddof=1) / np.sqrt(samples.size)
    return float(abs(samples.mean() - exact) / se)


def running_mean(samples: np.ndarray) -> np.ndarray:
    return np.cumsum(samples) / np.arange(1, samples.size + 1)


def log_spaced_indices(n: int, count: int = 60) -> np.ndarray:
    """Indices 1..n spread evenly on a log scale, for convergence plots with few points."""
    return np.unique(np.geomspace(1, n, count).astype(int)) - 1
