"""User macros: read their definitions, then expand them in math, with hard bounds.

Papers define their notation (``\\vx`` for a bold x, ``\\E`` for an expectation); the pattern
matcher only understands standard LaTeX, so math must be expanded first. TeX macros can loop or
explode, so expansion counts its steps and output length against :mod:`reader.limits` and stops
with a one-line :class:`MacroExpansionError` instead of hanging. Only the definition forms papers
use are read; anything unknown is left as written for the math parser to judge.
"""

from __future__ import annotations

import re

from patterns.tokens import iter_tokens, tokenize
from reader import limits
from reader.sources.expander import Expander
from reader.sources.macro_args import TokenStream, join_tokens, read_definition_parts
from reader.sources.macro_table import Environment, Macro, MacroExpansionError, MacroTable

__all__ = [
    "Environment",
    "Macro",
    "MacroExpansionError",
    "MacroTable",
    "expand_math",
    "read_macro_definitions",
]


def read_macro_definitions(text: str, into: MacroTable | None = None) -> MacroTable:
    """The macros ``text`` defines, added to ``into`` (a new table when None)."""
    table = into if into is not None else MacroTable()
    position = 0
    while (found := _DEFINER_NAME.search(text, position)) is not None:
        position = found.end()
        if _escaped_or_commented(text, found.start()):
            continue
        stream = TokenStream(iter_tokens(text, start=found.start()))
        token = stream.pop()
        if token is not None and token.text in _DEFINERS:
            _DEFINERS[token.text](stream, token.text, table)
            after = stream.peek()
            position = max(position, after.start if after is not None else len(text))
    return table


def _escaped_or_commented(text: str, index: int) -> bool:
    """True when the backslash at ``index`` is the second half of ``\\\\`` or sits in a ``%``
    comment: tokenizing from there would invent a definition TeX never sees."""
    before = index
    while before > 0 and text[before - 1] == "\\":
        before -= 1
    if (index - before) % 2:
        return True
    line = text[text.rfind("\n", 0, index) + 1 : index]
    return "%" in line and _UNESCAPED_PERCENT.search(line) is not None


def _define(table: MacroTable, macro: Macro | None, *, keep_old: bool = False) -> None:
    if macro is None or "@" in macro.name:
        return  # package internals never appear in a paper's math
    if keep_old and macro.name in table.macros:
        return
    table.macros[macro.name] = macro


def _read_newcommand(stream: TokenStream, command: str, table: MacroTable) -> None:
    parts = read_definition_parts(stream, kind="newcommand")
    if parts is None:
        return
    macro = Macro(parts.name, parts.body, parts.params, parts.default)
    _define(table, macro, keep_old=command.startswith("\\providecommand"))


def _read_def(stream: TokenStream, command: str, table: MacroTable) -> None:
    parts = read_definition_parts(stream, kind="def")
    if parts is not None:
        _define(table, Macro(parts.name, parts.body, parts.params, None, parts.delimiters))


def _read_let(stream: TokenStream, command: str, table: MacroTable) -> None:
    name = stream.pop_nonspace()
    target = stream.pop_nonspace()
    if target is not None and target.text == "=":
        target = stream.pop_nonspace()
    if name is None or target is None or name.kind != "cmd":
        return
    existing = table.get(target.text)
    if existing is not None:
        _define(table, Macro(name.text, existing.body, existing.params, existing.default,
                             existing.delimiters, existing.alias_of, existing.paired))
    else:
        _define(table, Macro(name.text, (), alias_of=target.text))


def _read_operator(stream: TokenStream, command: str, table: MacroTable) -> None:
    name = stream.pop_name()
    body = stream.pop_argument()
    if name is None or body is None:
        return
    operator = "\\operatorname*" if command.endswith("*") else "\\operatorname"
    wrapped = tokenize(f"{operator}{{{join_tokens(body)}}}")
    _define(table, Macro(name, tuple(wrapped)))


def _read_paired(stream: TokenStream, command: str, table: MacroTable) -> None:
    name = stream.pop_name()
    left, right = stream.pop_argument(), stream.pop_argument()
    if name is None or left is None or right is None:
        return
    _define(table, Macro(name, (), 1, paired=(join_tokens(left), join_tokens(right))))


def _read_environment(stream: TokenStream, command: str, table: MacroTable) -> None:
    parts = read_definition_parts(stream, kind="environment")
    if parts is None or parts.end_body is None:
        return
    table.environments[parts.name] = Environment(
        parts.name, join_tokens(parts.body), join_tokens(parts.end_body), parts.params
    )


_DEFINERS = {
    "\\newcommand": _read_newcommand,
    "\\newcommand*": _read_newcommand,
    "\\renewcommand": _read_newcommand,
    "\\renewcommand*": _read_newcommand,
    "\\providecommand": _read_newcommand,
    "\\providecommand*": _read_newcommand,
    "\\def": _read_def,
    "\\gdef": _read_def,
    "\\edef": _read_def,
    "\\xdef": _read_def,
    "\\let": _read_let,
    "\\DeclareMathOperator": _read_operator,
    "\\DeclareMathOperator*": _read_operator,
    "\\DeclarePairedDelimiter": _read_paired,
    "\\newenvironment": _read_environment,
    "\\renewenvironment": _read_environment,
}
"""Definition commands we understand, each with its reader."""

_UNESCAPED_PERCENT = re.compile(r"(?<!\\)(?:\\\\)*%")

_DEFINER_NAME = re.compile(
    "|".join(re.escape(name) for name in sorted(_DEFINERS, key=len, reverse=True))
    + r"(?![A-Za-z@])"
)
"""Where a definition may start: reading only from these spots skips the prose, which is
almost all of a paper (a book read token by token spent ~50 ms here)."""

_BUILTINS = MacroTable()
read_macro_definitions(r"\newcommand{\ensuremath}[1]{#1}\def\xspace{}", _BUILTINS)
"""Text-mode helpers that often end up inside math via user macros; harmless to drop."""


def expand_math(latex: str, macros: MacroTable) -> str:
    """``latex`` with every user macro expanded; MacroExpansionError when it cannot finish.

    Text without user macros comes back unchanged (same spacing), so source and expansion can
    be compared character for character in the common case.
    """
    return Expander(macros, _BUILTINS).run(latex)


MAX_STEPS = limits.MAX_MACRO_EXPANSION_STEPS
"""Re-exported for messages and tests that need to name the bound."""
