"""The tokenizer and the lexer take any string: no exception, every span inside the input."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from patterns.lexer import lex
from patterns.tokens import tokenize
from tests.fuzz.corpus import needs_corpus
from tests.fuzz.harness import FUZZ, no_hang
from tests.fuzz.strategies import math_input, mutated_equation


def check_tokens(latex: str) -> None:
    with no_hang(latex):
        raw = tokenize(latex, comments=False)
        normalised = lex(latex)
        holes = lex(latex, holes=True)
    previous_end = 0
    for tok in raw:
        assert previous_end <= tok.start <= tok.end <= len(latex), tok
        if tok.kind != "space":
            assert latex[tok.start : tok.end] == tok.text, tok
        previous_end = tok.end
    for tok in normalised + holes:
        assert 0 <= tok.start <= tok.end <= len(latex), tok


@FUZZ
@given(math_input)
def test_any_input_tokenizes_inside_its_own_text(latex: str) -> None:
    check_tokens(latex)


@needs_corpus
@FUZZ
@given(mutated_equation())
def test_mutated_real_equations_tokenize(latex: str) -> None:
    check_tokens(latex)


@FUZZ
@given(st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from("\\{}#%?")))
def test_comments_are_dropped_and_nothing_else(latex: str) -> None:
    """With comments on, tokens still lie in order inside the input."""
    with no_hang(latex):
        tokens = tokenize(latex)
    ends = [0] + [t.end for t in tokens]
    assert all(a <= t.start for a, t in zip(ends, tokens, strict=False))
    assert all(t.end <= len(latex) for t in tokens)
