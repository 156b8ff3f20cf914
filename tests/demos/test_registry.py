"""The registry serves every required pattern exactly once and lists demos without heavy imports."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

from demos.registry import demo_for_pattern, list_demos, run_module_main

ROOT = Path(__file__).resolve().parents[2]
REQUIRED_PATTERNS = (
    "squared_error expectation norm kl_divergence cross_entropy log_likelihood entropy elbo "
    "gaussian bayes_rule marginalization variance reparameterization softmax sigmoid relu "
    "attention linear_model inner_product standardization gradient_descent moving_average argmin "
    "argmax l2_regularization l1_regularization hinge_loss gan_minimax rbf_kernel noise_prediction"
).split()
TORCH_DEMOS = {"attention", "noise_prediction"}


def test_every_required_pattern_is_served_exactly_once() -> None:
    served = Counter(p for info in list_demos() for p in info.patterns)
    assert {p: served[p] for p in REQUIRED_PATTERNS} == dict.fromkeys(REQUIRED_PATTERNS, 1)


def test_demo_id_equals_module_file() -> None:
    for info in list_demos():
        assert (ROOT / "demos" / f"{info.id}.py").is_file()


def test_demo_for_pattern() -> None:
    assert demo_for_pattern("variance").id == "expectation"
    assert demo_for_pattern("noise_prediction").id == "noise_prediction"
    assert demo_for_pattern("no_such_pattern") is None


def test_only_torch_demos_need_torch() -> None:
    assert {info.id for info in list_demos() if info.needs_torch} == TORCH_DEMOS


def test_every_summary_uses_only_declared_roles() -> None:
    import re

    for info in list_demos():
        used = set(re.findall(r"\{([a-z_]+)\}", info.summary))
        assert used <= set(info.roles), (info.id, used - set(info.roles))


def test_listing_does_not_import_heavy_modules() -> None:
    code = (
        "import sys, json; from demos.registry import list_demos; list_demos();"
        "heavy = ('torch', 'sklearn', 'sympy', 'scipy');"
        "print(json.dumps(sorted(m for m in heavy if m in sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == []


def test_run_module_main_unknown_id_is_usage_error(capsys) -> None:
    assert run_module_main("no_such_demo", []) == 2
    assert "no_such_demo" in capsys.readouterr().err


def test_run_module_main_runs_a_demo(capsys) -> None:
    assert run_module_main("norm", ["--quick"]) == 0
    assert "all self-checks passed" in capsys.readouterr().out
