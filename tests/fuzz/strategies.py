"""Hypothesis strategies for math input: LaTeX soup, arbitrary text, mutated real equations.

Soup is drawn from a vocabulary of the tokens papers really use (so the parser's paths are
reached, not just its "unexpected character" branch), plus the tokens that break things: stray
braces, ``\\begin`` without ``\\end``, ``\\left`` without ``\\right``, control characters and
astral-plane Unicode.
"""

from __future__ import annotations

from hypothesis import strategies as st

from patterns.tokens import tokenize
from tests.fuzz.corpus import corpus_equations

COMMANDS = [
    r"\frac", r"\dfrac", r"\sqrt", r"\sum", r"\prod", r"\int", r"\oint", r"\log", r"\exp",
    r"\max", r"\min", r"\arg", r"\lim", r"\sup", r"\inf", r"\operatorname", r"\operatorname*",
    r"\mathbb", r"\mathbf", r"\mathcal", r"\mathrm", r"\boldsymbol", r"\bm", r"\text",
    r"\hat", r"\bar", r"\tilde", r"\widehat", r"\overline", r"\vec", r"\dot",
    r"\alpha", r"\theta", r"\epsilon", r"\varepsilon", r"\sigma", r"\mu", r"\nabla",
    r"\partial", r"\infty", r"\top", r"\dots", r"\cdots", r"\ell",
    r"\cdot", r"\times", r"\odot", r"\otimes", r"\circ", r"\pm", r"\mp",
    r"\le", r"\leq", r"\ge", r"\ne", r"\approx", r"\sim", r"\propto", r"\in", r"\to",
    r"\mapsto", r"\leftarrow", r"\coloneqq", r"\triangleq", r"\not", r"\mid",
    r"\|", r"\lVert", r"\rVert", r"\langle", r"\rangle", r"\{", r"\}", r"\lfloor", r"\rceil",
    r"\left", r"\right", r"\big", r"\Big", r"\bigl", r"\Bigr", r"\middle", r"\left.", r"\right.",
    r"\underbrace", r"\overbrace", r"\overset", r"\stackrel", r"\underset", r"\xrightarrow",
    r"\binom", r"\choose", r"\over", r"\atop", r"\substack", r"\limits", r"\nolimits",
    r"\quad", r"\,", r"\;", r"\!", r"\ ", r"\\", r"\\[4pt]", r"\tag", r"\label", r"\nonumber",
    r"\hspace", r"\phantom", r"\color", r"\displaystyle", r"\bf", r"\rm", r"\cal",
    r"\mathbb{E}", r"\E", r"\KL", r"\D", r"\foo", r"\@", "\\",
]
"""Control sequences as papers write them, including unknown macros and a bare backslash."""

ENVIRONMENTS = ["cases", "pmatrix", "bmatrix", "matrix", "aligned", "align*", "array",
                "split", "gathered", "alignedat", "subarray", "equation", "smallmatrix", "foo"]

CHARACTERS = list("abcxyzfgpqXYZ0123456789.+-=*/<>:;,!'|()[]^_&?#~@$%") + [
    "{", "}", "{", "}", " ", "\n", "\t", "#1", "#2", "##",
]
"""Single characters, with braces twice as likely: brace structure is what breaks parsers."""

UNICODE = ["α", "θ", "ε", "∑", "∫", "∞", "≤", "≥", "≠", "→", "∈", "‖", "⟨", "⟩", "√", "∂", "∇",
           "ℝ", "𝔼", "𝒩", "𝐱", "x\u0302", "\u0302", "\u0338", "·", "×", "−", "′", "\u00a0",
           "\u200b", "\ufeff", "\x00", "\x07", "\x1b", "\x7f", "\ud7ff", "\U0010ffff", "😀", "中"]
"""Glyphs the lexer maps to commands, combining marks, zero-width and control characters."""

_ENVIRONMENT_TOKENS = [rf"\begin{{{name}}}" for name in ENVIRONMENTS] + [
    rf"\end{{{name}}}" for name in ENVIRONMENTS] + [r"\begin", r"\end", r"\begin{", "{c|c}"]

VOCABULARY = COMMANDS + CHARACTERS + UNICODE + _ENVIRONMENT_TOKENS
"""Every token soup and mutations draw from."""

token = st.sampled_from(VOCABULARY)
soup = st.lists(token, max_size=60).map("".join)
"""Random concatenations of real math tokens (no separators: ``\\alpha`` may meet ``x``)."""

spaced_soup = st.lists(token, max_size=60).map(" ".join)
"""The same with spaces, which keeps control words apart so more of them survive as written."""

anything = st.text(max_size=200)
"""Any Unicode at all, surrogates and control characters included."""


@st.composite
def nested(draw: st.DrawFn) -> str:
    """Deep nesting of one wrapper, up to past the parser's depth limit (60 levels)."""
    wrappers = [("{", "}"), ("(", ")"), (r"\frac{", "}{x}"), (r"\sqrt{", "}"), ("x^{", "}"),
                (r"\left(", r"\right)"), (r"\|", r"\|"), ("|", "|"), (r"\hat{", "}"),
                (r"\begin{pmatrix}", r"\end{pmatrix}"), (r"\mathbb{E}[", "]"), ("f(", ")")]
    opener, closer = draw(st.sampled_from(wrappers))
    depth = draw(st.integers(0, 120))
    close = draw(st.booleans())
    middle = draw(st.sampled_from(["x", "", "a+b", r"\alpha_i^2"]))
    return opener * depth + middle + (closer * depth if close else "")


math_input = st.one_of(soup, spaced_soup, anything, nested())
"""Any math the parser may be handed, short of the corpus."""


@st.composite
def mutated_equation(draw: st.DrawFn) -> str:
    """A real corpus equation after one to four random token edits."""
    equations = corpus_equations()
    source = draw(st.sampled_from(equations))
    tokens = _pieces(source)
    for _ in range(draw(st.integers(1, 4))):
        tokens = draw(st.sampled_from(_EDITS))(draw, tokens)
    return "".join(tokens)


def _pieces(source: str) -> list[str]:
    """The equation's tokens, each with the blanks after it, so joining them gives it back."""
    starts = [t.start for t in tokenize(source, comments=False)] + [len(source)]
    return [source[a:b] for a, b in zip(starts, starts[1:], strict=False)]


def _index(draw: st.DrawFn, tokens: list[str], *, end: bool = False) -> int:
    return draw(st.integers(0, len(tokens) - (0 if end else 1))) if tokens else 0


def _delete_span(draw: st.DrawFn, tokens: list[str]) -> list[str]:
    i = _index(draw, tokens, end=True)
    j = draw(st.integers(i, min(i + 8, len(tokens))))
    return tokens[:i] + tokens[j:]


def _duplicate_span(draw: st.DrawFn, tokens: list[str]) -> list[str]:
    i = _index(draw, tokens, end=True)
    j = draw(st.integers(i, min(i + 8, len(tokens))))
    return tokens[:j] + tokens[i:j] + tokens[j:]


def _insert(draw: st.DrawFn, tokens: list[str]) -> list[str]:
    i = _index(draw, tokens, end=True)
    return tokens[:i] + [draw(token)] + tokens[i:]


def _swap(draw: st.DrawFn, tokens: list[str]) -> list[str]:
    if len(tokens) < 2:
        return tokens
    i, j = _index(draw, tokens), _index(draw, tokens)
    out = list(tokens)
    out[i], out[j] = out[j], out[i]
    return out


def _drop_closing_brace(draw: st.DrawFn, tokens: list[str]) -> list[str]:
    closers = [i for i, t in enumerate(tokens) if t in ("}", r"\right", ")", "]", r"\end")]
    if not closers:
        return tokens
    i = draw(st.sampled_from(closers))
    return tokens[:i] + tokens[i + 1:]


def _truncate(draw: st.DrawFn, tokens: list[str]) -> list[str]:
    return tokens[: _index(draw, tokens, end=True)]


_EDITS = [_delete_span, _duplicate_span, _insert, _swap, _drop_closing_brace, _truncate]
"""The mutations: each takes the token texts and returns edited ones."""
