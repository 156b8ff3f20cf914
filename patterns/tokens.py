"""A TeX-like tokenizer that keeps source spans.

The parser, the macro expander and the printer's tests all need the same notion of a token
("\\alpha", "{", "x", "#1"), and every token must know where it came from so that anything shown
on screen maps back to the LaTeX. TeX's catcodes are fixed to their LaTeX defaults: papers that
change them are out of scope.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

TokenKind = Literal["cmd", "char", "space", "open", "close", "param"]


@dataclass(frozen=True, slots=True)
class Token:
    """One lexical unit of LaTeX source."""

    kind: TokenKind
    """cmd: a control sequence; open/close: braces; param: ``#1``; space: a run of blanks."""
    text: str
    """The token as written: ``\\alpha``, ``{``, ``x``, ``#1``, ``\\,``; a space run is " "."""
    start: int
    """Offset of the first character in the tokenized string."""
    end: int
    """Offset just past the last character."""


def _is_letter(ch: str) -> bool:
    return ("a" <= ch <= "z") or ("A" <= ch <= "Z") or ch == "@"


def tokenize(source: str, *, comments: bool = True) -> list[Token]:
    """Split LaTeX into tokens; ``%`` comments are dropped when ``comments`` is True.

    Blanks after a control word are part of it in TeX and are dropped here too (they never
    separate anything), which is also why ``\\alpha x`` and ``\\alpha  x`` tokenize alike.
    """
    return list(iter_tokens(source, comments=comments))


def iter_tokens(source: str, *, comments: bool = True, start: int = 0) -> Iterator[Token]:
    """:func:`tokenize`, one token at a time, from offset ``start`` (which must not lie inside
    a comment or a control sequence): a whole book as a token list costs ~70 MB, and reading
    its macro definitions needs only the few tokens after each definition command."""
    i, n = start, len(source)
    while i < n:
        ch = source[i]
        if ch == "\\":
            j = i + 1
            if j < n and _is_letter(source[j]):
                while j < n and _is_letter(source[j]):
                    j += 1
                if j < n and source[j] == "*" and source[i + 1 : j] in _STARRED_NAMES:
                    j += 1
                yield Token("cmd", source[i:j], i, j)
                while j < n and source[j] in " \t\r\n":
                    j += 1
                i = j
                continue
            j = min(j + 1, n)
            yield Token("cmd", source[i:j], i, j)
            i = j
        elif ch == "%" and comments:
            while i < n and source[i] != "\n":
                i += 1
        elif ch in " \t\r\n":
            j = i
            while j < n and source[j] in " \t\r\n":
                j += 1
            yield Token("space", " ", i, j)
            i = j
        elif ch == "{":
            yield Token("open", ch, i, i + 1)
            i += 1
        elif ch == "}":
            yield Token("close", ch, i, i + 1)
            i += 1
        elif ch == "#" and i + 1 < n and (source[i + 1].isdigit() or source[i + 1] == "#"):
            yield Token("param", source[i : i + 2], i, i + 2)
            i += 2
        else:
            yield Token("char", ch, i, i + 1)
            i += 1


_STARRED_NAMES = frozenset(
    {
        "operatorname",
        "DeclareMathOperator",
        "newcommand",
        "renewcommand",
        "providecommand",
        "section",
        "subsection",
        "subsubsection",
        "paragraph",
        "chapter",
    }
)
"""Control words whose ``*`` form is a different command; elsewhere ``*`` is a character."""
