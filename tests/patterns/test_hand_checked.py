"""Corpus matches judged by hand stay judged: right ones keep matching, wrong ones stay gone.

The cases come from ``scripts/recognition_report.py``'s random sample; each wrong verdict was
fixed in the catalogue or the matcher, and this test keeps it fixed.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from patterns.catalogue import default_catalogue
from patterns.parser import parse_math
from patterns.recognise import Recogniser

CASES = tomllib.loads((Path(__file__).parent / "hand_checked_matches.toml").read_text("utf-8"))
RECOGNISER = Recogniser(default_catalogue())


def _reported_with_bindings(case: dict) -> bool:
    expected = {role: parse_math(latex) for role, latex in case["bindings"].items()}
    for m in RECOGNISER.find(parse_math(case["latex"])):
        if m.pattern.id == case["pattern"] and all(
            m.bindings.get(role) == node for role, node in expected.items()
        ):
            return True
    return False


@pytest.mark.parametrize(
    "case", CASES["case"], ids=[f"{i}-{c['pattern']}" for i, c in enumerate(CASES["case"])]
)
def test_hand_checked_verdict_holds(case: dict) -> None:
    assert case["verdict"] in ("correct", "wrong")
    assert _reported_with_bindings(case) == (case["verdict"] == "correct"), case["why"]
