"""Definition extraction against hand labels on two real papers of ../shared/corpus.

The labels (tests/fixtures/definitions/*.toml) were written by reading each paper's prose before
the extractor existed; scripts/definition_report.py scores the extractor against them and prints
the table. The fixture checks below run without the corpus; the scores need it.
"""

from __future__ import annotations

import importlib
import sys
import time
import tomllib
from pathlib import Path

import pytest

from reader.definitions import symbol_key

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
FIXTURES = sorted((ROOT / "tests" / "fixtures" / "definitions").glob("*.toml"))

# Measured when the labels were scored (see the fixtures' headers); a little slack below it.
MIN_PRECISION = 0.85
MIN_RECALL = 0.75

def _report_module():
    """scripts/definition_report.py, which holds the scoring (scripts is no package)."""
    if str(ROOT / "scripts") not in sys.path:
        sys.path.insert(0, str(ROOT / "scripts"))
    return importlib.import_module("definition_report")


def test_there_are_two_labelled_papers():
    assert len(FIXTURES) == 2


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_labels_are_short_and_well_formed(fixture):
    data = tomllib.loads(fixture.read_text(encoding="utf-8"))
    labels = data["definition"]
    assert data["paper"] == fixture.stem
    assert len(labels) >= 40
    seen = set()
    for label in labels:
        assert set(label) == {"symbol", "text", "file", "line"}, label
        assert 0 < len(label["text"].split()) <= 8, label
        assert label["file"] in data["files"], label
        key = (symbol_key(label["symbol"]), label["file"], label["line"])
        assert key not in seen, label  # one label per symbol per paragraph
        seen.add(key)


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")
@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_extractor_agrees_with_the_hand_labels(fixture):
    report = _report_module()
    started = time.perf_counter()
    score = report.score_paper(fixture, CORPUS)
    assert time.perf_counter() - started < 10  # loading included; extraction alone is ~0.1 s
    assert score.precision >= MIN_PRECISION, report.details(score)
    assert score.recall >= MIN_RECALL, report.details(score)
