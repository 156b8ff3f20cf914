"""The bounded macro expander behind :func:`reader.sources.macros.expand_math`.

It works like TeX's mouth: pop a token, and if it is a user macro, read its arguments, substitute
them into the body and push the result back in front of the input, so nested macros expand too.
Every expansion counts as a step and every emitted character counts toward the output length;
crossing either bound raises :class:`MacroExpansionError` naming the macro at fault.
"""

from __future__ import annotations

from patterns.tokens import Token, tokenize
from reader import limits
from reader.sources.macro_args import TokenStream, join_tokens
from reader.sources.macro_table import Macro, MacroExpansionError, MacroTable


class Expander:
    """One expansion run over one piece of math."""

    def __init__(self, macros: MacroTable, builtins: MacroTable) -> None:
        self.macros = macros
        self.builtins = builtins
        self.steps = 0
        self.length = 0

    def lookup(self, name: str) -> Macro | None:
        return self.macros.get(name) or self.builtins.get(name)

    def run(self, latex: str) -> str:
        tokens = tokenize(latex)
        if not any(t.kind == "cmd" and self.lookup(t.text) for t in tokens):
            return latex
        stream = TokenStream(tokens)
        out: list[Token] = []
        while (token := stream.pop()) is not None:
            macro = self.lookup(token.text) if token.kind == "cmd" else None
            if macro is None:
                self._emit(out, token, None)
            elif macro.alias_of is not None:
                self._emit(out, Token("cmd", macro.alias_of, token.start, token.end), macro)
            else:
                self._step(macro, stream)
                stream.push(self._expand_call(macro, stream))
        return join_tokens(out)

    def _emit(self, out: list[Token], token: Token, macro: Macro | None) -> None:
        self.length += len(token.text)
        if self.length > limits.MAX_EXPANDED_LENGTH:
            name = macro.name if macro else (self.last or "a macro")
            raise MacroExpansionError(
                f"macro {name} expands to more than {limits.MAX_EXPANDED_LENGTH} characters"
            )
        out.append(token)

    last: str | None = None
    """The most recently expanded macro: the likely culprit when the output explodes."""

    def _step(self, macro: Macro, stream: TokenStream) -> None:
        self.steps += 1
        self.last = macro.name
        too_long = len(stream) > limits.MAX_EXPANDED_LENGTH
        if self.steps > limits.MAX_MACRO_EXPANSION_STEPS or too_long:
            raise MacroExpansionError(
                f"macro {macro.name} expands without end "
                f"(stopped after {self.steps - 1} steps)"
            )

    def _expand_call(self, macro: Macro, stream: TokenStream) -> list[Token]:
        if macro.paired is not None:
            return self._paired(macro, stream)
        args = self._arguments(macro, stream)
        return _substitute(macro.body, args)

    def _arguments(self, macro: Macro, stream: TokenStream) -> list[tuple[Token, ...]]:
        args: list[tuple[Token, ...]] = []
        for index in range(macro.params):
            if index == 0 and macro.default is not None:
                optional = stream.pop_optional()
                args.append(macro.default if optional is None else optional)
            elif macro.delimiters and macro.delimiters[index]:
                argument = stream.pop_delimited(macro.delimiters[index])
                if argument is None:
                    raise MacroExpansionError(
                        f"use of macro {macro.name} does not match its definition"
                    )
                args.append(argument)
            else:
                args.append(stream.pop_argument() or ())
        return args

    def _paired(self, macro: Macro, stream: TokenStream) -> list[Token]:
        """``\\norm{x}``, ``\\norm*{x}``, ``\\norm[\\big]{x}`` for a DeclarePairedDelimiter."""
        left, right = macro.paired or ("", "")
        stream.skip_spaces()
        if (star := stream.peek()) is not None and star.text == "*":
            stream.pop()
        size = stream.pop_optional()
        body = join_tokens(stream.pop_argument() or ())
        if size:
            size_name = join_tokens(size).strip()
            text = f"{size_name}l{left} {body} {size_name}r{right}"
        else:
            text = f"\\left{left} {body} \\right{right}"
        return tokenize(text)


def _substitute(body: tuple[Token, ...], args: list[tuple[Token, ...]]) -> list[Token]:
    out: list[Token] = []
    for token in body:
        if token.kind == "param":
            digit = token.text[1:]
            if digit == "#":
                out.append(Token("char", "#", token.start, token.end))
            elif digit.isdigit() and 0 < int(digit) <= len(args):
                out.extend(args[int(digit) - 1])
        else:
            out.append(token)
    return out
