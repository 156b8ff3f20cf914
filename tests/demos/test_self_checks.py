"""Every demo, run quick, agrees with its trusted reference by the numbers, not just exit codes."""

from __future__ import annotations

import importlib

import pytest

from demos.notation import Notation
from demos.registry import list_demos

# (check label prefix, largest acceptable gap) spelled out per demo, independent of the demos'
# own tolerances, so loosening a tolerance in a demo cannot silently pass here.
EXPECTED_GAPS: dict[str, list[tuple[str, float]]] = {
    "activations": [
        ("softmax vs scipy", 1e-12),
        ("sigmoid vs scipy", 1e-12),
        ("symbolic σ′", 1e-8),
    ],
    "attention": [("output vs torch", 1e-12), ("causal output", 1e-12)],
    "bayes_rule": [("marginal", 1e-12), ("posterior", 1e-10), ("∫", 1e-8)],
    "cross_entropy": [("weights vs sklearn", 1e-3), ("probabilities", 1e-3), ("gradient", 1e-7)],
    "elbo": [("log p(x) − ELBO vs KL", 1e-12), ("Monte Carlo ELBO", 3.0), ("optimised", 1e-3)],
    "entropy": [("discrete entropies", 1e-12), ("Monte Carlo", 3.0)],
    "expectation": [("Monte Carlo mean", 3.0), ("scipy.stats quadrature", 1e-8)],
    "gan_minimax": [("trained D vs sklearn", 1e-5), ("G shift", 0.1), ("final value", 0.01)],
    "gradient_descent": [("well-chosen", 1e-8), ("scipy.optimize", 1e-6)],
    "hinge_loss": [("weights vs sklearn LinearSVC", 1e-4), ("objective", 1e-6)],
    "kl_divergence": [
        ("Monte Carlo vs closed form", 3.0),
        ("scipy quad", 1e-8),
        ("symbolic", 1e-7),
    ],
    "l1_regularization": [("lasso path vs sklearn Lasso", 1e-6), ("zero pattern", 0.0)],
    "l2_regularization": [("ridge path vs sklearn Ridge", 1e-8)],
    "log_likelihood": [("MLE", 1e-9), ("Gaussian density", 1e-12), ("∂ℓ/∂μ", 1e-7)],
    "moving_average": [("m recursion vs scipy", 1e-12), ("bias-corrected m", 1e-10)],
    "noise_prediction": [
        ("our squared-error loss vs torch mse_loss", 1e-6),
        ("network vs optimal", 0.1),
    ],
    "norm": [("L1, L2, L∞ vs numpy", 1e-10), ("L1, L2, L∞ vs scipy", 1e-10)],
    "rbf_kernel": [
        ("kernel matrix vs sklearn", 1e-12),
        ("predictions vs sklearn KernelRidge", 1e-8),
    ],
    "reparameterization": [("reparam ∂/∂μ", 3.0), ("score ∂/∂μ", 3.0)],
    "squared_error": [("slope vs sklearn", 1e-3), ("bias vs sklearn", 1e-3), ("symbolic", 1e-6)],
    "standardization": [("ε = 0 vs sklearn StandardScaler", 1e-10), ("constant feature", 0.0)],
}
DEMO_IDS = sorted(info.id for info in list_demos())


def quick_result(demo_id: str):
    return importlib.import_module(f"demos.{demo_id}").run(quick=True, seed=0)


def test_every_demo_has_expected_gaps() -> None:
    assert sorted(EXPECTED_GAPS) == DEMO_IDS


@pytest.mark.parametrize("demo_id", DEMO_IDS)
def test_quick_run_matches_reference(demo_id: str) -> None:
    if demo_id in {"attention", "noise_prediction"}:
        pytest.importorskip("torch")
    result = quick_result(demo_id)
    failed = [c.label for c in result.checks if not c.passed]
    assert not failed
    for prefix, largest in EXPECTED_GAPS[demo_id]:
        check = _find(result, prefix)
        assert check.gap <= largest, (check.label, check.gap)


def _find(result, prefix: str):
    for check in result.checks:
        if _DEFAULT_NOTATION.fill(check.label).startswith(prefix):
            return check
    raise AssertionError(f"no check starting with {prefix!r}: {[c.label for c in result.checks]}")


_DEFAULT_NOTATION = Notation({k: v for info in list_demos() for k, v in info.roles.items()})


def test_squared_error_slope_close_to_sklearn() -> None:
    numbers = quick_result("squared_error").numbers
    slope = numbers["gradient-descent slope {weights}"]
    assert abs(slope - numbers["sklearn LinearRegression slope"]) < 1e-3
    assert abs(slope - 1.5) < 0.2  # and near the line the data were drawn from


def test_elbo_gap_equals_kl_numbers() -> None:
    numbers = quick_result("elbo").numbers
    gap = numbers["log p({data}) (closed form)"] - numbers["ELBO of the first guess"]
    assert gap == pytest.approx(numbers["KL({encoder} ‖ posterior) of the first guess"], abs=1e-12)


def test_kl_asymmetry_and_monte_carlo_numbers() -> None:
    result = quick_result("kl_divergence")
    forward = result.numbers["closed form KL({p} ‖ {q})"]
    backward = result.numbers["closed form KL({q} ‖ {p})  (swapped)"]
    assert forward == pytest.approx(0.4431471805599453, abs=1e-12)  # log 2 + 2/8 − ½
    assert abs(forward - backward) > 0.5
    assert result.check("Monte Carlo vs closed form").gap < 3.0


def test_lasso_is_sparse_and_ridge_is_not() -> None:
    lasso = quick_result("l1_regularization").numbers
    ridge = quick_result("l2_regularization").numbers
    assert lasso["non-zero weights, largest → smallest {strength}"][0] == 0
    assert ridge["weights exactly zero anywhere on the path"] == 0
