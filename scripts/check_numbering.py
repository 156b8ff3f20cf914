"""Compare the equation numbers eqlens assigns with those printed in compiled PDFs.

Numbers are what readers quote ("see Eq. 12"), so they must match the PDF exactly. For each
corpus paper with a PDF we compiled from its LaTeX, this reads the numbers printed at the end of
display lines, aligns both ordered lists with difflib (a missed or extra equation shifts
everything after it, so positionwise comparison would be meaningless) and prints how many agree.

Usage: python scripts/check_numbering.py [CORPUS_DIR]
"""

from __future__ import annotations

import difflib
import re
import sys
from dataclasses import dataclass
from pathlib import Path

PAPERS = {
    "transformer": "transformer.pdf",
    "amortized-optimization": "amortized-optimization.pdf",
    "hyperbolic-normalizing-flows": "hyperbolic-normalizing-flows.pdf",
    "icl-as-gd": "icl-as-gd.pdf",
    "flow-matching-diffusion-notes": "flow-matching-diffusion-notes.pdf",
}
"""Corpus papers (folders in latex/) with a PDF in pdf-from-latex/."""

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"

_NUMBER = re.compile(r"^\(([A-Z]?\d+(?:\.\d+)*[a-z]?)\)$")
_MIN_GAP = 7.0
"""Points of blank space around a printed equation number; inline "(3)" has word spacing."""


@dataclass(frozen=True, slots=True)
class Comparison:
    paper: str
    ours: int
    printed: int
    matched: int

    @property
    def share(self) -> float:
        return self.matched / max(self.ours, self.printed, 1)


def pdf_numbers(pdf: Path) -> list[str]:
    """Equation numbers printed in ``pdf``, in reading order (columns left to right)."""
    import pymupdf

    found: list[tuple[int, int, float, str]] = []
    with pymupdf.open(pdf) as document:
        for page_number, page in enumerate(document):
            words = page.get_text("words")
            width = page.rect.width
            for word in words:
                match = _NUMBER.match(word[4])
                if match and _isolated(word, words):
                    column = 0 if word[2] < width * 0.55 else 1
                    found.append((page_number, column, word[1], match.group(1)))
    return [number for *_, number in sorted(found)]


def _isolated(word: tuple, words: list[tuple]) -> bool:
    """No other word on the same line within _MIN_GAP points on either side."""
    x0, y0, x1, y1 = word[:4]
    for other in words:
        if other is word or other[3] < y0 + 1 or other[1] > y1 - 1:
            continue
        if -_MIN_GAP < other[0] - x1 < _MIN_GAP or -_MIN_GAP < x0 - other[2] < _MIN_GAP:
            return False
    return True


def our_numbers(folder: Path) -> list[str]:
    from reader.sources.latex import load_latex

    paper = load_latex(folder)
    return [eq.number for eq in paper.equations if eq.display and eq.number]


def compare(paper: str, ours: list[str], printed: list[str]) -> Comparison:
    matcher = difflib.SequenceMatcher(a=ours, b=printed, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return Comparison(paper, len(ours), len(printed), matched)


def compare_corpus(corpus: Path) -> list[Comparison]:
    results = []
    for name, pdf in PAPERS.items():
        folder, pdf_path = corpus / "latex" / name, corpus / "pdf-from-latex" / pdf
        if folder.is_dir() and pdf_path.is_file():
            results.append(compare(name, our_numbers(folder), pdf_numbers(pdf_path)))
    return results


def main(argv: list[str]) -> int:
    corpus = Path(argv[1]) if len(argv) > 1 else DEFAULT_CORPUS
    results = compare_corpus(corpus)
    print(f"{'paper':32} {'ours':>5} {'in PDF':>7} {'matched':>8} {'share':>7}")
    for r in results:
        print(f"{r.paper:32} {r.ours:5} {r.printed:7} {r.matched:8} {r.share:7.1%}")
    return 0 if results and all(r.share >= 0.95 for r in results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
