"""Primaries and postfix forms: the commands of LaTeX math and what they build.

Each construct of the tree has one method here (fractions, roots, fonts, accents, named and big
operators, brackets, bars, environments), plus the postfix step that attaches scripts and
decides whether ``f(x)`` is a function call or a product.
"""

from __future__ import annotations

from patterns.lexer import ROW_BREAK
from patterns.parse_groups import GroupParser
from patterns.parse_layout import LayoutParser
from patterns.parse_operators import OperatorParser
from patterns.parsing_base import Local
from patterns.tree import (
    Abs,
    Accent,
    Apply,
    Hole,
    Node,
    Norm,
    Number,
    OpName,
    Symbol,
)
from patterns.vocabulary import (
    ACCENTS,
    BIG_OPERATORS,
    FONTS,
    FUNCTION_OPERATORS,
    LIMIT_OPERATORS,
    NAMED_SYMBOLS,
    OPENERS,
    OPERATOR_GLYPHS,
    TEXT_COMMANDS,
    TRANSPARENT_WITH_ARGUMENT,
)

EXPECTATION_MACROS = frozenset({r"\E", r"\EE", r"\Exp", r"\Ex", r"\expect", r"\Expect",
                                r"\expectation", r"\Expectation"})
"""Common unexpanded macro names for the expectation sign."""


class CommandParser(GroupParser, LayoutParser, OperatorParser):
    """Primaries: each command to the method that builds its node."""

    def parse_primary(self) -> Node:
        tok = self.cur
        assert tok is not None
        start = self.pos
        if tok.kind == "param":
            self.pos += 1
            if tok.text.startswith("?"):
                return Hole(tok.text[1:], span=(tok.start, tok.end))
            return Symbol(tok.text, span=(tok.start, tok.end))
        if tok.kind == "open":
            return self.brace_group()
        text = tok.text
        if text in OPENERS:
            return self.bracket_group()
        if text == "|":
            return self.barred(text, Abs)
        if text == r"\|":
            return self.barred(text, Norm)
        if tok.kind == "char":
            if text.isdigit() or (text == "." and self._digit_at(self.pos + 1)):
                return self.number()
            self.pos += 1
            return Symbol(text, self.font, span=(tok.start, tok.end))
        handler = _HANDLERS.get(text)
        if handler is not None:
            return handler(self)
        if text in FONTS:
            return self.font_command(FONTS[text])
        if text in ACCENTS:
            self.pos += 1
            body = self.argument()
            return Accent(ACCENTS[text], body, span=self.span_from(start))
        if text in TEXT_COMMANDS:
            return self.text_command()
        if text in BIG_OPERATORS:
            return self.big_operator(BIG_OPERATORS[text])
        if text[1:] in FUNCTION_OPERATORS or text[1:] in LIMIT_OPERATORS:
            self.pos += 1
            return self.finish_opname(OpName(text[1:], span=(tok.start, tok.end)), start)
        if text in TRANSPARENT_WITH_ARGUMENT:
            return self.transparent(TRANSPARENT_WITH_ARGUMENT[text])
        if text in EXPECTATION_MACROS:
            self.pos += 1
            return Symbol("E", "bb", span=(tok.start, tok.end))
        if text in _NOT_A_SYMBOL:
            raise Local("a lone backslash" if text == "\\" else f"{text} out of place")
        self.pos += 1
        if text in NAMED_SYMBOLS or text in OPERATOR_GLYPHS or not self.at("{"):
            return Symbol(text, self.font, span=(tok.start, tok.end))
        return self.unknown_macro(tok.text, start)

    def _digit_at(self, i: int) -> bool:
        return i < len(self.toks) and self.toks[i].kind == "char" and self.toks[i].text.isdigit()

    def number(self) -> Number:
        start = self.pos
        seen_point = False
        while (tok := self.cur) is not None and tok.kind == "char":
            if tok.text.isdigit():
                self.pos += 1
            elif tok.text == "." and not seen_point and self._digit_at(self.pos + 1):
                seen_point = True
                self.pos += 1
            else:
                break
        text = "".join(t.text for t in self.toks[start:self.pos])  # not 1\,000's spacing
        return Number(text, self.font, span=self.span_from(start))

    def unknown_macro(self, name: str, start: int) -> Node:
        """A macro we do not know, applied to its brace arguments: kept faithfully as a call."""
        args: list[Node] = []
        while self.at("{") and len(args) < 9:
            args.append(self.brace_group())
        return Apply(Symbol(name), tuple(args), bracket="{", span=self.span_from(start))

    def transparent(self, count: int) -> Node:
        """``\\boxed{x}``, ``\\textcolor{red}{x}``: only the last argument matters."""
        self.pos += 1
        for _ in range(count - 1):
            self.argument()
        if not count and self.cur is None:
            raise Local("nothing after it")  # never parse_primary() at the end of the input
        return self.argument() if count else self.parse_primary()

    def named_limit(self) -> Node:
        """``\\argmin`` / ``\\argmax`` defined as single commands."""
        start = self.pos
        tok = self.cur
        self.pos += 1
        name = tok.text[1:]  # type: ignore[union-attr]
        return self.finish_opname(OpName(name, span=(tok.start, tok.end)), start)  # type: ignore


_NOT_A_SYMBOL = frozenset({"\\", r"\xrightarrow", r"\xleftarrow", r"\over", r"\choose",
                           r"\atop", r"\end", ROW_BREAK})
"""A backslash that ends the input, and commands that only work between things (labelled
arrows, infix fractions, an environment's end, a row break) found alone (``x^\\choose``):
there is no glyph to show for them, and no LaTeX to print that reads back the same."""

_HANDLERS = {
    r"\frac": CommandParser.frac,
    r"\binom": CommandParser.binom,
    r"\sqrt": CommandParser.sqrt,
    r"\underbrace": CommandParser.brace,
    r"\overbrace": CommandParser.brace,
    r"\underset": CommandParser.underset,
    r"\overset": CommandParser.overset,
    r"\stackrel": CommandParser.overset,
    r"\substack": CommandParser.substack,
    r"\begin": CommandParser.environment,
    r"\operatorname": CommandParser.operatorname,
    r"\operatorname*": CommandParser.operatorname,
    r"\mathop": CommandParser.mathop,
    r"\langle": CommandParser.angle,
    r"\nabla": CommandParser.prefix_operator,
    r"\partial": CommandParser.prefix_operator,
    r"\argmin": CommandParser.named_limit,
    r"\argmax": CommandParser.named_limit,
}
"""Commands with their own construction method."""

