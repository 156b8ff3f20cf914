"""``eqlens glossary`` and the ``symbols`` of ``eqlens explain --json``, as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys


def eqlens(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader.cli", *args], capture_output=True,
                          text=True, encoding="utf-8", timeout=120)


def test_glossary_lists_every_meaning_of_a_unicode_glyph():
    run = eqlens("glossary", "σ")
    assert run.returncode == 0, run.stderr
    ids = [line.split()[0] for line in run.stdout.splitlines()]
    assert ids == ["sigmoid", "standard_deviation"]


def test_glossary_shows_one_entry_in_full():
    run = eqlens("glossary", r"\mathbb{E}")
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("expectation (expected value) (expectation)")
    assert "read as:" in run.stdout and "example:" in run.stdout


def test_glossary_json_and_unknown_query():
    entries = json.loads(eqlens("glossary", "learning rate", "--json").stdout)
    assert entries[0]["id"] == "learning_rate" and "\\eta" in entries[0]["symbols"]
    run = eqlens("glossary", "no-such-symbol-anywhere")
    assert run.returncode == 1
    assert run.stderr.strip().startswith("eqlens: no glossary entry matches")
    assert "Traceback" not in run.stderr


def test_explain_json_lists_every_symbol_with_meaning_and_role():
    latex = r"\|\epsilon - \epsilon_\theta(x_t, t)\|^2"
    run = eqlens("explain", latex, "--json")
    assert run.returncode == 0, run.stderr
    symbols = {s["text"]: s for s in json.loads(run.stdout)["symbols"]}
    assert set(symbols) == {"‖·‖", "ε", "ε_θ", "θ", "xₜ", "t"}
    prediction = symbols["ε_θ"]
    assert prediction["glossary"] == "noise"
    assert prediction["role"] == "prediction in squared error"
    assert [latex[a:b] for a, b in prediction["spans"]] == [r"\epsilon_\theta"]
    assert set(prediction) >= {"latex", "text", "spans", "glossary", "meaning", "role",
                               "definition", "overloaded"}
    assert symbols["‖·‖"]["glossary"] == "norm" and symbols["‖·‖"]["role"] is None


def test_explain_text_prints_a_symbol_table():
    run = eqlens("explain", r"\hat{y} = \sigma(w^\top x + b)")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert any(line.strip().startswith("σ") and "sigmoid" in line for line in lines)
    assert any(line.strip().startswith("ᵀ") and "transpose" in line for line in lines)
