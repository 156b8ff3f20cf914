"""The macro expander: any definitions, any math; only MacroExpansionError, bounded output.

Definitions are drawn from the forms papers use plus the hostile ones (a macro that doubles
itself, one that recurses through its own argument, a delimited ``\\def`` whose delimiter never
comes), and the math mixes their names with ordinary soup.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader import limits
from reader.sources.macros import MacroExpansionError, expand_math, read_macro_definitions
from tests.fuzz.corpus import needs_corpus
from tests.fuzz.harness import FUZZ, no_hang
from tests.fuzz.strategies import math_input, mutated_equation, soup, token

NAMES = [r"\a", r"\b", r"\c", r"\vx", r"\E", r"\norm", r"\abs", r"\R", r"\op", r"\x", r"\e"]

DEFINITIONS = [
    r"\def\a{\a\a}", r"\def\a{x\a}", r"\def\a{\b}", r"\def\b{\a}", r"\let\a\b", r"\let\b=\a",
    r"\newcommand{\b}[1]{\b{#1#1}}", r"\newcommand{\b}[2]{#2#1}", r"\newcommand\b[1]{{#1}^2}",
    r"\def\c#1.{#1#1}", r"\def\c#1\end{[#1]}", r"\def\c#1#2{#2#1}", r"\def\c#1{\c{#1}}",
    r"\newcommand{\vx}{\mathbf{x}}", r"\newcommand{\E}{\mathbb{E}}", r"\renewcommand{\E}{\E}",
    r"\providecommand{\R}{\mathbb{R}}", r"\newcommand{\x}[1][2]{x^{#1}}",
    r"\newcommand*{\e}[2][\alpha]{#1_{#2}}", r"\DeclareMathOperator{\op}{op}",
    r"\DeclareMathOperator*{\op}{\op}", r"\DeclarePairedDelimiter{\norm}{\lVert}{\rVert}",
    r"\DeclarePairedDelimiter\abs{\lvert}{\rvert}", r"\newenvironment{foo}{\left(}{\right)}",
    r"\def\a#1#2#3#4#5#6#7#8#9{#9#8#7#6#5#4#3#2#1}", r"\def\x{\x\x\x\x\x\x\x\x\x\x}",
    r"\newcommand{\b}[1]{\b{#1}\b{#1}}", r"\def\c#1{#1#1#1#1#1#1#1#1}", r"\gdef\x#1#{#1}",
    r"\edef\a{\b}", r"\newcommand{\a}[0]{}", r"\newcommand{\a}[10]{#1}", r"\def", r"\let",
    r"\newcommand", r"\newcommand{", r"\def\a", r"\def\a#", r"\newcommand{\@x}{y}",
]
"""Real definition forms and hostile ones; several redefine the same names on purpose."""

definitions = st.lists(st.sampled_from(DEFINITIONS) | soup, max_size=8).map("".join)
macro_math = st.lists(st.sampled_from(NAMES) | token, max_size=40).map("".join)


def check_expansion(defs: str, math: str) -> None:
    with no_hang((defs, math)):
        table = read_macro_definitions(defs)
        try:
            expanded = expand_math(math, table)
        except MacroExpansionError as err:
            assert err.message and "\n" not in err.message
            return
    assert isinstance(expanded, str)
    assert len(expanded) <= max(limits.MAX_EXPANDED_LENGTH, len(math))


@FUZZ
@given(definitions, macro_math)
def test_any_definitions_and_calls_expand_or_fail_cleanly(defs: str, math: str) -> None:
    check_expansion(defs, math)


@FUZZ
@given(math_input, math_input)
def test_arbitrary_text_as_definitions_and_math(defs: str, math: str) -> None:
    check_expansion(defs, math)


@needs_corpus
@FUZZ
@given(definitions, mutated_equation())
def test_mutated_real_equations_under_hostile_macros(defs: str, math: str) -> None:
    check_expansion(defs, math)
