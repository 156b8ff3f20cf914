"""Glossary coverage on the corpus, and a random sample of context decisions to judge by hand.

    python scripts/glossary_report.py                 # coverage table (display equations)
    python scripts/glossary_report.py --sample 30     # contested decisions to check by hand
    python scripts/glossary_report.py --missing 30    # the most frequent glyphs with no entry

Coverage is the share of symbol occurrences (each span counts) that have a glossary entry or a
definition in the paper's own prose. A "contested" decision is one where the glyph had two or
more candidate meanings, so context (or the prior) had to choose.
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from pathlib import Path

from reader.model import AnnotatedPaper
from reader.pipeline import annotate
from reader.sources.latex import load_latex

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "latex"


def corpus_papers() -> list[tuple[str, AnnotatedPaper]]:
    """Every LaTeX paper of the corpus, annotated (empty when the corpus is absent)."""
    if not CORPUS.is_dir():
        return []
    return [(folder.name, annotate(load_latex(folder)))
            for folder in sorted(CORPUS.iterdir()) if folder.is_dir()]


def coverage(annotated: AnnotatedPaper) -> tuple[int, int, int, int]:
    """(occurrences, with glossary, with definition, with either) over display equations."""
    total = glossary = defined = either = 0
    for item in annotated.equations:
        if not item.equation.display:
            continue
        for symbol in item.symbols:
            count = len(symbol["spans"])
            total += count
            glossary += count * bool(symbol["glossary"])
            defined += count * bool(symbol["definition"])
            either += count * bool(symbol["glossary"] or symbol["definition"])
    return total, glossary, defined, either


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


def print_coverage(papers: list[tuple[str, AnnotatedPaper]]) -> None:
    print("| paper | occurrences | glossary | paper definition | either |")
    print("|---|---|---|---|---|")
    sums = [0, 0, 0, 0]
    for name, annotated in papers:
        row = coverage(annotated)
        sums = [a + b for a, b in zip(sums, row, strict=True)]
        print(f"| {name} | {row[0]} | {_share(row[1], row[0])} | {_share(row[2], row[0])} | "
              f"{_share(row[3], row[0])} |")
    print(f"| **all** | {sums[0]} | {_share(sums[1], sums[0])} | {_share(sums[2], sums[0])} | "
          f"{_share(sums[3], sums[0])} |")


def print_sample(papers: list[tuple[str, AnnotatedPaper]], size: int, seed: int) -> None:
    contested = [(name, item, symbol) for name, annotated in papers
                 for item in annotated.equations if item.equation.display
                 for symbol in item.symbols if symbol["alternatives"]]
    for name, item, symbol in random.Random(seed).sample(contested, min(size, len(contested))):
        eq = item.equation
        print(f"{name} {eq.id} ({eq.number or '-'})  {item.text[:110]}")
        print(f"    {symbol['text']} [{symbol['latex']}] -> {symbol['glossary']}  "
              f"({symbol['reason']}); also {symbol['alternatives'][:3]}")


def print_missing(papers: list[tuple[str, AnnotatedPaper]], size: int) -> None:
    missing: Counter[str] = Counter()
    for _, annotated in papers:
        for item in annotated.equations:
            for symbol in item.symbols:
                if item.equation.display and not symbol["glossary"]:
                    missing[symbol["latex"]] += len(symbol["spans"])
    for latex, count in missing.most_common(size):
        print(f"{count:6}  {latex}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, help="print this many contested decisions")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--missing", type=int, help="print the most frequent uncovered glyphs")
    args = parser.parse_args()
    papers = corpus_papers()
    if not papers:
        raise SystemExit(f"corpus not found at {CORPUS}")
    if args.sample:
        print_sample(papers, args.sample, args.seed)
    elif args.missing:
        print_missing(papers, args.missing)
    else:
        print_coverage(papers)


if __name__ == "__main__":
    main()
