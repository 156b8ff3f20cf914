"""How well the pattern catalogue recognises the math in the shared corpus.

Run ``python scripts/recognition_report.py`` from the repository. For every document it prints
how many display equations there are, how many parse without unparsed parts, how many carry at
least one pattern and which patterns; then a seeded random sample of matches to check by hand
(the verdicts live in ``tests/patterns/hand_checked_matches.toml``). The numbers are for us,
not for CI: the corpus is internal data and may be absent.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from patterns.catalogue import default_catalogue  # noqa: E402
from patterns.parser import parse_math  # noqa: E402
from patterns.printer import to_latex  # noqa: E402
from patterns.recognise import Match, Recogniser  # noqa: E402
from patterns.tree import unparsed_nodes  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus"
_MD_DISPLAY = re.compile(r"\$\$(.+?)\$\$|\\\[(.+?)\\\]", re.DOTALL)
_TEX_DISPLAY = re.compile(
    r"\\begin\{(equation|align|gather|multline|eqnarray)\*?\}(.+?)\\end\{\1\*?\}|\\\[(.+?)\\\]",
    re.DOTALL,
)


@dataclass
class DocumentReport:
    """What the recogniser made of one document."""

    name: str
    equations: int = 0
    parsed: int = 0
    with_pattern: int = 0
    per_pattern: Counter[str] = field(default_factory=Counter)
    matches: list[tuple[str, Match]] = field(default_factory=list)
    """Each match with the LaTeX of the equation it was found in."""


def markdown_equations(path: Path) -> list[str]:
    """Display math of a Markdown note: ``$$...$$`` and ``\\[...\\]`` blocks."""
    text = path.read_text(encoding="utf-8")
    return [(a or b).strip() for a, b in _MD_DISPLAY.findall(text) if (a or b).strip()]


def latex_equations(folder: Path) -> tuple[list[str], str]:
    """Display equations of a LaTeX paper, and which extractor produced them.

    The real extractor (macro expansion, one row of an ``align`` per equation) is preferred; a
    plain regex over the ``.tex`` files is the fallback when it is unavailable or fails.
    """
    try:
        from reader.sources.latex import load_latex

        paper = load_latex(folder)
        found = [e.latex for e in paper.equations if e.display and e.latex.strip()]
        if found:
            return found, "load_latex"
        print(f"  ({folder.name}: load_latex found no display math; using the regex fallback)")
    except Exception as err:  # noqa: BLE001 - any failure means "use the fallback"
        print(f"  ({folder.name}: load_latex failed: {err}; using the regex fallback)")
    found = []
    for tex in sorted(folder.rglob("*.tex")):
        text = re.sub(r"(?<!\\)%.*", "", tex.read_text(encoding="utf-8", errors="replace"))
        found += [(m.group(2) or m.group(3)).strip() for m in _TEX_DISPLAY.finditer(text)]
    return found, "regex"


def analyse(name: str, equations: list[str], recogniser: Recogniser) -> DocumentReport:
    report = DocumentReport(name, equations=len(equations))
    for latex in equations:
        tree = parse_math(latex)
        report.parsed += not unparsed_nodes(tree)
        found = recogniser.find(tree)
        report.with_pattern += bool(found)
        for m in found:
            report.per_pattern[m.pattern.id] += 1
            report.matches.append((latex, m))
    return report


def documents(corpus: Path) -> list[tuple[str, list[str]]]:
    docs = [(p.name, markdown_equations(p)) for p in sorted((corpus / "markdown").glob("*.md"))]
    for folder in sorted(p for p in (corpus / "latex").iterdir() if p.is_dir()):
        equations, how = latex_equations(folder)
        docs.append((folder.name if how == "load_latex" else f"{folder.name} [regex]", equations))
    return docs


def print_table(reports: list[DocumentReport]) -> None:
    print(f"{'document':42} {'eqs':>5} {'parsed':>6} {'w/pat':>5}  patterns")
    for r in reports:
        counts = ", ".join(f"{k} {v}" for k, v in r.per_pattern.most_common())
        print(f"{r.name:42} {r.equations:5} {r.parsed:6} {r.with_pattern:5}  {counts}")
    total = sum(r.equations for r in reports)
    parsed = sum(r.parsed for r in reports)
    hit = sum(r.with_pattern for r in reports)
    print(f"{'TOTAL':42} {total:5} {parsed:6} {hit:5}")


def print_sample(reports: list[DocumentReport], size: int, seed: int) -> None:
    pool = [(r.name, latex, m) for r in reports for latex, m in r.matches]
    rng = random.Random(seed)
    for i, (doc, latex, m) in enumerate(rng.sample(pool, min(size, len(pool))), 1):
        bindings = {role: to_latex(node) for role, node in m.bindings.items()}
        print(f"\n[{i}] {doc}: {m.pattern.id}\n    {latex}\n    {bindings}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--sample", type=int, default=20)
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args(argv)
    recogniser = Recogniser(default_catalogue())
    reports = [analyse(name, eqs, recogniser) for name, eqs in documents(args.corpus)]
    print_table(reports)
    print_sample(reports, args.sample, args.seed)


if __name__ == "__main__":
    main()
