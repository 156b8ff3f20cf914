"""What each ``eqlens`` subcommand does, apart from parsing its arguments."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from reader.errors import SourceError, UsageError
from reader.model import Equation, Paper

if TYPE_CHECKING:
    from reader.notes.model import Note
    from reader.sources.arxiv_fetch import FetchedPaper
    from reader.sources.arxiv_http import ProgressFn
    from reader.sources.arxiv_id import ArxivId


def check_source(source: str) -> Path | ArxivId:
    """The checks that need no reading, so the reader can refuse a source before it starts.

    An existing path always wins, so a local ``2006.11239.tar.gz`` or a folder named like an id
    is read from disk; only what is not on disk may be an arXiv id to download.
    """
    path = Path(source)
    if path.exists():
        return path
    from reader.sources.arxiv_id import parse_arxiv_id

    arxiv = parse_arxiv_id(source)
    if arxiv is None:
        raise SourceError(f"{source}: no such file or folder")
    return arxiv


def load_paper(source: str, *, force_pdf: bool = False,
               progress: ProgressFn | None = None) -> Paper:
    """Read a paper from a path or an arXiv id; the one place that picks the right source reader.

    An arXiv id is downloaded (or taken from the cache) first; ``force_pdf`` fetches its PDF
    instead of its LaTeX source. Nothing is printed, so the full-screen reader can call it too.
    """
    target = check_source(source)
    if isinstance(target, Path):
        return _load_local(target)
    from reader.sources.arxiv_fetch import fetch_arxiv

    return load_fetched(fetch_arxiv(target, force_pdf=force_pdf, progress=progress))


def load_fetched(fetched: FetchedPaper) -> Paper:
    """The paper in a downloaded file; it keeps its arXiv id and the download's warnings."""
    paper = _load_file(fetched.path)
    return replace(paper, path=str(fetched.path), arxiv_id=fetched.arxiv_id.id,
                   warnings=fetched.warnings + paper.warnings)


def _load_local(path: Path) -> Paper:
    """A paper on disk; a file from the arXiv cache (how the reader gets one) keeps its id."""
    paper = _load_file(path)
    from reader.sources.arxiv_cache import cached_arxiv_id

    arxiv = cached_arxiv_id(path)
    return paper if arxiv is None else replace(paper, arxiv_id=arxiv.id)


def _load_file(path: Path) -> Paper:
    if path.suffix.lower() == ".pdf" and path.is_file():
        from reader.sources.pdf import load_pdf

        return load_pdf(path)
    from reader.sources.latex import load_latex

    return load_latex(path)


def fetch_for_terminal(arxiv: ArxivId, *, force_pdf: bool = False) -> FetchedPaper:
    """Download for the command line: a progress bar while it runs, then warnings on stderr."""
    from reader.sources.arxiv_fetch import fetch_arxiv
    from reader.sources.download_progress import TerminalProgress

    with TerminalProgress(f"arXiv {arxiv}") as progress:
        fetched = fetch_arxiv(arxiv, force_pdf=force_pdf, progress=progress)
    for warning in fetched.warnings:
        print(f"eqlens: warning: {warning}", file=sys.stderr)
    return fetched


def _read_for_terminal(source: str, force_pdf: bool) -> Paper:
    """:func:`load_paper`, with the download's progress and every warning shown on stderr:
    what was skipped (an include outside the folder, a macro that never ends, an archive
    member) must be said where the user looks, not only inside the report."""
    target = check_source(source)
    if isinstance(target, Path):
        paper, already_shown = _load_local(target), 0
    else:
        fetched = fetch_for_terminal(target, force_pdf=force_pdf)
        paper, already_shown = load_fetched(fetched), len(fetched.warnings)
    fresh = paper.warnings[already_shown:]
    for warning in fresh[:MAX_WARNINGS_SHOWN]:
        print(f"eqlens: warning: {warning}", file=sys.stderr)
    if len(fresh) > MAX_WARNINGS_SHOWN:
        print(f"eqlens: warning: ... and {len(fresh) - MAX_WARNINGS_SHOWN} more "
              "(all of them: annotate --format json)", file=sys.stderr)
    return paper


MAX_WARNINGS_SHOWN = 12
"""Warnings printed before the rest are counted: a broken book can have hundreds."""


def _write(pieces: Iterable[str], output: str | None) -> None:
    if output is None:
        for piece in pieces:
            sys.stdout.write(piece)
        return
    try:
        with Path(output).open("w", encoding="utf-8") as out:
            for piece in pieces:
                out.write(piece)
    except OSError as err:
        raise SourceError(f"cannot write {output}: {err.strerror}") from err


def open_paper(source: str | None, *, print_only: bool = False, force_pdf: bool = False) -> int:
    """Open the reader on a terminal; print the text report when piped or asked to.

    ``eqlens open paper.tex | less`` and scripts still get something useful, and a path that
    does not exist fails with one line before the full-screen reader ever starts. An arXiv id
    is downloaded first, with its progress bar on the terminal, and the reader is handed the
    cached file (which keeps the id: :func:`reader.sources.arxiv_cache.cached_arxiv_id`).
    """
    from reader.cli import sample_paper_path

    source = source or str(sample_paper_path())
    target = check_source(source)
    if print_only or not (sys.stdin.isatty() and sys.stdout.isatty()):
        return annotate_paper(source, "text", None, False, force_pdf=force_pdf)
    if not isinstance(target, Path):
        source = str(fetch_for_terminal(target, force_pdf=force_pdf).path)
    from reader.tui import EqlensApp

    app = EqlensApp(source)
    app.run()
    if app.failure is not None:
        raise SourceError(app.failure)
    return 0


def annotate_paper(source: str, fmt: str, output: str | None, inline: bool, *,
                   force_pdf: bool = False, only_notes: bool = False,
                   only_patterns: bool = False) -> int:
    """``eqlens annotate``: the paper as md (default), html, json or text, with its notes."""
    from reader.export.formats import export
    from reader.export.selection import Selection
    from reader.pipeline import annotate

    annotated = annotate(_read_for_terminal(source, force_pdf))
    notes, orphans = _paper_notes(annotated.paper)
    _write(export(fmt, annotated, notes, orphans=orphans, inline=inline,
                  selection=Selection(only_notes=only_notes, only_patterns=only_patterns)),
           output)
    return 0


def _paper_notes(paper: Paper) -> tuple[dict[str, list[Note]], list[Note]]:
    """The notes beside the paper, attached to this version's equations: (by equation id,
    orphans). An unreadable sidecar is an error: an export must never drop notes silently."""
    from reader.notes.anchoring import attach
    from reader.notes.sidecar import load_notes, sidecar_path

    attachment = attach(load_notes(sidecar_path(paper)), paper)
    return dict(attachment.by_equation), list(attachment.orphans)


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
