"""Named and big operators: ``\\log``, ``\\max_x``, ``\\sum``, ``\\nabla``, fonts and text."""

from __future__ import annotations

from dataclasses import replace

from patterns.parse_postfix import PostfixParser, is_expectation_sign
from patterns.parsing_base import Local
from patterns.tree import (
    Apply,
    BigOp,
    Node,
    OpName,
    Script,
    Symbol,
    Text,
)
from patterns.vocabulary import (
    BIG_OPERATORS,
    INTEGRALS,
    LIMIT_OPERATORS,
)

_OPNAME_FONTS = frozenset({"rm", "", "sf", "tt"})
_OBJECTIVE_OPERATORS = frozenset("max min sup inf argmax argmin".split())
"""Limit operators whose body is the whole objective that follows, sums included."""



class OperatorParser(PostfixParser):
    """Operators that take limits, a body or arguments."""

    def finish_opname(self, op: OpName, start: int, lower: Node | None = None) -> Node:
        """A named operator: limits and a body (``\\max_x f``), or arguments (``\\log p``)."""
        sub, sup, primes = self.read_scripts()
        sub = lower if lower is not None else sub
        tok = self.cur
        if op.name in LIMIT_OPERATORS:
            if sub is None and sup is None and tok is not None and tok.text in ("(", r"\{"):
                return self.call(op, start)
            body = self.limits_body(op.name)
            return BigOp(op.name, body, sub, sup, span=self.span_from(start))
        head: Node = op
        if sub is not None or sup is not None or primes:
            head = Script(op, sub, sup, primes, span=self.span_from(start))
        if tok is not None and tok.text in ("(", "["):
            return self.call(head, start)
        arg = self.operator_argument()
        if arg is None:
            return head
        return Apply(head, (arg,), bracket="", span=self.span_from(start))

    def limits_body(self, name: str) -> Node | None:
        """What ``\\max_x`` applies to: for min/max/arg-min/sup/inf the whole objective that
        follows (``\\min_G \\max_D a + b`` optimises ``a + b``), for ``\\lim`` one term."""
        if name in _OBJECTIVE_OPERATORS:
            return self.parse_additive()  # type: ignore[attr-defined]
        return self.parse_term(leading_sign=True)  # type: ignore[attr-defined]

    def big_operator(self, op: str) -> Node:
        start = self.pos
        self.pos += 1
        sub, sup, _ = self.read_scripts()
        body = self.parse_term(integral=op in INTEGRALS, leading_sign=True)  # type: ignore
        return BigOp(op, body, sub, sup, span=self.span_from(start))

    def prefix_operator(self) -> Node:
        """``\\nabla_\\theta L`` and ``\\partial_t p``: an operator applied to what follows."""
        start = self.pos
        tok = self.cur
        self.pos += 1
        glyph = Symbol(tok.text, self.font, span=(tok.start, tok.end))  # type: ignore
        head = self.with_scripts(glyph, start)
        nxt = self.cur
        if nxt is None or not self.starts_factor(nxt):
            return head
        arg = self.operator_argument()
        if arg is None:
            return head
        # Applied, it has no font: a font makes no other operator (\mathcal{\partial Q} is
        # \partial Q), and \mathcal{\partial} written back would be a symbol, not an operator.
        glyph = replace(glyph, font="")
        head = replace(head, base=glyph) if isinstance(head, Script) else glyph
        return Apply(head, (arg,), bracket="", span=self.span_from(start))

    def operatorname(self) -> Node:
        start = self.pos
        starred = self.cur.text.endswith("*")  # type: ignore[union-attr]
        self.pos += 1
        end = self.group_end(self.pos)
        if end is None:
            raise Local("\\operatorname needs an argument")
        letters = [t.text for t in self.toks[self.pos:end] if t.kind == "char"]
        name = "".join(ch for ch in letters if ch.isalnum() or ch == "-")  # as \text{Max-SW}(
        self.pos = end
        if name == "E":
            return Symbol("E", "bb", span=self.span_from(start))
        if starred and name not in LIMIT_OPERATORS:
            return self.limits_operator(OpName(name, span=self.span_from(start)), start)
        return self.finish_opname(OpName(name, span=self.span_from(start)), start)

    def limits_operator(self, op: OpName, start: int) -> Node:
        sub, sup, _ = self.read_scripts()
        body = self.limits_body(op.name)
        return BigOp(op.name, body, sub, sup, span=self.span_from(start))

    def mathop(self) -> Node:
        start = self.pos
        self.pos += 1
        inner = self.argument()
        if isinstance(inner, OpName):
            if inner.name in LIMIT_OPERATORS:
                return self.finish_opname(inner, start)
            return self.limits_operator(inner, start)
        return inner

    def font_command(self, font: str) -> Node:
        start = self.pos
        self.pos += 1
        word = self._word_argument()
        if word is not None and font in _OPNAME_FONTS and len(word) > 1:
            self.pos = self.group_end(self.pos) or self.pos
            op = OpName(word, span=self.span_from(start))
            return self.finish_opname(op, start)
        saved, self.font = self.font, font
        try:
            node = self.argument()
        finally:
            self.font = saved
        return replace(node, span=self.span_from(start))  # \bm{x} as a whole maps to x

    def _word_argument(self) -> str | None:
        """The letters of a ``{softmax}`` argument, if it is one plain word."""
        end = self.group_end(self.pos)
        if end is None or self.toks[self.pos].kind != "open":
            return None
        inner = self.toks[self.pos + 1 : end - 1]
        if inner and all(t.kind == "char" and t.text.isalpha() for t in inner):
            return "".join(t.text for t in inner)
        return None

    def text_command(self) -> Node:
        start = self.pos
        self.pos += 1
        end = self.group_end(self.pos)
        if end is None or self.toks[self.pos].kind != "open":
            raise Local("\\text needs a braced argument")
        first, last = self.toks[self.pos], self.toks[end - 1]
        content = " ".join(self.src[first.end:last.start].split())
        if (len(content) - len(content.rstrip("\\"))) % 2:
            content = content[:-1].rstrip()  # a trailing control space, "std.\\ ", lost its blank
        self.pos = end
        if content.replace("-", "").isalpha() and len(content) > 1 and self.at("("):
            return self.finish_opname(OpName(content, span=self.span_from(start)), start)
        return Text(content, span=self.span_from(start))


    def overset(self) -> Node:
        start = self.pos
        self.pos += 1
        above = self.argument()
        base = self.argument()
        if (operator := self._with_limits(base, None, above, start)) is not None:
            return operator
        return Script(base, None, above, span=self.span_from(start))

    def underset(self) -> Node:
        start = self.pos
        self.pos += 1
        below = self.argument()
        closing = self.peek(2)
        if self.at("{") and self.peek() is not None and self._is_operator_token(self.peek()) \
                and closing is not None and closing.kind == "close":
            self.pos += 1
            inner = self.cur.text  # type: ignore[union-attr]
            self.pos += 1
            self.expect("}", "closing brace")
            return self._operator_with_lower(inner, below, start)
        if self.cur is not None and self._is_operator_token(self.cur):
            inner = self.cur.text
            self.pos += 1
            return self._operator_with_lower(inner, below, start)
        base = self.argument()
        if is_expectation_sign(base):
            return self.expectation(Script(base, below, span=self.span_from(start)), start)
        if (operator := self._with_limits(base, below, None, start)) is not None:
            return operator
        return Script(base, below, span=self.span_from(start))

    def _with_limits(self, base: Node, lower: Node | None, upper: Node | None,
                     start: int) -> BigOp | None:
        """``\\underset{\\theta}{\\operatorname{arg\\,min}} L``: an operator alone in braces
        takes the limit and, as when written with ``_``, the body that follows (also stacked:
        ``\\overset{n}{\\underset{i=1}{\\sum}} x_i``)."""
        if not isinstance(base, BigOp) or base.body is not None or (
                lower is not None and base.lower is not None) or (
                upper is not None and base.upper is not None):
            return None
        if base.op in INTEGRALS:
            body = self.parse_term(integral=True, leading_sign=True)  # type: ignore[attr-defined]
        else:
            body = self.limits_body(base.op)
        return BigOp(base.op, body, lower or base.lower, upper or base.upper,
                     span=self.span_from(start))

    @staticmethod
    def _is_operator_token(tok) -> bool:  # noqa: ANN001
        return tok.text[1:] in LIMIT_OPERATORS or tok.text in BIG_OPERATORS

    def _operator_with_lower(self, command: str, below: Node, start: int) -> Node:
        if command in BIG_OPERATORS:
            body = self.parse_term(leading_sign=True)  # type: ignore[attr-defined]
            return BigOp(BIG_OPERATORS[command], body, below, span=self.span_from(start))
        return self.finish_opname(OpName(command[1:]), start, lower=below)

