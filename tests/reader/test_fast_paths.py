"""The two short cuts that make a LaTeX paper load fast give the same result as the long way.

Plain prose skips pylatexenc, and macro definitions are read only from where a definition
command appears. Each is checked against the slow path it replaces, on invented soups (with
the traps: comments, ``\\\\def``, escaped ``\\%``) and on every paragraph and macro file of the
corpus, so a paper can never read differently because it was read faster.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from patterns.tokens import tokenize
from reader.sources import macros, prose
from reader.sources.macro_args import TokenStream
from reader.sources.macro_table import MacroTable

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"

PROSE_PIECES = [
    "word", " ", "\n", "\n\n", "``", "''", "`", "'", "--", "---", "-", "~", "!`", "?`", "!", "?",
    "\\emph{", "\\textbf{", "\\cite{", "\\citet{", "\\citeauthor{", "\\textsf{", "}", "{",
    "\\em ", "\\%", "%", "$", "&", "_", "^", "#", "\\ie", "\\\\", "é", "\ue000" "3" "\ue001",
    "[", "]", "<", ">", '"', ".", "\\newblock ", "\\bibitem{", "{\\em ", "{\\bf ", "{\\it ",
    "\\footnote{", "\\caption{", "\\url{", "\\centering", "\\\\", "\\\\[2pt]", "\\\\*", "\\emph",
    "\\caption[", "\\newblockx", "\\em",
]

MACRO_PIECES = [
    "\\newcommand{\\a}{x}", "\\def\\b#1{#1}", "\\renewcommand*{\\c}[1]{c#1}", "\\let\\d\\a",
    "\\DeclareMathOperator{\\op}{op}", "\\DeclareMathOperator*{\\argmax}{arg\\,max}",
    "\\DeclarePairedDelimiter{\\norm}{\\lVert}{\\rVert}", "\\newenvironment{e}{[}{]}",
    "\\providecommand{\\a}{y}", "%", "\n", "\\\\", "\\", "\\%", "{", "}", " ", "text",
    "\\def", "\\newcommand", "\\gdef\\g{g}", "\\edef", "#1", "\\definecolor{x}", "\\left",
]


def _token_by_token(text: str) -> MacroTable:
    """The reference: every token of the text read in order, as before the short cut."""
    table = MacroTable()
    stream = TokenStream(tokenize(text))
    while (token := stream.pop()) is not None:
        if token.kind == "cmd" and token.text in macros._DEFINERS:
            macros._DEFINERS[token.text](stream, token.text, table)
    return table


def _same_text(latex: str) -> None:
    fast = prose._plain_text(latex)
    if fast is not None:  # whitespace is normalised by every caller
        assert fast.split() == prose._pylatexenc_text(latex).split(), latex


def _same_macros(text: str) -> None:
    fast, slow = macros.read_macro_definitions(text), _token_by_token(text)
    assert (fast.macros, fast.environments) == (slow.macros, slow.environments), text


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(PROSE_PIECES), max_size=30).map("".join))
def test_plain_prose_reads_as_pylatexenc_reads_it(latex: str) -> None:
    _same_text(latex)


def test_plain_prose_short_cut_is_taken_and_renders_specials() -> None:
    assert prose._plain_text("a ``b'' --- c~d \\emph{e} \\citep{k}") == (
        "a \u201cb\u201d \u2014 c\u00a0d e <cit.>")
    assert prose._plain_text("\\unknown{x}") is None
    assert prose._plain_text("50\\%") is None


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(MACRO_PIECES), max_size=25).map("".join))
def test_definitions_read_from_their_commands_equal_a_full_read(text: str) -> None:
    _same_macros(text)


def test_commented_and_escaped_definitions_are_not_read() -> None:
    table = macros.read_macro_definitions(
        "% \\newcommand{\\a}{x}\n\\\\def\\b{y}\n50\\% \\def\\c{z}\n\\newcommand{\\d}{w}")
    assert set(table.macros) == {"\\c", "\\d"}  # after an escaped \% the line goes on


def _corpus_files(*patterns: str) -> list[Path]:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is absent")
    return sorted(f for pattern in patterns for f in (CORPUS / "latex").rglob(pattern))


@pytest.mark.corpus
def test_corpus_macro_files_read_the_same() -> None:
    for path in _corpus_files("*.tex", "*.sty"):
        _same_macros(path.read_text(encoding="utf-8", errors="replace"))


@pytest.mark.corpus
def test_corpus_paragraphs_read_the_same(monkeypatch) -> None:
    from reader.sources.latex import load_latex

    seen: list[str] = []
    monkeypatch.setattr(prose, "_latex_to_text",
                        lambda latex: seen.append(latex) or prose._pylatexenc_text(latex))
    for folder in _corpus_files("main.tex", "ms.tex"):
        load_latex(folder.parent)
    shortcuts = [latex for latex in seen if prose._plain_text(latex) is not None]
    assert len(shortcuts) > len(seen) / 3  # the short cut must matter to be worth its risk
    for latex in shortcuts:
        _same_text(latex)
