"""``load_latex``: a .tex file, a paper folder or an arXiv e-print in, a :class:`Paper` out.

This module only wires the stages together (unpack → find main → flatten → macros → scan →
assemble); each stage lives in its own module. Every failure a user can cause surfaces as a
one-line :class:`SourceError`; problems confined to one equation stay on that equation.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import replace
from pathlib import Path

from reader.errors import SourceError
from reader.model import Paper
from reader.sources.archive import is_archive, unpack
from reader.sources.document import Assembler, apply_counter
from reader.sources.equations import EquationBuilder
from reader.sources.flatten import FlatSource, flatten
from reader.sources.latex_files import find_main_file, is_inside, read_tex
from reader.sources.macros import MacroTable, read_macro_definitions
from reader.sources.numbering import Counters
from reader.sources.prose import find_abstract, find_title
from reader.sources.scanner import DISPLAY_ENVS, HEADINGS, CounterEvent, Scanner

__all__ = ["load_latex"]

_BEGIN_DOCUMENT = re.compile(r"\\begin\s*\{document\}")
_END_DOCUMENT = re.compile(r"\\end\s*\{document\}")
_DOCUMENT_CLASS = re.compile(r"\\documentclass\s*(?:\[[^\]]*\])?\s*\{([^{}]*)\}")
_USEPACKAGE = re.compile(r"\\(?:usepackage|RequirePackage)\s*(?:\[[^\]]*\])?\s*\{([^{}]*)\}")
_ARXIV_ID = re.compile(r"(\d{4}\.\d{4,5})(v\d+)?")
_BEGIN_ENV = re.compile(r"^\s*\\begin\s*\{([^{}]+)\}")


def load_latex(path: str | os.PathLike[str]) -> Paper:
    """Read a LaTeX paper; SourceError (one sentence) when the input cannot be used."""
    given = Path(path)
    if not given.exists():
        raise SourceError(f"{given} does not exist.")
    if given.is_dir():
        return _load_folder(given, str(path))
    if is_archive(given):
        return _load_archive(given, str(path))
    return _load(given, given.parent, str(path))


def _load_archive(archive: Path, shown: str) -> Paper:
    with tempfile.TemporaryDirectory(prefix="eqlens-") as tmp:
        report = unpack(archive, Path(tmp))
        paper = _load_folder(Path(tmp), shown, archive.name)
    arxiv = _ARXIV_ID.search(archive.name)
    skipped = tuple(f"Archive member skipped: {name}." for name in report.skipped)
    return replace(paper, arxiv_id=arxiv.group(1) if arxiv else None,
                   warnings=skipped + paper.warnings)


def _load_folder(folder: Path, shown: str, name: str | None = None) -> Paper:
    return _load(find_main_file(folder, name), folder, shown)


def _load(main: Path, root: Path, shown: str) -> Paper:
    flat = flatten(main, root)
    begin = _BEGIN_DOCUMENT.search(flat.text)
    if begin is None:
        raise SourceError(f"{main.name} has no \\begin{{document}}; is it the main file?")
    preamble = flat.text[: begin.start()]
    end = _END_DOCUMENT.search(flat.text, begin.end())
    body_end = end.start() if end else len(flat.text)
    warnings = list(flat.warnings)
    macros = _macro_table(flat, preamble, root, warnings)
    counters = _counters(preamble, macros)
    scanner = Scanner(flat.text, _math_wrappers(macros), _heading_names(macros),
                      _discarding_macros(macros))
    events = scanner.scan(begin.end(), body_end)
    assembled = Assembler(flat, EquationBuilder(macros, counters), counters).feed(events)
    warnings += _unique(scanner.warnings) + assembled.warnings
    return Paper(
        title=find_title(flat.text) or main.stem,
        source="latex",
        path=shown,
        equations=tuple(assembled.equations),
        blocks=tuple(assembled.blocks),
        abstract=find_abstract(flat.text[begin.start() : body_end]) or find_abstract(preamble),
        labels=assembled.labels,
        warnings=tuple(warnings),
    )


def _macro_table(flat: FlatSource, preamble: str, root: Path, warnings: list[str]) -> MacroTable:
    """Local .sty packages first (they are loaded before the paper's own definitions)."""
    table = MacroTable()
    for name in _local_packages(preamble):
        path = root / f"{name}.sty"
        if not path.is_file() or not is_inside(path, root):
            continue
        try:
            read_macro_definitions(read_tex(path), table)
        except SourceError as exc:
            warnings.append(f"Package {name}.sty skipped: {exc.message}")
    return read_macro_definitions(flat.text, table)


def _local_packages(preamble: str) -> list[str]:
    names: list[str] = []
    for match in _USEPACKAGE.finditer(preamble):
        for name in match.group(1).split(","):
            if (clean := name.strip()) and "/" not in clean and ".." not in clean:
                names.append(clean)
    return names


def _counters(preamble: str, macros: MacroTable) -> Counters:
    match = _DOCUMENT_CLASS.search(preamble)
    counters = Counters.for_class(match.group(1).strip() if match else "article")
    for event in Scanner(preamble, {}, {}).scan(0, len(preamble)):
        if isinstance(event, CounterEvent) and event.command != "appendix":
            apply_counter(counters, event)
    return counters


def _math_wrappers(macros: MacroTable) -> dict[str, str]:
    """User environments that just open a math environment, e.g. ``\\begin{eq}``."""
    wrappers: dict[str, str] = {}
    for name, env in macros.environments.items():
        inner = _BEGIN_ENV.match(env.begin)
        if inner and inner.group(1).rstrip("*") in DISPLAY_ENVS and env.params == 0:
            wrappers[name] = inner.group(1)
    return wrappers


def _heading_names(macros: MacroTable) -> dict[str, str]:
    """Sectioning commands, including user ones that wrap a real one (``\\bonussection``)."""
    names = {name: name for name in HEADINGS}
    aliases = {m.name[1:]: m.alias_of[1:] for m in macros.macros.values()
               if m.alias_of and m.alias_of[1:] in HEADINGS}
    for macro in macros.macros.values():
        name = macro.name[1:]
        if name in HEADINGS or macro.params < 1:
            continue
        for token in macro.body:
            target = aliases.get(token.text[1:], token.text[1:]) if token.kind == "cmd" else ""
            if target in HEADINGS:
                names[name] = target
                break
    return names


def _discarding_macros(macros: MacroTable) -> dict[str, int]:
    """Macros with arguments and an empty body, such as ``\\newcommand{\\cut}[1]{}``."""
    return {m.name[1:]: m.params for m in macros.macros.values()
            if m.params and not m.body and m.default is None and not m.delimiters
            and m.paired is None}


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
