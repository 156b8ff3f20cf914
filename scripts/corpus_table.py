"""Print, per corpus LaTeX paper: equations found (display/inline), numbered, errors, load time.

A quick health check after changing the LaTeX source: counts that jump or errors that appear
point at a regression before any test is written for it.

Usage: python scripts/corpus_table.py [CORPUS_DIR]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def main(argv: list[str]) -> int:
    from reader.errors import EqlensError
    from reader.sources.latex import load_latex

    corpus = Path(argv[1]) if len(argv) > 1 else DEFAULT_CORPUS
    print(f"{'paper':32} {'display':>7} {'inline':>7} {'numbered':>8} {'errors':>6} "
          f"{'warnings':>8} {'seconds':>7}")
    for folder in sorted((corpus / "latex").iterdir()):
        started = time.perf_counter()
        try:
            paper = load_latex(folder)
        except EqlensError as exc:
            print(f"{folder.name:32} failed: {exc.message}")
            continue
        seconds = time.perf_counter() - started
        display = sum(eq.display for eq in paper.equations)
        numbered = sum(eq.number is not None for eq in paper.equations)
        errors = sum(eq.error is not None for eq in paper.equations)
        print(f"{folder.name:32} {display:7} {len(paper.equations) - display:7} {numbered:8} "
              f"{errors:6} {len(paper.warnings):8} {seconds:7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
