"""Real equations from ``../shared/corpus``: the seeds that mutation fuzzing starts from.

Random soup rarely reaches deep into the grammar; a real equation with one edit does (a brace
dropped from a fraction inside a subscript inside an expectation). The corpus sits next to the
repository, not in it, so the tests that need it skip when it is absent.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

from tests.fuzz.harness import PROFILE

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
LATEX = CORPUS / "latex"

CI_PAPERS = ("transformer", "icl-as-gd", "deepseek-v3", "dlbook-notation",
             "hyperbolic-normalizing-flows", "principles-diffusion-ch1-zh")
"""Papers read by the ``ci`` profile: ~1,500 equations in ~2 s. The ``long`` profile reads every
paper (~8,000 equations, ~10 s), which would be most of the ci budget."""

_SKIP = pytest.mark.skipif(not LATEX.is_dir(), reason="../shared/corpus is absent")


def needs_corpus(test: Callable[..., None]) -> Callable[..., None]:
    """Mark a test whose strategy draws corpus equations: ``corpus``, skipped without it."""
    return pytest.mark.corpus(_SKIP(test))


@cache
def corpus_equations() -> tuple[str, ...]:
    """Every distinct equation (display and inline, macros expanded) of the chosen papers."""
    from reader.sources.latex import load_latex

    if not LATEX.is_dir():
        pytest.skip("../shared/corpus is absent")
    folders = sorted(p for p in LATEX.iterdir() if p.is_dir())
    if PROFILE != "long":
        folders = [p for p in folders if p.name in CI_PAPERS]
    seen: dict[str, None] = {}
    for folder in folders:
        for equation in load_latex(folder).equations:
            seen.setdefault(equation.latex, None)
    return tuple(seen)
