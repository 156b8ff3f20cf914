"""Turning the body of a display environment into clean rows of math.

An ``align`` holds several equations, each with its own number and label; the reader shows one
per row. Alignment ``&`` and bookkeeping (``\\label``, ``\\tag``, ``\\nonumber``) are removed
because they are typesetting, not math, while cell separators inside ``cases`` or matrices are
kept because they separate the math itself. Inner ``split``/``aligned`` lose their wrapper and
``&`` but keep ``\\\\`` so the parser can glue continuation lines back together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader import limits

ROW_ENVS = frozenset(
    {"align", "gather", "eqnarray", "flalign", "alignat", "xalignat", "xxalignat"}
)
"""Environments whose top-level ``\\\\`` separates equations (starred forms included)."""

INNER_ALIGN_ENVS = frozenset(
    {"split", "aligned", "gathered", "alignedat", "multlined", "aligned*", "gathered*"}
)
"""Wrappers inside an equation whose ``&`` align but whose rows continue one equation."""

CELL_ENVS = frozenset(
    {
        "cases", "cases*", "dcases", "dcases*", "rcases", "drcases", "matrix", "pmatrix",
        "bmatrix", "Bmatrix", "vmatrix", "Vmatrix", "smallmatrix", "array", "subarray",
        "matrix*", "pmatrix*", "bmatrix*", "Bmatrix*", "vmatrix*", "Vmatrix*", "psmallmatrix",
        "bsmallmatrix", "numcases", "subnumcases", "CD", "tabular", "empheq", "bsmallmatrix*",
    }
)
"""Environments whose ``&`` separate cells; kept verbatim."""

_TOKEN = re.compile(
    r"\\begin\s*\{(?P<begin>[^{}]*)\}|\\end\s*\{(?P<end>[^{}]*)\}|\\\\\*?|\\[A-Za-z@]+\*?"
    r"|\\.|[{}&]",
    re.S,
)
_ROW_BREAK_TAIL = re.compile(r"\s*\[[^\[\]]{0,40}\]")
_DROP_WITH_ARG = frozenset({"\\label", "\\tag", "\\tag*", "\\intertext", "\\shortintertext"})
_DROP_BARE = frozenset({"\\nonumber", "\\notag"})


@dataclass(frozen=True, slots=True)
class RowText:
    """One row as written, with its offset inside the environment body."""

    text: str
    offset: int


@dataclass(frozen=True, slots=True)
class CleanRow:
    """A row with typesetting removed and its numbering instructions read out."""

    latex: str
    label: str | None = None
    tag: str | None = None
    suppressed: bool = False
    """True when ``\\nonumber``/``\\notag`` asked for no number."""
    error: str | None = None


def base_env(env: str) -> str:
    return env.rstrip("*")


def split_rows(body: str, env: str) -> list[RowText]:
    """The top-level rows of an align-like body; other environments give one row."""
    if base_env(env) not in ROW_ENVS:
        return [RowText(body, 0)]
    rows: list[RowText] = []
    start, depth, envs = 0, 0, 0
    for match in _TOKEN.finditer(body):
        text = match.group(0)
        depth += (text == "{") - (text == "}")
        envs += (match.group("begin") is not None) - (match.group("end") is not None)
        if text.startswith("\\\\") and depth == 0 and envs == 0:
            rows.append(RowText(body[start : match.start()], start))
            tail = _ROW_BREAK_TAIL.match(body, match.end())
            start = tail.end() if tail else match.end()
    rows.append(RowText(body[start:], start))
    return rows


def read_group(text: str, pos: int) -> tuple[str, int] | None:
    """The ``{...}`` starting at or after ``pos`` (spaces skipped): (content, end offset)."""
    while pos < len(text) and text[pos] in " \t\n":
        pos += 1
    if pos >= len(text) or text[pos] != "{":
        return None
    depth, index = 0, pos
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 2
            continue
        depth += (char == "{") - (char == "}")
        if depth == 0:
            return text[pos + 1 : index], index + 1
        index += 1
    return None


def clean_row(text: str, known_envs: frozenset[str] = frozenset()) -> CleanRow:
    """Remove labels, tags and alignment from one row; report structural problems."""
    cleaner = _RowCleaner(text, known_envs)
    return cleaner.run()


class _RowCleaner:
    """One pass over a row, keeping an environment stack to decide each ``&``."""

    def __init__(self, text: str, known_envs: frozenset[str]) -> None:
        self.text = text
        self.known = known_envs
        self.out: list[str] = []
        self.envs: list[str] = []
        self.depth = 0
        self.label: str | None = None
        self.tag: str | None = None
        self.suppressed = False
        self.error: str | None = None

    def run(self) -> CleanRow:
        pos = 0
        for match in _TOKEN.finditer(self.text):
            if match.start() < pos:
                continue
            self.out.append(self.text[pos : match.start()])
            pos = self._token(match)
        self.out.append(self.text[pos:])
        if self.depth != 0 and self.error is None:
            self.error = "unbalanced braces in equation"
        if self.envs and self.error is None:
            self.error = f"\\begin{{{self.envs[-1]}}} without \\end inside equation"
        latex = re.sub(r"[ \t]*\n\s*\n[\s]*", "\n", "".join(self.out)).strip()
        return CleanRow(latex, self.label, self.tag, self.suppressed, self.error)

    def _token(self, match: re.Match[str]) -> int:
        text = match.group(0)
        if (name := match.group("begin")) is not None:
            return self._begin(name.strip(), match)
        if (name := match.group("end")) is not None:
            return self._end(name.strip(), match)
        if text in _DROP_WITH_ARG:
            return self._drop_argument(text, match.end())
        if text in _DROP_BARE:
            self.suppressed = True
            return match.end()
        if text == "&":
            return self._ampersand(match)
        if text in "{}":
            self._brace(text)
        self.out.append(text)
        return match.end()

    def _brace(self, text: str) -> None:
        self.depth += 1 if text == "{" else -1
        if self.depth < 0 and self.error is None:
            self.error = "unbalanced braces in equation"
        if self.depth > limits.MAX_NESTING_DEPTH and self.error is None:
            self.error = "equation nested too deeply"

    def _begin(self, name: str, match: re.Match[str]) -> int:
        self.envs.append(name)
        if len(self.envs) > limits.MAX_NESTING_DEPTH and self.error is None:
            self.error = "equation nested too deeply"
        if name in INNER_ALIGN_ENVS:
            return _skip_env_args(self.text, match.end())
        if name not in CELL_ENVS and name not in self.known and self.error is None:
            self.error = f"unknown environment '{name}' inside math"
        self.out.append(match.group(0))
        return match.end()

    def _end(self, name: str, match: re.Match[str]) -> int:
        if not self.envs or self.envs[-1] != name:
            if self.error is None:
                self.error = f"\\end{{{name}}} does not match its \\begin inside equation"
        else:
            self.envs.pop()
        if name not in INNER_ALIGN_ENVS:
            self.out.append(match.group(0))
        return match.end()

    def _drop_argument(self, command: str, pos: int) -> int:
        group = read_group(self.text, pos)
        if group is None:
            return pos
        content, end = group
        if command == "\\label" and self.label is None:
            self.label = content.strip()
        elif command.startswith("\\tag"):
            self.tag = content.strip()
        return end

    def _ampersand(self, match: re.Match[str]) -> int:
        if self.envs and self.envs[-1] not in INNER_ALIGN_ENVS:
            self.out.append("&")
            return match.end()
        before = self.text[match.start() - 1 : match.start()]
        after = self.text[match.end() : match.end() + 1]
        if before and not before.isspace() and after and not after.isspace():
            self.out.append(" ")
        return match.end()


def math_start(text: str) -> int:
    """Offset of the first character of math in a row, past blanks and ``\\intertext``."""
    pos = len(text) - len(text.lstrip())
    while (match := _INTERTEXT.match(text, pos)) and (group := read_group(text, match.end())):
        pos = group[1] + len(text[group[1] :]) - len(text[group[1] :].lstrip())
    return pos


_INTERTEXT = re.compile(r"\\(?:short)?intertext(?![A-Za-z])")


def _skip_env_args(text: str, pos: int) -> int:
    """After ``\\begin{alignedat}``: skip ``[t]`` and ``{2}`` placement/column arguments."""
    option = re.compile(r"\s*\[[a-z]\]").match(text, pos)
    if option:
        pos = option.end()
    count = re.compile(r"\s*\{\s*\d+\s*\}").match(text, pos)
    return count.end() if count else pos


def strip_env_argument(body: str, env: str) -> tuple[str, int]:
    """``alignat``'s ``{n}`` column count is not math: (body without it, chars removed)."""
    if base_env(env) in {"alignat", "xalignat", "xxalignat"}:
        match = re.compile(r"\s*\{\s*\d+\s*\}").match(body)
        if match:
            return body[match.end() :], match.end()
    return body, 0
