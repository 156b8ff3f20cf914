"""What each ``eqlens`` subcommand does, apart from parsing its arguments."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from reader.errors import SourceError, UsageError
from reader.model import Equation, Paper


def check_source(source: str) -> Path:
    """The checks that need no reading, so the reader can refuse a path before it starts."""
    path = Path(source)
    if not path.exists():
        raise SourceError(f"{source}: no such file or folder")
    if path.suffix.lower() == ".pdf":
        raise SourceError(f"{source}: PDF papers are not supported yet; use the LaTeX source "
                          "(a .tex file, a folder or an arXiv source tarball)")
    return path


def load_paper(source: str) -> Paper:
    """Read a paper from a path; the one place that picks the right source reader."""
    path = check_source(source)
    from reader.sources.latex import load_latex

    return load_latex(path)


def _write(text: str, output: str | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as err:
        raise SourceError(f"cannot write {output}: {err.strerror}") from err


def open_paper(source: str | None, *, print_only: bool = False) -> int:
    """Open the reader on a terminal; print the text report when piped or asked to.

    ``eqlens open paper.tex | less`` and scripts still get something useful, and a path that
    does not exist fails with one line before the full-screen reader ever starts.
    """
    from reader.cli import sample_paper_path

    source = source or str(sample_paper_path())
    check_source(source)
    if print_only or not (sys.stdin.isatty() and sys.stdout.isatty()):
        return annotate_paper(source, "text", None, False)
    from reader.tui import EqlensApp

    app = EqlensApp(source)
    app.run()
    if app.failure is not None:
        raise SourceError(app.failure)
    return 0


def annotate_paper(source: str, fmt: str, output: str | None, inline: bool) -> int:
    from reader.pipeline import annotate

    annotated = annotate(load_paper(source))
    if fmt == "json":
        from reader.export.json_export import dumps, paper_json

        _write(dumps(paper_json(annotated)), output)
    else:
        from reader.export.text_report import paper_report

        _write(paper_report(annotated, inline=inline), output)
    return 0


def explain_latex(latex: str, macros_file: str | None, as_json: bool) -> int:
    from reader.export.json_export import dumps, equation_json
    from reader.export.text_report import equation_report
    from reader.pipeline import annotate_equation

    expanded = latex
    if macros_file is not None:
        from reader.sources.latex_files import read_tex
        from reader.sources.macros import expand_math, read_macro_definitions

        table = read_macro_definitions(read_tex(Path(macros_file)))
        expanded = expand_math(latex, table)
    if not expanded.strip():
        raise UsageError("the equation is empty")
    _check_braces(expanded)
    item = annotate_equation(Equation(id="eq-1", latex=expanded, display=True,
                                      source_latex=latex))
    if as_json:
        sys.stdout.write(dumps(equation_json(item)))
    else:
        sys.stdout.write(equation_report(item) + "\n")
    return 0


def _check_braces(latex: str) -> None:
    """A formula whose braces do not balance cannot be explained faithfully: say so."""
    from patterns.tokens import tokenize

    depth = 0
    for tok in tokenize(latex):
        depth += {"open": 1, "close": -1}.get(tok.kind, 0)
        if depth < 0:
            raise SourceError(f"unbalanced braces: a '}}' at offset {tok.start} closes nothing")
    if depth > 0:
        raise SourceError(f"unbalanced braces: {depth} '{{' never closed")


def show_patterns(pattern_id: str | None) -> int:
    from patterns.catalogue import default_catalogue

    catalogue = {p.id: p for p in default_catalogue()}
    if pattern_id is None:
        width = max(len(i) for i in catalogue)
        for pattern in sorted(catalogue.values(), key=lambda p: (p.family, p.id)):
            print(f"{pattern.id:<{width}}  {pattern.family:<16} {pattern.name}")
        return 0
    if pattern_id not in catalogue:
        raise UsageError(f"no pattern named {pattern_id!r} (see 'eqlens patterns')")
    p = catalogue[pattern_id]
    print(f"{p.name} ({p.id}, family {p.family})\n\n{p.summary}\n\nTemplates:")
    print("\n".join(f"  {t}" for t in p.template_sources))
    print("Roles:\n" + "\n".join(f"  {r}: {d}" for r, d in p.roles.items()))
    print("Matches, for example:\n" + "\n".join(f"  {e.latex}" for e in p.match_examples))
    print("Not to be confused with:\n" + "\n".join(f"  {e}" for e in p.no_match_examples))
    print(f"Demo: eqlens demo {p.demo}")
    return 0


def list_demos(*, as_json: bool) -> int:
    from demos.registry import list_demos as registry

    infos = registry()
    if as_json:
        print(json.dumps([{"id": d.id, "name": d.name, "patterns": list(d.patterns),
                           "needs_torch": d.needs_torch} for d in infos], indent=2))
        return 0
    width = max(len(d.id) for d in infos)
    for d in infos:
        torch = "  (needs eqlens[torch])" if d.needs_torch else ""
        print(f"{d.id:<{width}}  {d.name}{torch}\n{'':<{width}}  patterns: "
              f"{', '.join(d.patterns)}")
    return 0


def run_demo(demo_id: str, argv: list[str]) -> int:
    from demos.registry import run_module_main

    return run_module_main(demo_id, argv)
