"""Primaries and postfix forms: the commands of LaTeX math and what they build.

Each construct of the tree has one method here (fractions, roots, fonts, accents, named and big
operators, brackets, bars, environments), plus the postfix step that attaches scripts and
decides whether ``f(x)`` is a function call or a product.
"""

from __future__ import annotations

from dataclasses import replace

from patterns.lexer import ROW_BREAK
from patterns.parsing_base import Local, ParsingBase
from patterns.tree import (
    Abs,
    Accent,
    Angle,
    Apply,
    BigOp,
    Brace,
    Expectation,
    Frac,
    Group,
    Hole,
    Matrix,
    Mul,
    Node,
    Norm,
    Number,
    OpName,
    Postfix,
    Rows,
    Script,
    Sqrt,
    Symbol,
    Text,
    Unparsed,
)
from patterns.vocabulary import (
    ACCENTS,
    BIG_OPERATORS,
    CLOSERS,
    FONTS,
    FUNCTION_OPERATORS,
    INTEGRALS,
    LIMIT_OPERATORS,
    NAMED_SYMBOLS,
    OPENERS,
    TEXT_COMMANDS,
    TRANSPARENT_WITH_ARGUMENT,
)

FUNCTION_LETTERS = frozenset("fghpqrsuvkFGHJLPQRSUVDE") | {
    r"\ell", r"\phi", r"\varphi", r"\psi", r"\pi", r"\sigma", r"\Phi", r"\Psi", r"\Gamma",
    r"\delta",
}
"""Letters that papers use as function names: ``f(x)`` is a call, ``a(x)`` a product."""

PARAMETER_NAMES = frozenset({r"\theta", r"\phi", r"\varphi", r"\psi", r"\omega", r"\vartheta"})
"""A subscript with one of these marks a learned function: ``\\epsilon_\\theta(x_t, t)``."""

EXPECTATION_MACROS = frozenset({r"\E", r"\EE", r"\Exp", r"\Ex", r"\expect", r"\Expect",
                                r"\expectation", r"\Expectation"})
"""Common unexpanded macro names for the expectation sign."""

MATRIX_ENVIRONMENTS = frozenset(
    "matrix pmatrix bmatrix Bmatrix vmatrix Vmatrix smallmatrix array cases cases* dcases "
    "rcases subarray numcases psmallmatrix bsmallmatrix".split()
)
_OPNAME_FONTS = frozenset({"rm", "", "sf", "tt"})
_CALL_OPENERS = frozenset({"(", "[", r"\{"})
_OBJECTIVE_OPERATORS = frozenset("max min sup inf argmax argmin".split())
"""Limit operators whose body is the whole objective that follows, sums included."""


def _base_symbol(node: Node) -> Symbol | None:
    while isinstance(node, Script | Accent):
        node = node.base if isinstance(node, Script) else node.body
    return node if isinstance(node, Symbol) else None


def is_expectation_sign(node: Node) -> bool:
    sym = _base_symbol(node)
    return sym is not None and sym.name == "E" and sym.font == "bb"


class CommandParser(ParsingBase):
    """Primaries, commands and postfix forms (the grammar levels live in the subclass)."""

    # -- primaries ----------------------------------------------------------------------------

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
        self.pos += 1
        if text in NAMED_SYMBOLS or not self.at("{"):
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
        return Number(self.source_from(start).replace(" ", ""), self.font,
                      span=self.span_from(start))

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
        return self.argument() if count else self.parse_primary()

    # -- groups -------------------------------------------------------------------------------

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
                inner.kind == "char" and not inner.text.isalnum() or inner.text == r"\|")):
            self.pos += 3
            return Symbol(inner.text, span=(inner.start, inner.end))  # x^{*}, \theta^{-}
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
        from patterns.parser import EMPTY

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
        from patterns.parser import EMPTY

        body = None if body == EMPTY else body
        return Group(opener, close, body, span=self.span_from(start))

    def delimited_body(self, opener: str) -> tuple[Node | None, str]:
        """Parse up to the closing delimiter; ``\\left\\{ ... \\right.`` closes with ""."""
        opener_index = self.pos - 1
        self.bars.append(None)
        try:
            result = self.parse_list(cond=True, normsep=True)
        finally:
            self.bars.pop()
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

    # -- postfix ------------------------------------------------------------------------------

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

    def postfix(self, node: Node, start: int) -> Node:
        if isinstance(node, BigOp | Expectation) or (
            isinstance(node, Apply) and node.bracket == ""
        ):
            return node
        while True:
            sub, sup, primes = self.read_scripts()
            if sub is not None or sup is not None or primes:
                node = Script(node, sub, sup, primes, span=self.span_from(start))
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
        sym = _base_symbol(head)
        if sym is None:
            return False
        if sym.name in FUNCTION_LETTERS or sym.font == "cal":
            return True
        if isinstance(head, Script) and head.sub is not None and any(
            isinstance(n, Symbol) and n.name in PARAMETER_NAMES for n in head.sub.walk()
        ):
            return True
        return self._bracket_has_separator()

    def _bracket_has_separator(self) -> bool:
        depth = 0
        for i in range(self.pos, min(len(self.toks), self.pos + 2000)):
            tok = self.toks[i]
            if tok.kind == "open" or tok.text in OPENERS:
                depth += 1
            elif tok.kind == "close" or tok.text in CLOSERS:
                depth -= 1
                if depth == 0:
                    return False
            elif depth == 1 and tok.text in (",", ";", "|", r"\mid"):
                return True
        return False

    def call(self, head: Node, start: int) -> Apply:
        opener = self.cur.text  # type: ignore[union-attr]
        self.pos += 1
        self.bars.append(None)
        try:
            result = self.parse_list(cond=True, normsep=True)
        finally:
            self.bars.pop()
        tok = self.cur
        if tok is None or tok.text not in CLOSERS:
            raise Local(f"missing closing bracket for {opener}")
        self.pos += 1
        from patterns.parser import EMPTY

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
        return Mul(tuple(factors), "", span=self.span_from(start))

    # -- operators ----------------------------------------------------------------------------

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
        head: Node = Symbol(tok.text, self.font, span=(tok.start, tok.end))  # type: ignore
        sub, sup, primes = self.read_scripts()
        if sub is not None or sup is not None or primes:
            head = Script(head, sub, sup, primes, span=self.span_from(start))
        nxt = self.cur
        if nxt is None or not self.starts_factor(nxt):
            return head
        arg = self.operator_argument()
        if arg is None:
            return head
        return Apply(head, (arg,), bracket="", span=self.span_from(start))

    def operatorname(self) -> Node:
        start = self.pos
        starred = self.cur.text.endswith("*")  # type: ignore[union-attr]
        self.pos += 1
        end = self.group_end(self.pos)
        if end is None:
            raise Local("\\operatorname needs an argument")
        letters = [t.text for t in self.toks[self.pos:end] if t.kind == "char"]
        name = "".join(ch for ch in letters if ch.isalnum())
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
        self.pos = end
        if content.replace("-", "").isalpha() and len(content) > 1 and self.at("("):
            return self.finish_opname(OpName(content, span=self.span_from(start)), start)
        return Text(content, span=self.span_from(start))

    # -- two-argument constructs --------------------------------------------------------------

    def frac(self) -> Node:
        start = self.pos
        self.pos += 1
        num = self.argument()
        den = self.argument()
        return Frac(num, den, span=self.span_from(start))

    def binom(self) -> Node:
        start = self.pos
        self.pos += 1
        n, k = self.argument(), self.argument()
        return Apply(OpName("binom"), (n, k), bracket="{", span=self.span_from(start))

    def sqrt(self) -> Node:
        start = self.pos
        self.pos += 1
        index = None
        if self.at("["):
            self.pos += 1
            index = self.list_node(self.parse_list(cond=False))  # type: ignore[attr-defined]
            self.expect("]", "closing ] of the root's index")
        body = self.argument()
        return Sqrt(body, index, span=self.span_from(start))

    def brace(self) -> Node:
        start = self.pos
        kind = "under" if self.cur.text == r"\underbrace" else "over"  # type: ignore[union-attr]
        self.pos += 1
        body = self.argument()
        label = None
        if self.at("_" if kind == "under" else "^"):
            self.pos += 1
            label = self.argument()
        return Brace(kind, body, label, span=self.span_from(start))

    def underset(self) -> Node:
        start = self.pos
        self.pos += 1
        below = self.argument()
        if self.at("{") and self.peek() is not None and self._is_operator_token(self.peek()):
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
        return Script(base, below, span=self.span_from(start))

    @staticmethod
    def _is_operator_token(tok) -> bool:  # noqa: ANN001
        return tok.text[1:] in LIMIT_OPERATORS or tok.text in BIG_OPERATORS

    def _operator_with_lower(self, command: str, below: Node, start: int) -> Node:
        if command in BIG_OPERATORS:
            body = self.parse_term(leading_sign=True)  # type: ignore[attr-defined]
            return BigOp(BIG_OPERATORS[command], body, below, span=self.span_from(start))
        return self.finish_opname(OpName(command[1:]), start, lower=below)

    def overset(self) -> Node:
        start = self.pos
        self.pos += 1
        above = self.argument()
        base = self.argument()
        return Script(base, None, above, span=self.span_from(start))

    def substack(self) -> Node:
        start = self.pos
        self.pos += 1
        self.expect("{", "braced argument of \\substack")
        rows = self._rows_until("}")
        self.pos += 1
        return Rows(tuple(rows), span=self.span_from(start))

    def _rows_until(self, end: str) -> list[Node]:
        from patterns.parser import EMPTY

        saved, self.row_context = self.row_context, True
        rows: list[Node] = []
        try:
            while True:
                rows.append(self.list_node(self.parse_list(cond=False)) or EMPTY)
                if self.at(ROW_BREAK):
                    self.pos += 1
                    continue
                if not self.at(end):
                    raise Local(f"missing {end}")
                return [r for r in rows if r != EMPTY]
        finally:
            self.row_context = saved

    def environment(self) -> Node:
        start = self.pos
        name, after = self._env_name(self.pos)
        self.pos = after
        if name not in MATRIX_ENVIRONMENTS:
            self._skip_environment(name)
            return Unparsed(self.source_from(start), f"unknown environment {name!r}",
                            span=self.span_from(start))
        if name in ("array", "subarray") and self.at("{"):
            self.pos = self.group_end(self.pos) or self.pos
        rows = self._matrix_rows(name)
        return Matrix(name, rows, span=self.span_from(start))

    def _env_name(self, i: int) -> tuple[str, int]:
        end = self.group_end(i + 1)
        if end is None or self.toks[i + 1].kind != "open":
            raise Local("\\begin needs an environment name")
        return "".join(t.text for t in self.toks[i + 2 : end - 1]), end

    def _skip_environment(self, name: str) -> None:
        depth = 1
        while self.cur is not None:
            if self.cur.text in (r"\begin", r"\end"):
                inner, after = self._env_name(self.pos)
                if inner == name:
                    depth += 1 if self.cur.text == r"\begin" else -1
                self.pos = after
                if depth == 0:
                    return
            else:
                self.pos += 1

    def _matrix_rows(self, name: str) -> tuple[tuple[Node, ...], ...]:
        from patterns.parser import EMPTY

        saved, self.row_context = self.row_context, True
        rows: list[tuple[Node, ...]] = []
        cells: list[Node] = []
        try:
            while True:
                cell = self._cell()
                tok = self.cur
                cells.append(cell)
                if tok is None:
                    raise Local(f"missing \\end{{{name}}}")
                self.pos += 1
                if tok.text == ROW_BREAK:
                    rows.append(tuple(cells))
                    cells = []
                elif tok.text == r"\end":
                    self.pos -= 1
                    _, self.pos = self._env_name(self.pos)
                    if cells != [EMPTY]:
                        rows.append(tuple(cells))
                    return tuple(rows)
        finally:
            self.row_context = saved

    def _cell(self) -> Node:
        from patterns.parser import EMPTY

        pieces: list[Node] = []
        while True:
            node = self.list_node(self.parse_list(cond=False))  # type: ignore[attr-defined]
            if node is not None and node != EMPTY:
                pieces.append(node)
            tok = self.cur
            if tok is None or tok.text in ("&", ROW_BREAK, r"\end"):
                break
            pieces.append(self.stray(tok))  # type: ignore[attr-defined]
        if not pieces:
            return EMPTY
        return pieces[0] if len(pieces) == 1 else Mul(tuple(pieces))


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
    r"\argmin": lambda self: self._named_limit("argmin"),
    r"\argmax": lambda self: self._named_limit("argmax"),
}
"""Commands with their own construction method."""


def _named_limit(self: CommandParser, name: str) -> Node:
    start = self.pos
    tok = self.cur
    self.pos += 1
    return self.finish_opname(OpName(name, span=(tok.start, tok.end)), start)  # type: ignore


CommandParser._named_limit = _named_limit  # type: ignore[attr-defined]
