"""Options every demo shares: --bindings, --seed, exit codes, streaming as a subprocess."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from demos import entropy, norm, squared_error
from demos.cli import EXIT_MISSING_DEPENDENCY, EXIT_USAGE

ROOT = Path(__file__).resolve().parents[2]


def run_python(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=60
    )


def test_bindings_rename_the_printout(capsys) -> None:
    code = squared_error.main(
        ["--quick", "--bindings", '{"target": "ε", "prediction": "ε_θ(x_t)"}']
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "ε_θ(x_t)" in out and "(ε − ε_θ(x_t))²" in out
    assert "ŷ" not in out  # the default symbol is gone everywhere, derivations included


def test_unknown_roles_are_ignored_with_one_line(capsys) -> None:
    assert norm.main(["--quick", "--bindings", '{"vector": "x", "colour": "red"}']) == 0
    out = capsys.readouterr().out
    assert [line for line in out.splitlines() if "ignored" in line] == [
        "(ignored unknown role names in --bindings: colour)"
    ]
    assert "‖x‖_1 = 1" in out


@pytest.mark.parametrize("raw", ["{not json", "[1, 2]", '{"target": 3}'])
def test_bad_bindings_exit_2_with_one_line(raw: str, capsys) -> None:
    assert squared_error.main(["--quick", "--bindings", raw]) == EXIT_USAGE
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1
    assert "Traceback" not in captured.err


def test_bad_bindings_in_a_subprocess_has_no_traceback() -> None:
    done = run_python("-m", "demos.entropy", "--bindings", "{oops")
    assert done.returncode == EXIT_USAGE
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr


def test_same_seed_same_numbers_other_seed_differs() -> None:
    first, again = entropy.run(quick=True, seed=4), entropy.run(quick=True, seed=4)
    assert first == again
    assert entropy.run(quick=True, seed=5).numbers != first.numbers


@pytest.mark.parametrize("demo_id", ["squared_error", "kl_divergence", "gan_minimax"])
def test_runs_are_deterministic(demo_id: str) -> None:
    import importlib

    module = importlib.import_module(f"demos.{demo_id}")
    assert module.run(quick=True, seed=3).numbers == module.run(quick=True, seed=3).numbers


def test_torch_demo_is_deterministic() -> None:
    pytest.importorskip("torch")
    from demos import noise_prediction

    first = noise_prediction.run(quick=True, seed=1).numbers
    assert noise_prediction.run(quick=True, seed=1).numbers == first


def test_module_runs_as_a_subprocess() -> None:
    done = run_python("-m", "demos.squared_error", "--quick")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Fit a line by minimising the mean squared error\n")
    assert "slope vs sklearn LinearRegression: matches to" in done.stdout
    assert "\x1b[" not in done.stdout  # no colour when stdout is a pipe
    assert max(len(line) for line in done.stdout.splitlines()) <= 100


SHIM = (
    "import sys; sys.modules['torch'] = None; import runpy; "  # None makes `import torch` fail
    "runpy.run_module('demos.{}', run_name='__main__')"
)


@pytest.mark.parametrize("demo_id", ["attention", "noise_prediction"])
def test_missing_torch_prints_one_line_and_exits_3(demo_id: str) -> None:
    done = run_python("-c", SHIM.format(demo_id))
    assert done.returncode == EXIT_MISSING_DEPENDENCY
    assert done.stdout.strip().splitlines() == [
        f'demo {demo_id} needs PyTorch: pip install "eqlens[torch]"'
    ]
    assert "Traceback" not in done.stderr


def test_other_demos_never_import_torch() -> None:
    code = (
        "import sys; from demos import registry\n"
        "for info in registry.list_demos():\n"
        "    if not info.needs_torch:\n"
        "        __import__('demos.' + info.id, fromlist=['run']).run(quick=True)\n"
        "print('torch' in sys.modules)"
    )
    done = run_python("-c", code)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
