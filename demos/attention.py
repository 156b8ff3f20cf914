"""Scaled dot-product attention from scratch, checked against torch's own implementation."""

from __future__ import annotations

import numpy as np

from demos.cli import require_torch, run_main
from demos.numeric import max_gap
from demos.result import Check, DemoInfo, DemoResult, Plot, Series

DEMO = DemoInfo(
    id="attention",
    name="Scaled dot-product attention",
    patterns=("attention",),
    roles={"queries": "Q", "keys": "K", "values": "V", "dimension": "d_k"},
    summary="""Each query in {queries} compares itself with every key in {keys} (a dot product: big
    when they point the same way), turns the scores into weights with a softmax, and returns the
    weighted average of the values in {values}. Scores are divided by √{dimension} because dot
    products of long vectors grow with their length; without that, the softmax would put nearly all
    weight on one key. We check ours against torch.nn.functional.scaled_dot_product_attention.""",
    needs_torch=True,
)


def softmax_rows(scores: np.ndarray) -> np.ndarray:
    weights = np.exp(scores - scores.max(axis=-1, keepdims=True))
    return weights / weights.sum(axis=-1, keepdims=True)


def attention(
    q: np.ndarray, k: np.ndarray, v: np.ndarray, causal: bool = False
) -> tuple[np.ndarray, np.ndarray]:
    """softmax(QKᵀ/√d_k) V; the causal mask hides keys that come after the query."""
    scores = q @ k.T / np.sqrt(q.shape[-1])
    if causal:
        scores = np.where(np.tril(np.ones(scores.shape, dtype=bool)), scores, -np.inf)
    weights = softmax_rows(scores)
    return weights @ v, weights


def mean_entropy(rng: np.random.Generator, dim: int, scaled: bool, keys: int = 16) -> float:
    """Average entropy of attention weights for random queries and keys of length ``dim``."""
    q, k = rng.standard_normal((64, dim)), rng.standard_normal((keys, dim))
    scores = q @ k.T / (np.sqrt(dim) if scaled else 1.0)
    weights = softmax_rows(scores)
    return float(-np.mean(np.sum(weights * np.log(np.clip(weights, 1e-300, None)), axis=1)))


def run(quick: bool = False, seed: int = 0) -> DemoResult:
    torch = require_torch(DEMO.id)
    from torch.nn.functional import scaled_dot_product_attention as sdpa

    rng = np.random.default_rng(seed)
    n, dim = (6, 8) if quick else (32, 64)
    q, k, v = (rng.standard_normal((n, dim)) for _ in range(3))
    ours, weights = attention(q, k, v)
    ours_causal, _ = attention(q, k, v, causal=True)
    tq, tk, tv = (torch.from_numpy(a)[None] for a in (q, k, v))
    theirs = sdpa(tq, tk, tv)[0].numpy()
    theirs_causal = sdpa(tq, tk, tv, is_causal=True)[0].numpy()
    dims = [2, 4, 8, 16, 32, 64, 128, 256] + ([] if quick else [512, 1024])
    scaled = [mean_entropy(rng, d, True) for d in dims]
    unscaled = [mean_entropy(rng, d, False) for d in dims]
    return DemoResult(
        numbers={
            "{queries}, {keys}, {values}: rows × {dimension}": (n, dim),
            "weights of query 1 (first 4 keys)": tuple(float(w) for w in weights[0, :4]),
            "each row of weights sums to": float(weights.sum(axis=1).mean()),
            f"weight entropy at {{dimension}} = {dims[-1]}: scaled, unscaled": (
                scaled[-1],
                unscaled[-1],
            ),
            "log(16), the entropy of uniform weights over 16 keys": float(np.log(16)),
        },
        checks=(
            Check("output vs torch scaled_dot_product_attention", max_gap(ours, theirs), 1e-12),
            Check(
                "causal output vs torch (is_causal=True)",
                max_gap(ours_causal, theirs_causal),
                1e-12,
            ),
        ),
        plots=(
            Plot(
                "why divide by √{dimension}: weight entropy for random {queries}, {keys}",
                (
                    Series(
                        "scaled by 1/√{dimension}", tuple(float(d) for d in dims), tuple(scaled)
                    ),
                    Series("unscaled", tuple(float(d) for d in dims), tuple(unscaled)),
                ),
                x_label="{dimension}",
                y_label="entropy (nats)",
                log_x=True,
            ),
        ),
        notes=(
            "Unscaled, longer vectors make the softmax ever more peaked (entropy → 0), which "
            "also starves the gradients; scaling keeps the spread of the scores at about 1.",
        ),
    )


def main(argv: list[str] | None = None) -> int:
    return run_main(DEMO, run, argv)


if __name__ == "__main__":
    raise SystemExit(main())
