"""How often the PDF route finds the same patterns as the LaTeX route, per corpus paper.

For each paper in ../shared/corpus/latex with a compiled PDF in ../shared/corpus/pdf-from-latex,
both routes are annotated and their numbered display equations paired by number; an equation
agrees when the sets of pattern ids are equal (both empty counts). Also lists the PDFs of
../shared/corpus/pdf: equations found / parsed / with patterns. Run: python scripts/pdf_agreement.py
[--details NAME] [--pdfs-only]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reader.errors import EqlensError  # noqa: E402
from reader.pipeline import annotate  # noqa: E402
from reader.sources.latex import load_latex  # noqa: E402
from reader.sources.pdf import load_pdf  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
MAIN_FILES = {"transformer": "ms.tex", "amortized-optimization": "amor.tex"}


def numbered(annotated) -> dict[str, frozenset[str]]:
    """Number → pattern ids, for numbered display equations (first row with a number wins)."""
    out: dict[str, frozenset[str]] = {}
    for item in annotated.equations:
        eq = item.equation
        if eq.display and eq.number and eq.number not in out:
            out[eq.number] = frozenset(p.id for p in item.patterns)
    return out


def compare(name: str, details: bool) -> tuple[int, int, int, float]:
    folder = CORPUS / "latex" / name
    main = folder / MAIN_FILES.get(name, "main.tex")
    latex = numbered(annotate(load_latex(main if main.exists() else folder)))
    started = time.perf_counter()
    pdf_paper = annotate(load_pdf(CORPUS / "pdf-from-latex" / f"{name}.pdf"))
    seconds = time.perf_counter() - started
    pdf = numbered(pdf_paper)
    agree = sum(1 for n, ids in latex.items() if pdf.get(n) == ids)
    if details:
        for n, ids in latex.items():
            mark = "ok " if pdf.get(n) == ids else "XX "
            print(f"  {mark}({n}) latex={sorted(ids)} pdf={sorted(pdf.get(n, {'<missing>'}))}")
            if pdf.get(n) != ids:
                for item in pdf_paper.equations:
                    if item.equation.number == n:
                        print(f"       pdf latex: {item.equation.latex[:160]}")
                        break
    return len(latex), len(set(latex) & set(pdf)), agree, seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--details", help="print every equation of this paper")
    parser.add_argument("--pdfs-only", action="store_true")
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"no corpus at {CORPUS}")
        return 1
    if not args.pdfs_only:
        print("| paper | numbered (LaTeX) | found in PDF | same patterns | share | PDF annotate |")
        print("|---|---|---|---|---|---|")
        for pdf in sorted((CORPUS / "pdf-from-latex").glob("*.pdf")):
            if args.details and pdf.stem != args.details:
                continue
            total, found, agree, seconds = compare(pdf.stem, args.details == pdf.stem)
            share = agree / total if total else 1.0
            print(f"| {pdf.stem} | {total} | {found} | {agree} | {share:.0%} | {seconds:.1f} s |")
    if args.details:
        return 0
    print("\n| PDF | display equations | parsed | with patterns | low confidence | note |")
    print("|---|---|---|---|---|---|")
    for pdf in sorted((CORPUS / "pdf").glob("*.pdf")):
        try:
            annotated = annotate(load_pdf(pdf))
        except EqlensError as err:
            print(f"| {pdf.name} | – | – | – | – | {err.message} |")
            continue
        display = [e for e in annotated.equations if e.equation.display]
        parsed = sum(1 for e in display if e.parsed)
        with_patterns = sum(1 for e in display if e.patterns)
        low = sum(1 for e in display if (e.equation.confidence or 0) < 0.6)
        note = "; ".join(w[:90] for w in annotated.paper.warnings[:-1])
        print(f"| {pdf.name} | {len(display)} | {parsed} | {with_patterns} | {low} | {note} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
