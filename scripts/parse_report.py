"""Parse rate per corpus paper: display equations with no unparsed node, and the reasons.

Run: python scripts/parse_report.py [--reasons]   (needs ../shared/corpus beside the repo)
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "latex"
sys.path.insert(0, str(ROOT))


@dataclass
class PaperParse:
    name: str
    display: int
    parsed: int
    seconds: float
    reasons: Counter

    @property
    def share(self) -> float:
        return self.parsed / self.display if self.display else 1.0


def measure(folder: Path) -> PaperParse:
    from patterns.parser import parse_math
    from patterns.tree import unparsed_nodes
    from reader.sources.latex import load_latex

    start = time.perf_counter()
    paper = load_latex(folder)
    reasons: Counter = Counter()
    display = parsed = 0
    for eq in paper.equations:
        if not eq.display:
            continue
        display += 1
        problems = unparsed_nodes(parse_math(eq.latex))
        if eq.error:
            reasons[f"source: {eq.error[:60]}"] += 1
        elif problems:
            reasons.update(p.reason for p in problems)
        else:
            parsed += 1
    return PaperParse(folder.name, display, parsed, time.perf_counter() - start, reasons)


def corpus_papers() -> list[Path]:
    return sorted(p for p in CORPUS.iterdir() if p.is_dir()) if CORPUS.is_dir() else []


def main() -> int:
    args = argparse.ArgumentParser(description=__doc__)
    args.add_argument("--reasons", action="store_true", help="list why equations did not parse")
    opts = args.parse_args()
    papers = corpus_papers()
    if not papers:
        print(f"no corpus at {CORPUS}")
        return 1
    print("| paper | display eqs | fully parsed | share | load+parse s |\n|---|---|---|---|---|")
    results = [measure(p) for p in papers]
    for r in results:
        print(f"| {r.name} | {r.display} | {r.parsed} | {r.share:.1%} | {r.seconds:.2f} |")
    if opts.reasons:
        for r in results:
            for reason, count in r.reasons.most_common(8):
                print(f"{r.name}: {count} × {reason}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
