"""Context-aware lookup: what each symbol of an equation means there, as a reader would say it."""

from __future__ import annotations

import pytest

from glossary.entry import default_entries
from glossary.lookup import Glossary, default_glossary
from patterns.parser import parse_math
from reader.pipeline import recogniser


def explain(latex: str) -> dict[str, object]:
    """Symbol text → its explanation, for one equation."""
    tree = parse_math(latex)
    found = default_glossary().explain(tree, latex, recogniser().find(tree))
    return {s.text: s for s in found}


def meaning(latex: str, symbol: str) -> str | None:
    explanation = explain(latex)[symbol]
    return explanation.entry.id if explanation.entry else None


CUE_EXAMPLES = [
    pytest.param(entry.id, example, id=f"{entry.id}:{example[:40]}")
    for entry in default_entries()
    for cue in entry.cues
    for example in cue.examples
]


@pytest.mark.parametrize(("entry_id", "example"), CUE_EXAMPLES)
def test_every_cue_example_resolves_to_its_entry(entry_id: str, example: str):
    tree = parse_math(example)
    found = default_glossary().explain(tree, example, recogniser().find(tree))
    chosen = {s.entry.id for s in found if s.entry}
    assert entry_id in chosen, [(s.text, s.entry and s.entry.id, s.reason) for s in found]


@pytest.mark.parametrize(("latex", "symbol", "expected"), [
    (r"\hat{y} = \sigma(w^\top x + b)", "σ", "sigmoid"),
    (r"p(x) = \mathcal{N}(x; \mu, \sigma^2)", "σ", "standard_deviation"),
    (r"x_t = \alpha_t x_0 + \sigma_t \epsilon", "σₜ", "standard_deviation"),
    (r"z = \frac{x - \mu}{\sigma}", "σ", "standard_deviation"),
    (r"\theta \leftarrow \theta - \eta \nabla_\theta \mathcal{L}(\theta)", "η", "learning_rate"),
    (r"w_{t+1} = w_t - \alpha \nabla f(w_t)", "α", "learning_rate"),
    (r"J(w) = \|y - Xw\|^2 + \lambda \|w\|_2^2", "λ", "regularization_strength"),
    (r"\hat{x} = \frac{x - \mu}{\sqrt{\sigma^2 + \epsilon}}", "ε", "small_constant"),
    (r"\epsilon \sim \mathcal{N}(0, I)", "ε", "noise"),
    (r"L = \mathbb{E}\left[\|\epsilon - \epsilon_\theta(x_t, t)\|^2\right] + C", "C", "constant"),
    (r"\log p_\theta(x) \geq \mathrm{ELBO}", "θ", "parameters"),
    (r"q_\phi(z \mid x) = \mathcal{N}(z; \mu, \sigma^2)", "φ", "parameters"),
    (r"L = \sum_{i=1}^{n} \ell_i", "∑", "sum"),
    (r"p(x) = \mathcal{N}(x; \mu, \Sigma)", "Σ", "covariance"),
    (r"\mu = \frac{1}{n} \sum_i x_i", "μ", "mean"),
    (r"\mathbb{E}_{x \sim p}[f(x)]", "𝔼", "expectation"),
    (r"g = \nabla_\theta L(\theta)", "∇", "gradient"),
    (r"\frac{\partial L}{\partial w}", "∂", "partial_derivative"),
    (r"d = \|u - v\|_2", "‖·‖", "norm"),
    (r"z \sim \mathcal{N}(0, I)", "∼", "distributed_as"),
    (r"f(x) := x^2", ":=", "definition"),
    (r"z = \mu + \sigma \odot \epsilon", "⊙", "hadamard_product"),
    (r"y = W^\top x", "ᵀ", "transpose"),
    (r"x \in \mathbb{R}^d", "ℝ", "real_numbers"),
])
def test_context_decides_the_meaning(latex: str, symbol: str, expected: str):
    found = explain(latex)
    assert symbol in found, sorted(found)
    assert meaning(latex, symbol) == expected, found[symbol].reason


def test_the_explanation_says_what_decided():
    assert explain(r"\hat{y} = \sigma(w^\top x + b)")["σ"].reason.startswith("context ")
    assert "standard_deviation" in explain(r"\hat{y} = \sigma(z)")["σ"].alternatives


def test_a_symbol_bound_to_a_pattern_role_carries_that_role():
    ddpm = r"\mathbb{E}_{t, x_0, \epsilon}\left[\|\epsilon - \epsilon_\theta(x_t, t)\|^2\right]"
    found = explain(ddpm)
    labels = [label for label, _ in found["ε_θ"].roles]
    assert "prediction in squared error" in labels
    assert any(label.startswith("target in") for label, _ in found["ε"].roles)
    assert found["‖·‖"].roles == ()  # an operator plays no role of its own


def test_indexed_and_accented_spellings_are_distinct_symbols():
    found = explain(r"\hat{\theta}_t = \theta_t + \theta")
    assert {"θ̂ₜ", "θₜ", "θ"} <= set(found)
    assert found["θ"].entry.id == "parameters"


def test_a_glyph_without_entry_says_so_instead_of_guessing():
    found = explain(r"\Upsilon = 1")
    assert found["Υ"].entry is None
    assert found["Υ"].reason == "no glossary entry"


def test_spans_point_at_every_occurrence_of_the_glyph():
    latex = r"\|\epsilon - \epsilon_\theta(x)\|^2 + \epsilon"
    found = explain(latex)
    assert [latex[a:b] for a, b in found["ε"].spans] == [r"\epsilon", r"\epsilon"]
    assert [latex[a:b] for a, b in found["ε_θ"].spans] == [r"\epsilon_\theta"]
    assert [latex[a:b] for a, b in found["‖·‖"].spans] == [r"\|", r"\|"]


def test_powers_are_not_part_of_a_symbol_but_parenthesised_indices_are():
    found = explain(r"\sigma^2 + x^{(n)} + \theta^*")
    assert {"σ", "x⁽ⁿ⁾", "n", "θ^*"} == set(found)


def test_word_indices_are_labels_not_letters():
    found = explain(r"\mathcal{L}_{\text{simple}} = p_{data}(x)")
    assert not {"d", "a", "t", "simple"} & set(found)


def test_search_finds_entries_by_name_id_latex_and_unicode():
    glossary = default_glossary()
    assert [e.id for e in glossary.search("σ")] == ["sigmoid", "standard_deviation"]
    assert [e.id for e in glossary.search(r"\sigma")] == ["sigmoid", "standard_deviation"]
    assert glossary.search(r"\mathbb{E}")[0].id == "expectation"
    assert glossary.search("learning rate")[0].id == "learning_rate"
    assert glossary.search("kl_divergence")[0].id == "kl_divergence"
    assert glossary.search("zzzz-not-a-thing") == []


def test_a_new_entry_is_only_a_data_file(tmp_path):
    group = tmp_path / "greek"
    group.mkdir()
    (group / "upsilon_thing.toml").write_text(
        "id = 'upsilon_thing'\nname = 'upsilon thing'\nsymbols = ['\\Upsilon']\n"
        "read_as = 'upsilon'\nmeaning = 'A made-up meaning. It exists for this test.'\n"
        "example = '\\Upsilon = 1'\nsee_also = []\n"
        "[[cues]]\ntemplate = '\\Upsilon(?x)'\nweight = 2.0\nexamples = ['\\Upsilon(x)']\n",
        encoding="utf-8",
    )
    from glossary.entry import load_entries

    glossary = Glossary(load_entries(tmp_path))
    tree = parse_math(r"\Upsilon(x) = 1")
    [upsilon, _x] = glossary.explain(tree, r"\Upsilon(x) = 1")
    assert upsilon.entry.id == "upsilon_thing"
    assert upsilon.reason == "the only meaning of this glyph"
