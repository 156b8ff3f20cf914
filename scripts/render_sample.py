"""Print every display equation of the sample paper drawn in 2-D, for eyeballing the layout.

Usage: python scripts/render_sample.py [--all] [--width N] [PATH]
``--all`` includes inline equations; PATH is a LaTeX file or folder (default: the sample paper).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from patterns.parser import parse_math
from reader.cli import sample_paper_path
from reader.render2d import render
from reader.sources.latex import load_latex


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=None)
    parser.add_argument("--all", action="store_true", help="inline equations too")
    parser.add_argument("--width", type=int, default=None, help="fall back to one line past it")
    args = parser.parse_args()
    paper = load_latex(args.path or sample_paper_path())
    for eq in paper.equations:
        if not (eq.display or args.all):
            continue
        picture = render(parse_math(eq.latex), eq.latex, args.width)
        note = "  (linear)" if picture.linear else ""
        print(f"── {eq.id}{note}  {' '.join(eq.latex.split())[:80]}")
        print(picture)
        print()


if __name__ == "__main__":
    main()
