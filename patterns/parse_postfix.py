"""What follows a primary: scripts, primes, calls ``f(x)``, expectations and factorials.

This is where ``f(x)`` is decided to be a function call and ``a(x)`` a product.
"""

from __future__ import annotations

from patterns.parsing_base import EMPTY, Local, ParsingBase
from patterns.tree import (
    Accent,
    Apply,
    BigOp,
    Expectation,
    Hole,
    Mul,
    Node,
    Postfix,
    Script,
    Symbol,
)
from patterns.vocabulary import (
    BIG_OPERATORS,
    CLOSERS,
    FUNCTION_OPERATORS,
    LIMIT_OPERATORS,
)

FUNCTION_LETTERS = frozenset("fghpqrsuvkFGHJLPQRSUVDE") | {
    r"\ell", r"\phi", r"\varphi", r"\psi", r"\pi", r"\sigma", r"\Phi", r"\Psi", r"\Gamma",
    r"\delta",
}
"""Letters that papers use as function names: ``f(x)`` is a call, ``a(x)`` a product."""

PARAMETER_NAMES = frozenset({r"\theta", r"\phi", r"\varphi", r"\psi", r"\omega", r"\vartheta"})
"""A subscript with one of these marks a learned function: ``\\epsilon_\\theta(x_t, t)``."""

_CALL_OPENERS = frozenset({"(", "[", r"\{"})
"""Brackets that may hold an expectation's body."""


def _base_symbol(node: Node) -> Symbol | None:
    while isinstance(node, Script | Accent):
        node = node.base if isinstance(node, Script) else node.body
    return node if isinstance(node, Symbol) else None


def is_expectation_sign(node: Node) -> bool:
    sym = _base_symbol(node)
    return sym is not None and sym.name == "E" and sym.font == "bb"



def calls_by_name(head: Node) -> bool:
    """Whether ``head(...)`` is a call whatever the bracket holds: a function letter (``f``,
    ``p``, ``\\phi``), a calligraphic one, or a learned function (``\\epsilon_\\theta``). Other
    letters call only when the bracket holds a list (``x(a, b)``)."""
    sym = _base_symbol(head)
    if sym is None:
        return False
    if sym.name in FUNCTION_LETTERS or sym.font == "cal":
        return True
    return isinstance(head, Script) and head.sub is not None and any(
        isinstance(n, Symbol) and n.name in PARAMETER_NAMES for n in head.sub.walk())


class PostfixParser(ParsingBase):
    """Scripts and the bracket that may follow a head."""

    def read_scripts(self) -> tuple[Node | None, Node | None, int]:
        sub = sup = None
        primes = 0
        while (tok := self.cur) is not None:
            if tok.text == "_" and sub is None:
                self.pos += 1
                sub = self.argument()
            elif tok.text == "^" and sup is None:
                self.pos += 1
                arg = self.argument()
                if isinstance(arg, Symbol) and arg.name == r"\prime":
                    primes += 1
                else:
                    sup = arg
            elif tok.text == "'":
                self.pos += 1
                primes += 1
            else:
                break
        return sub, sup, primes

    def with_scripts(self, node: Node, start: int) -> Node:
        """``node`` with the sub/superscripts and primes that follow it, if any."""
        sub, sup, primes = self.read_scripts()
        if sub is None and sup is None and not primes:
            return node
        return Script(node, sub, sup, primes, span=self.span_from(start))

    def postfix(self, node: Node, start: int) -> Node:
        if isinstance(node, BigOp | Expectation) or (
            isinstance(node, Apply) and node.bracket == ""
        ):
            return node
        while True:
            node = self.with_scripts(node, start)
            tok = self.cur
            if tok is None:
                return node
            if is_expectation_sign(node) or (
                tok.text == "[" and (s := _base_symbol(node)) and s.name == "E" and not s.font
            ):
                return self.expectation(node, start)
            if tok.text == "(" and self.calls(node):
                node = self.call(node, start)
            elif tok.text == "[" and isinstance(_base_symbol(node), Symbol) and \
                    _base_symbol(node).font == "cal":  # type: ignore[union-attr]
                node = self.call(node, start)
            elif tok.text == "!":
                self.pos += 1
                node = Postfix(node, "!", span=self.span_from(start))
            else:
                return node

    def calls(self, head: Node) -> bool:
        """Whether ``head(...)`` is a function call rather than a product with a bracket."""
        if isinstance(head.base if isinstance(head, Script) else head, Hole):
            # In a template, ``?p(?x)`` or ``?f_{?i}(?x)`` (no space) calls an unknown head.
            return self.cur is not None and self.cur.start == head.span[1]
        if _base_symbol(head) is None:
            return False
        return calls_by_name(head) or self._bracket_has_separator()

    def _bracket_has_separator(self) -> bool:
        """Whether the bracket opening here holds a top-level ``,`` ``;`` or ``|``."""
        for tok, depth in self.scan_level(self.pos + 1):
            if depth == 0 and tok.text in (",", ";", "|", r"\mid"):
                return True
        return False

    def call(self, head: Node, start: int) -> Apply:
        opener = self.cur.text  # type: ignore[union-attr]
        self.pos += 1
        result = self.bracket_list()
        tok = self.cur
        if tok is None or tok.text not in CLOSERS:
            raise Local(f"missing closing bracket for {opener}")
        self.pos += 1
        if result.given is not None:
            args: tuple[Node, ...] = (self.list_node(result),)  # type: ignore[assignment]
        else:
            args = tuple(i for i in result.items if i != EMPTY)
        return Apply(head, args, bracket=opener, seps=tuple(result.seps),
                     span=self.span_from(start))

    def expectation(self, sign: Node, start: int) -> Node:
        sub = sign.sub if isinstance(sign, Script) else None
        sup = sign.sup if isinstance(sign, Script) else None
        tok = self.cur
        if tok is not None and tok.text in _CALL_OPENERS:
            self.pos += 1
            body, _ = self.delimited_body(tok.text)
        elif tok is not None and self.starts_factor(tok):
            body = self.operator_argument()
        else:
            return sign
        return Expectation(body, sub, sup, span=self.span_from(start))

    def operator_argument(self) -> Node | None:
        """What ``\\log`` or ``\\nabla`` apply to when no bracket follows: a run of factors."""
        start = self.pos
        factors: list[Node] = []
        while (tok := self.cur) is not None and self.starts_factor(tok):
            if factors and (tok.text[1:] in FUNCTION_OPERATORS or tok.text in BIG_OPERATORS
                            or tok.text[1:] in LIMIT_OPERATORS or tok.text == r"\nabla"):
                break
            factor = self.parse_factor()
            if factor is None:
                break
            factors.append(factor)
        if not factors:
            return None
        if len(factors) == 1:
            return factors[0]
        flat: list[Node] = []
        for factor in factors:  # a braced product flattens, as in MathParser.mul
            flat.extend(factor.factors if isinstance(factor, Mul) and not factor.op else (factor,))
        return Mul(tuple(flat), "", span=self.span_from(start))

