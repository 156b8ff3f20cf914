"""Arbitrary LaTeX-ish garbage never escapes as anything but a SourceError."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.errors import SourceError
from reader.sources.latex import load_latex
from reader.sources.macros import MacroExpansionError, expand_math, read_macro_definitions

PIECES = [
    "$", "$$", "\\[", "\\]", "\\(", "\\)", "{", "}", "&", "\\\\", "%", "\n\n", " x ", "#1",
    "\\begin{align}", "\\end{align}", "\\begin{equation}", "\\end{equation}", "\\label{a}",
    "\\tag{", "\\section{", "\\section*", "\\appendix", "\\begin{subequations}",
    "\\end{subequations}", "\\newcommand{\\m}[1]{#1\\m}", "\\def\\d#1.{#1}", "\\m", "\\d",
    "\\input{", "../", "\\begin{cases}", "\\end{cases}", "\\iffalse", "\\fi", "\\verb|",
    "\\numberwithin{equation}{section}", "\\setcounter{equation}{x}", "\\intertext{",
]

latex_soup = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@settings(max_examples=150, deadline=None)
@given(latex_soup)
def test_any_body_loads_or_fails_cleanly(body):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "main.tex"
        path.write_text(f"\\documentclass{{article}}\n\\begin{{document}}\n{body}\n"
                        "\\end{document}\n", encoding="utf-8")
        try:
            paper = load_latex(path)
        except SourceError:
            return
        assert all(eq.id.startswith("eq-") for eq in paper.equations)


@settings(max_examples=150, deadline=None)
@given(latex_soup, latex_soup)
def test_any_macros_expand_or_fail_cleanly(definitions, math):
    table = read_macro_definitions(definitions)
    try:
        expand_math(math, table)
    except MacroExpansionError:
        pass
