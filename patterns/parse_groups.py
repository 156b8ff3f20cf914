"""Brackets, braces, bars and angle brackets: the delimited parts of a formula."""

from __future__ import annotations

from patterns.parsing_base import EMPTY, Local, ParsingBase
from patterns.tree import (
    Abs,
    Angle,
    Apply,
    Frac,
    Group,
    Node,
    Norm,
    Number,
    OpName,
    Symbol,
)
from patterns.vocabulary import (
    CLOSERS,
    NAMED_SYMBOLS,
    OPENERS,
    OPERATOR_GLYPHS,
)


class GroupParser(ParsingBase):
    """Mandatory arguments and every kind of bracketed group."""

    def argument(self) -> Node:
        """A mandatory argument: a brace group or a single token."""
        tok = self.cur
        if tok is None or tok.kind == "close":
            raise Local("missing argument")
        if tok.kind == "open":
            return self.brace_group()
        if tok.kind == "char" and tok.text not in OPENERS and tok.text != "|":
            self.pos += 1
            cls = Number if tok.text.isdigit() else Symbol
            return cls(tok.text, self.font, span=(tok.start, tok.end))
        if tok.text in NAMED_SYMBOLS:  # \frac\partial{\partial x}: the glyph alone
            self.pos += 1
            return Symbol(tok.text, self.font, span=(tok.start, tok.end))
        return self.parse_primary()

    def brace_group(self) -> Node:
        start = self.pos
        inner = self.peek()
        closing = self.peek(2)
        if (inner is not None and closing is not None and closing.kind == "close" and (
                inner.kind == "char" and not inner.text.isalnum() or inner.text == r"\|"
                or inner.text in OPERATOR_GLYPHS)):
            self.pos += 3
            # x^{*}, \theta^{-}, x^{\pm}; a font around it still applies, as in \mathbf+
            return Symbol(inner.text, self.font, span=(inner.start, inner.end))
        self.pos += 1
        self.bars.append(None)
        saved_rows, self.row_context = self.row_context, False
        try:
            node = self.list_node(self.parse_list(cond=self.cond))
            if self.cur is not None and self.cur.text in (r"\over", r"\choose", r"\atop"):
                op = self.cur.text
                self.pos += 1
                right = self.list_node(self.parse_list(cond=False))
                node = self._over(op, node, right, start)
            self.expect("}", "closing brace")
        finally:
            self.bars.pop()
            self.row_context = saved_rows
        if node is None:
            raise Local("empty group")
        return node

    def _over(self, op: str, left: Node | None, right: Node | None, start: int) -> Node:
        left, right = left or EMPTY, right or EMPTY
        if op == r"\choose":
            return Apply(OpName("binom"), (left, right), bracket="{", span=self.span_from(start))
        return Frac(left, right, span=self.span_from(start))

    def sized(self, index: int) -> bool:
        """Whether the delimiter token at ``index`` was written with ``\\Big``/``\\left``."""
        tok = self.toks[index]
        return self.src.startswith((r"\big", r"\Big", r"\left", r"\right"), tok.start)

    def bracket_group(self) -> Node:
        start = self.pos
        opener = self.cur.text  # type: ignore[union-attr]
        self.pos += 1
        body, close = self.delimited_body(opener)
        body = None if body == EMPTY else body
        return Group(opener, close, body, span=self.span_from(start))

    def delimited_body(self, opener: str) -> tuple[Node | None, str]:
        """Parse up to the closing delimiter; ``\\left\\{ ... \\right.`` closes with ""."""
        opener_index = self.pos - 1
        result = self.bracket_list()
        tok = self.cur
        if tok is not None and tok.text in CLOSERS:
            self.pos += 1
            close = "" if tok.text == r"\right." else tok.text
        elif tok is None and self.sized(opener_index):
            close = ""  # a \Big[ left open at the end of an align row continues on the next
        else:
            raise Local(f"missing closing bracket for {opener}")
        if result.given is None and len(result.items) > 1 and "\\|" in result.seps:
            return self.seq(result.items, result.seps), close
        return self.list_node(result), close

    def barred(self, bar: str, cls: type[Abs] | type[Norm]) -> Node:
        start = self.pos
        self.pos += 1
        self.bars.append(bar)
        try:
            body = self.list_node(self.parse_list(cond=False))
        finally:
            self.bars.pop()
        self.expect(bar, f"closing {bar}")
        if body is None:
            raise Local(f"empty {bar}...{bar}")
        return cls(body, span=self.span_from(start))

    def angle(self) -> Node:
        start = self.pos
        self.pos += 1
        self.bars.append(None)
        try:
            result = self.parse_list(cond=True)
        finally:
            self.bars.pop()
        self.expect(r"\rangle", "closing \\rangle")
        items = tuple(result.items) if result.given is None else (self.list_node(result),)
        return Angle(items, span=self.span_from(start))  # type: ignore[arg-type]

