"""The memory target, held: opening the largest corpus paper stays under 150 MB without torch.

The benchmark (tests/benchmarks/test_peak_memory.py) records the figures; this test fails the
suite when the reader or ``annotate`` grows past the target again. Memory, unlike time, does not
depend on what else the machine is doing, so a fixed bound is a fair assertion here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.benchmarks.test_peak_memory import ANNOTATE, PAPER, READER, TARGET_MB, _child

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"

pytestmark = [pytest.mark.corpus, pytest.mark.slow,
              pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")]


def test_the_reader_opens_the_largest_paper_under_the_target(tmp_path: Path) -> None:
    facts = _child(READER, str(CORPUS / PAPER), work=tmp_path)
    assert facts["equations"] > 4000
    assert not facts["torch"]
    assert facts["peak_mb"] < TARGET_MB


@pytest.mark.parametrize("fmt", ["json", "html"])
def test_annotate_exports_the_largest_paper_under_the_target(tmp_path: Path, fmt: str) -> None:
    facts = _child(ANNOTATE, str(CORPUS / PAPER), fmt, str(tmp_path / f"out.{fmt}"),
                   work=tmp_path)
    assert facts["exit_code"] == 0 and not facts["torch"]
    assert facts["peak_mb"] < TARGET_MB
