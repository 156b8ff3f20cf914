"""Every pattern file validates, and its own examples match (and do not) as they say."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from patterns.catalogue import load_catalogue
from patterns.parser import parse_math
from patterns.recognise import Recogniser
from patterns.tree import unparsed_nodes

PATTERNS, FAILURES = load_catalogue()
RECOGNISER = Recogniser(PATTERNS)

REQUIRED_IDS = """squared_error expectation norm kl_divergence cross_entropy log_likelihood entropy
elbo gaussian bayes_rule marginalization variance reparameterization softmax sigmoid relu attention
linear_model inner_product standardization gradient_descent moving_average argmin argmax
l2_regularization l1_regularization hinge_loss gan_minimax rbf_kernel""".split()


def test_every_file_is_valid() -> None:
    assert FAILURES == [], "\n".join(str(f) for f in FAILURES)


def test_every_file_is_one_pattern_named_after_its_id() -> None:
    root = resources.files("patterns") / "catalogue"
    files = sorted(p.name[:-5] for d in root.iterdir() if d.is_dir() for p in d.iterdir()
                   if p.name.endswith(".toml"))
    assert sorted(p.id for p in PATTERNS) == files


def test_required_patterns_exist() -> None:
    missing = sorted(set(REQUIRED_IDS) - {p.id for p in PATTERNS})
    assert missing == []


def test_summaries_name_only_declared_roles() -> None:
    """A ``{placeholder}`` that is not a role would reach the reader as literal braces."""
    undeclared = {p.id: sorted(set(re.findall(r"\{(\w+)\}", p.summary)) - set(p.roles))
                  for p in PATTERNS}
    assert {k: v for k, v in undeclared.items() if v} == {}


def _cases(kind: str):
    for pattern in PATTERNS:
        examples = pattern.match_examples if kind == "match" else pattern.no_match_examples
        for i, example in enumerate(examples):
            yield pytest.param(pattern, example, id=f"{pattern.id}-{i}")


@pytest.mark.parametrize(("pattern", "example"), list(_cases("match")))
def test_match_example_matches_with_its_bindings(pattern, example) -> None:
    tree = parse_math(example.latex)
    assert unparsed_nodes(tree) == []
    found = [m for m in RECOGNISER.find(tree) if m.pattern.id == pattern.id]
    assert found, f"{pattern.id} not found in {example.latex}"
    expected = {role: parse_math(latex) for role, latex in example.bindings.items()}
    actual = [{r: n for r, n in m.bindings.items() if r in expected} for m in found]
    assert expected in actual, f"bindings {actual} != {expected}"


@pytest.mark.parametrize(("pattern", "example"), list(_cases("no_match")))
def test_near_miss_does_not_match(pattern, example: str) -> None:
    found = [m.pattern.id for m in RECOGNISER.find(parse_math(example))]
    assert pattern.id not in found
