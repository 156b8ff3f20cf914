"""Token-level reading shared by macro definition and expansion: groups, arguments, names.

TeX reads arguments from a token stream, and so do we: a definition's ``{body}`` and a macro
call's ``{argument}`` are the same operation. The stream is a stack so that an expansion can be
pushed back in front of the remaining input and read again, exactly as TeX re-reads it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from patterns.tokens import Token
from reader import limits

_SPACE = Token("space", " ", 0, 0)


class TokenStream:
    """Tokens read front to back; ``push`` puts tokens back in front.

    A sequence is held whole (the expander needs its length); any other iterable is pulled one
    token at a time, so reading a whole book's definitions never holds the book as tokens.
    """

    def __init__(self, tokens: Iterable[Token]) -> None:
        if isinstance(tokens, Sequence):
            self._stack = list(reversed(tokens))
            self._rest: Iterator[Token] = iter(())
        else:
            self._stack = []
            self._rest = iter(tokens)

    def __len__(self) -> int:
        """Tokens held: all that remain when built from a sequence."""
        return len(self._stack)

    def _has_next(self) -> bool:
        if self._stack:
            return True
        token = next(self._rest, None)
        if token is None:
            return False
        self._stack.append(token)
        return True

    def pop(self) -> Token | None:
        return self._stack.pop() if self._has_next() else None

    def peek(self) -> Token | None:
        return self._stack[-1] if self._has_next() else None

    def push(self, tokens: Sequence[Token]) -> None:
        self._stack.extend(reversed(tokens))

    def skip_spaces(self) -> None:
        while self._has_next() and self._stack[-1].kind == "space":
            self._stack.pop()

    def pop_nonspace(self) -> Token | None:
        self.skip_spaces()
        return self.pop()

    def pop_group_body(self) -> tuple[Token, ...]:
        """After an opening brace: the tokens up to its matching close (which is consumed)."""
        depth, out = 1, []
        while (token := self.pop()) is not None:
            if token.kind == "open":
                depth += 1
            elif token.kind == "close":
                depth -= 1
                if depth == 0:
                    break
            out.append(token)
        return tuple(out)

    def pop_argument(self) -> tuple[Token, ...] | None:
        """An undelimited argument: a brace group's inside or one token; None at a ``}``/end."""
        token = self.pop_nonspace()
        if token is None:
            return None
        if token.kind == "close":
            self.push([token])
            return None
        return self.pop_group_body() if token.kind == "open" else (token,)

    def pop_optional(self) -> tuple[Token, ...] | None:
        """A ``[...]`` argument (brackets inside braces do not end it), or None when absent."""
        self.skip_spaces()
        token = self.peek()
        if token is None or token.text != "[":
            return None
        self.pop()
        depth, out = 0, []
        while (token := self.pop()) is not None:
            if token.kind == "open":
                depth += 1
            elif token.kind == "close":
                depth -= 1
            elif token.text == "]" and depth == 0:
                break
            out.append(token)
        return tuple(out)

    def pop_name(self) -> str | None:
        """A command name given as ``\\foo`` or ``{\\foo}``."""
        token = self.pop_nonspace()
        if token is None:
            return None
        if token.kind == "open":
            inner = [t for t in self.pop_group_body() if t.kind != "space"]
            return inner[0].text if len(inner) == 1 and inner[0].kind == "cmd" else None
        return token.text if token.kind == "cmd" else None

    def pop_delimited(self, delimiter: Sequence[Token]) -> tuple[Token, ...] | None:
        """Tokens up to ``delimiter`` at brace depth 0 (consumed); None when it never comes."""
        wanted = [t.text for t in delimiter]
        out: list[Token] = []
        depth = 0
        for _ in range(limits.MAX_MACRO_ARGUMENT_TOKENS):
            token = self.pop()
            if token is None:
                self.push(out)
                return None
            out.append(token)
            depth += (token.kind == "open") - (token.kind == "close")
            if depth == 0 and [t.text for t in out[-len(wanted) :]] == wanted:
                argument = out[: -len(wanted)]
                return _strip_outer_braces(argument)
        self.push(out)
        return None


def _strip_outer_braces(tokens: list[Token]) -> tuple[Token, ...]:
    if len(tokens) >= 2 and tokens[0].kind == "open" and tokens[-1].kind == "close":
        depth = 0
        for index, token in enumerate(tokens):
            depth += (token.kind == "open") - (token.kind == "close")
            if depth == 0 and index < len(tokens) - 1:
                return tuple(tokens)
        return tuple(tokens[1:-1])
    return tuple(tokens)


def join_tokens(tokens: Iterable[Token]) -> str:
    """Tokens back to LaTeX text, with a space wherever a control word would swallow a letter."""
    parts: list[str] = []
    previous: Token | None = None
    for token in tokens:
        if (
            previous is not None
            and previous.kind == "cmd"
            and previous.text[1:2].isalpha()
            and token.text[:1].isalpha()
        ):
            parts.append(" ")
        parts.append(token.text)
        previous = token
    return "".join(parts)


@dataclass(frozen=True, slots=True)
class DefinitionParts:
    """What a definition command said, before it becomes a Macro or Environment."""

    name: str
    body: tuple[Token, ...]
    params: int = 0
    default: tuple[Token, ...] | None = None
    delimiters: tuple[tuple[Token, ...], ...] = ()
    end_body: tuple[Token, ...] | None = None


def read_definition_parts(stream: TokenStream, kind: str) -> DefinitionParts | None:
    """Read one definition after its command; None when it is not in a form we understand."""
    if kind == "def":
        return _read_def_parts(stream)
    if kind == "environment":
        name_tokens = stream.pop_argument()
        name = "".join(t.text for t in name_tokens or ()).strip()
    else:
        name = stream.pop_name() or ""
    params = _param_count(stream.pop_optional())
    default = stream.pop_optional() if params else None
    body = stream.pop_argument()
    if not name or body is None:
        return None
    end_body = stream.pop_argument() if kind == "environment" else None
    return DefinitionParts(name, body, params, default, (), end_body)


def _param_count(tokens: tuple[Token, ...] | None) -> int:
    text = "".join(t.text for t in tokens or ()).strip()
    return int(text) if text.isdigit() and 0 < int(text) <= 9 else 0


def _read_def_parts(stream: TokenStream) -> DefinitionParts | None:
    name = stream.pop_nonspace()
    if name is None or name.kind != "cmd":
        return None
    param_text: list[Token] = []
    while (token := stream.peek()) is not None and token.kind != "open":
        if len(param_text) > 64 or token.kind == "close":
            return None
        param_text.append(stream.pop())  # type: ignore[arg-type]
    if stream.pop() is None:
        return None
    body = stream.pop_group_body()
    delimiters = _delimiters(param_text)
    return DefinitionParts(name.text, body, len(delimiters), None, delimiters)


def _delimiters(param_text: list[Token]) -> tuple[tuple[Token, ...], ...]:
    """For ``#1.#2\\relax``: ((.), (\\relax,)); tokens before ``#1`` are ignored."""
    groups: list[list[Token]] = []
    for token in param_text:
        if token.kind == "param" and token.text[1:].isdigit():
            groups.append([])
        elif groups:
            groups[-1].append(token if token.kind != "space" else _SPACE)
    return tuple(tuple(g) for g in groups)
