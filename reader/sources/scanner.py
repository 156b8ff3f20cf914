"""One pass over the document body that finds math, headings and counter commands in order.

Numbering, section paths, contexts and reading order all depend on the order in which things
appear, so a single scanner produces one event list and every later stage reads that list. The
scanner only needs to know where things start and end: it never interprets the math.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader import limits
from reader.sources.mathrows import read_group

DISPLAY_ENVS = frozenset(
    {"equation", "align", "gather", "multline", "eqnarray", "flalign", "alignat", "xalignat",
     "xxalignat", "math", "displaymath", "dmath", "dgroup"}
)
"""Environments that are (display) math by themselves; starred forms are added below."""

VERBATIM_ENVS = frozenset({"verbatim", "Verbatim", "lstlisting", "minted", "comment", "alltt"})
"""Environments whose content is not LaTeX and must not be scanned for ``$``."""

HEADINGS = frozenset(
    {"part", "chapter", "section", "subsection", "subsubsection", "paragraph", "subparagraph"}
)

_DEFINITION_GROUPS = {
    "newcommand": 1, "renewcommand": 1, "providecommand": 1, "DeclareMathOperator": 1,
    "newenvironment": 3, "renewenvironment": 3, "DeclarePairedDelimiter": 2,
    "def": 1, "gdef": 1, "edef": 1, "xdef": 1, "DeclareRobustCommand": 1,
}
"""Definition commands and how many brace groups follow the name; their bodies are skipped."""

_COUNTER_COMMANDS = frozenset(
    {"numberwithin", "counterwithin", "counterwithout", "setcounter", "addtocounter",
     "stepcounter", "refstepcounter", "appendix"}
)
_NEXT = re.compile(r"[\\$]")
_CONTROL = re.compile(r"\\([A-Za-z@]+|.)", re.S)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True, slots=True)
class MathEvent:
    env: str
    """``equation``, ``align*``, ..., or the delimiter: ``$``, ``$$``, ``\\[``, ``\\(``."""
    body: str
    body_start: int
    start: int
    end: int
    display: bool


@dataclass(frozen=True, slots=True)
class HeadingEvent:
    name: str
    starred: bool
    title: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class CounterEvent:
    command: str
    """``appendix``, ``setcounter``, ..., ``begin-subequations``, ``end-subequations``."""
    args: tuple[str, ...]
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class TextEvent:
    text: str
    start: int


Event = MathEvent | HeadingEvent | CounterEvent | TextEvent


class Scanner:
    """Walks ``text[start:end]``; ``math_envs`` maps user wrappers to the math env they open.

    ``discard`` maps user macros that swallow their arguments (``\\newcommand{\\cut}[1]{}``) to
    their argument count: authors use them to hide drafts, which LaTeX never prints.
    """

    def __init__(
        self, text: str, math_envs: dict[str, str], headings: dict[str, str],
        discard: dict[str, int] | None = None,
    ) -> None:
        self.text = text
        self.math_envs = math_envs
        self.headings = headings
        self.discard = discard or {}
        self.events: list[Event] = []
        self.warnings: list[str] = []
        self._text_start = 0

    def scan(self, start: int, end: int) -> list[Event]:
        pos = self._text_start = start
        while (found := _NEXT.search(self.text, pos, end)) is not None:
            pos = self._at(found.start(), end)
        self._flush_text(end)
        return self.events

    def _flush_text(self, upto: int) -> None:
        if upto > self._text_start:
            self.events.append(TextEvent(self.text[self._text_start : upto], self._text_start))
        self._text_start = upto

    def _emit(self, event: Event) -> int:
        self._flush_text(event.start)
        self.events.append(event)
        self._text_start = event.end
        return event.end

    def _at(self, pos: int, end: int) -> int:
        if self.text[pos] == "$":
            return self._dollar(pos, end)
        control = _CONTROL.match(self.text, pos)
        if control is None:
            return pos + 1
        name = control.group(1)
        if name in ("[", "("):
            return self._delimited(pos, end, name)
        handler = _HANDLERS.get(name)
        if handler is not None:
            return handler(self, pos, control.end(), name)
        if name in self.headings:
            return self._heading(pos, control.end(), self.headings[name])
        if name in self.discard:
            return self._discarded(pos, control.end(), self.discard[name])
        return control.end()

    def _discarded(self, pos: int, after: int, count: int) -> int:
        cursor = after
        for _ in range(count):
            group = read_group(self.text, cursor)
            if group is None:
                break
            cursor = group[1]
        return self._skip(pos, cursor)

    def _dollar(self, pos: int, end: int) -> int:
        display = self.text.startswith("$$", pos)
        opener = "$$" if display else "$"
        close = _find_dollar(self.text, pos + len(opener), end, display)
        if close is None:
            self.warnings.append("An unmatched $ was ignored.")
            return pos + len(opener)
        body_start = pos + len(opener)
        return self._emit(MathEvent(opener, self.text[body_start:close], body_start, pos,
                                    close + len(opener), display))

    def _delimited(self, pos: int, end: int, opener: str) -> int:
        closer = "\\]" if opener == "[" else "\\)"
        close = _find_unescaped(self.text, closer, pos + 2, end)
        if close is None:
            return pos + 2
        return self._emit(MathEvent("\\" + opener, self.text[pos + 2 : close], pos + 2, pos,
                                    close + 2, opener == "["))

    def _begin(self, pos: int, after: int, _name: str) -> int:
        group = read_group(self.text, after)
        if group is None:
            return after
        env, body_start = group[0].strip(), group[1]
        math_env = self.math_envs.get(env) or (env if env.rstrip("*") in DISPLAY_ENVS else None)
        if math_env is not None:
            return self._environment(pos, body_start, env, math_env)
        if env in VERBATIM_ENVS:
            close = _find_end(self.text, env, body_start)
            return body_start if close is None else self._skip(pos, close[1])
        if env == "subequations":
            return self._emit(CounterEvent("begin-subequations", (), pos, body_start))
        return body_start

    def _end(self, pos: int, after: int, _name: str) -> int:
        group = read_group(self.text, after)
        if group is None:
            return after
        if group[0].strip() == "subequations":
            return self._emit(CounterEvent("end-subequations", (), pos, group[1]))
        return group[1]

    def _environment(self, pos: int, body_start: int, env: str, math_env: str) -> int:
        close = _find_end(self.text, env, body_start)
        if close is None:
            self.warnings.append(f"\\begin{{{env}}} has no \\end; ignored.")
            return body_start
        body = self.text[body_start : close[0]]
        display = math_env not in ("math",)
        return self._emit(MathEvent(math_env, body, body_start, pos, close[1], display))

    def _skip(self, start: int, end: int) -> int:
        self._flush_text(start)
        self._text_start = end
        return end

    def _heading(self, pos: int, after: int, name: str) -> int:
        starred = self.text.startswith("*", after)
        cursor = after + starred
        option = re.compile(r"\s*\[").match(self.text, cursor)
        if option:
            close = _matching_bracket(self.text, option.end() - 1)
            cursor = close + 1 if close is not None else cursor
        group = read_group(self.text, cursor)
        if group is None:
            return after
        return self._emit(HeadingEvent(name, starred, group[0], pos, group[1]))

    def _counter(self, pos: int, after: int, name: str) -> int:
        if name == "appendix":
            return self._emit(CounterEvent("appendix", (), pos, after))
        args, cursor = [], after
        for _ in range(2 if name in ("numberwithin", "setcounter", "addtocounter",
                                     "counterwithin", "counterwithout") else 1):
            group = read_group(self.text, cursor)
            if group is None:
                return cursor
            args.append(group[0].strip())
            cursor = group[1]
        return self._emit(CounterEvent(name, tuple(args), pos, cursor))

    def _definition(self, pos: int, after: int, name: str) -> int:
        """Skip a definition so math inside its body is not taken for document math."""
        cursor = after + self.text.startswith("*", after)
        match = re.compile(r"\s*(\{[^{}]*\}|\\[A-Za-z@]+|\\.)").match(self.text, cursor)
        if match is None:
            return after
        cursor = match.end()
        for _ in range(_DEFINITION_GROUPS[name]):
            skip = re.compile(r"(\s*\[[^\[\]]*\])*[^{]{0,40}?(?=\{)", re.S).match(self.text, cursor)
            group = read_group(self.text, skip.end() if skip else cursor)
            if group is None:
                break
            cursor = group[1]
        return self._skip(pos, cursor)

    def _verb(self, pos: int, after: int, _name: str) -> int:
        if after >= len(self.text):
            return after
        delimiter = self.text[after + (self.text[after] == "*")]
        close = self.text.find(delimiter, after + 2, after + 400)
        return after + 1 if close == -1 else close + 1


_HANDLERS = {
    "begin": Scanner._begin,
    "end": Scanner._end,
    "verb": Scanner._verb,
    **dict.fromkeys(_COUNTER_COMMANDS, Scanner._counter),
    **dict.fromkeys(_DEFINITION_GROUPS, Scanner._definition),
}


def _find_dollar(text: str, pos: int, end: int, display: bool) -> int | None:
    """The closing ``$``/``$$`` at brace depth 0, skipping ``\\$``; None when unmatched."""
    depth, index = 0, pos
    limit = min(end, pos + (limits.MAX_INLINE_MATH_CHARS * (8 if display else 1)))
    while index < limit:
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif char == "$" and depth <= 0:
            if not display:
                return None if index == pos else index
            return index if text.startswith("$$", index) else None
        elif char == "\n" and not display and _BLANK_LINE.match(text, index):
            return None
        index += 1
    return None


def _find_unescaped(text: str, needle: str, pos: int, end: int) -> int | None:
    while (index := text.find(needle, pos, end)) != -1:
        before = index
        while before > 0 and text[before - 1] == "\\":
            before -= 1
        if (index - before) % 2 == 0:
            return index
        pos = index + 1
    return None


def _find_end(text: str, env: str, pos: int) -> tuple[int, int] | None:
    """(start, end) of the ``\\end{env}`` matching an opened ``env``, nesting respected."""
    pattern = re.compile(r"\\(begin|end)\s*\{" + re.escape(env) + r"\}")
    depth = 1
    for match in pattern.finditer(text, pos):
        depth += 1 if match.group(1) == "begin" else -1
        if depth == 0:
            return match.start(), match.end()
    return None


def _matching_bracket(text: str, pos: int) -> int | None:
    depth = 0
    for index in range(pos, min(len(text), pos + 2000)):
        char = text[index]
        depth += (char in "[{") - (char in "]}")
        if depth == 0:
            return index
    return None
