"""LaTeX math to the typed tree: the expression grammar.

A recursive-descent parser over the normalised tokens of :mod:`patterns.lexer`, by precedence:
rows, lists (``,``/``;``/conditional ``|``), relations, sums, products, factors (postfix
scripts, primes and function application) and primaries. Commands with arguments live in
:mod:`patterns.commands`. It never raises on bad input: what it cannot understand becomes a
local :class:`~patterns.tree.Unparsed` node with the reason, and the rest still parses.
"""

from __future__ import annotations

from dataclasses import dataclass

from patterns.commands import CommandParser
from patterns.lexer import ROW_BREAK, lex
from patterns.parsing_base import EMPTY, Local, TooDeep
from patterns.tokens import Token
from patterns.tree import (
    Add,
    Conditional,
    Differential,
    Frac,
    Mul,
    Neg,
    Node,
    PlusMinus,
    Relation,
    Rows,
    Seq,
    Symbol,
    Unparsed,
    covering_span,
)
from patterns.vocabulary import ADDITIVE, CLOSERS, MULTIPLICATIVE, RELATIONS

_NOT_FACTOR = frozenset(
    {",", ";", "/", ROW_BREAK, r"\end", r"\mid", "&", r"\over", r"\choose", r"\rangle", "!", "'",
     "_", "^", r"\atop"}
) | RELATIONS | ADDITIVE | MULTIPLICATIVE | CLOSERS


@dataclass
class _List:
    """What a comma-separated list parsed to, before it becomes a node."""

    items: list[Node]
    seps: list[str]
    given: Node | None = None


def parse_math(latex: str, *, holes: bool = False) -> Node:
    """Parse LaTeX math into a tree; never raises on bad input.

    ``holes`` enables the ``?name`` template holes used by the catalogue and glossary.
    """
    parser = MathParser(latex, lex(latex, holes=holes))
    try:
        return parser.parse_document()
    except TooDeep:
        return Unparsed(latex, f"nested deeper than {parser.max_depth} levels",
                        span=(0, len(latex)))


class MathParser(CommandParser):
    """The precedence levels of the grammar; see the module docstring."""

    def parse_document(self) -> Node:
        if len(self.toks) == 1 and self.toks[0].text in MULTIPLICATIVE:
            tok = self.toks[0]
            return Symbol(tok.text, span=(tok.start, tok.end))  # "$\odot$" in prose
        rows: list[Node] = []
        self.row_context = True
        while True:
            rows.append(self.parse_pieces())
            if self.cur is not None and self.cur.text == ROW_BREAK:
                self.pos += 1
                continue
            break
        rows = [r for r in rows if r != EMPTY] or [EMPTY]
        if len(rows) == 1:
            return rows[0]
        return Rows(tuple(rows), span=(rows[0].span[0], rows[-1].span[1]))

    def parse_pieces(self, stops: tuple[str, ...] = (ROW_BREAK,)) -> Node:
        """A row (or matrix cell) up to ``stops``; stray tokens become local unparsed pieces."""
        start = self.pos
        pieces: list[Node] = []
        while True:
            node = self.list_node(self.parse_list(cond=False))
            if node is not None and node != EMPTY:
                pieces.append(node)
            tok = self.cur
            if tok is None or tok.text in stops:
                break
            if tok.text in CLOSERS and self.sized(self.pos):
                self.pos += 1  # the \Big] closing a bracket opened on an earlier align row
                continue
            pieces.append(self.stray(tok))
        if not pieces:
            return EMPTY
        if len(pieces) == 1:
            return pieces[0]
        return self.mul(pieces, "", start)

    def stray(self, tok: Token) -> Unparsed:
        """A token that cannot stand where it is, as a one-token unparsed node."""
        self.pos += 1
        return Unparsed(tok.text, f"unexpected {tok.text!r}", span=(tok.start, tok.end))

    # -- lists and relations ------------------------------------------------------------------

    def parse_list(self, *, cond: bool, normsep: bool = False) -> _List:
        """Items separated by ``,``/``;`` (and ``\\|`` in divergences), with a conditional bar."""
        self.enter()
        saved = (self.cond, self.normsep)
        self.cond, self.normsep = cond, normsep
        result = _List([], [])
        try:
            while True:
                result.items.append(self.parse_relation() or EMPTY)
                tok = self.cur
                if tok is None:
                    break
                if tok.text in (",", ";") or (normsep and tok.text == r"\|"):
                    result.seps.append(tok.text)
                    self.pos += 1
                    continue
                if cond and tok.text in ("|", r"\mid") and result.given is None:
                    self.pos += 1
                    result.given = self.seq(result.items, result.seps)
                    result.items, result.seps = [], []
                    continue
                if tok.text == ROW_BREAK and not self.row_context:
                    self.pos += 1
                    continue
                break
        finally:
            self.cond, self.normsep = saved
            self.leave()
        return result

    def seq(self, items: list[Node], seps: list[str]) -> Node:
        items = [i for i in items if i != EMPTY] if len(items) > 1 and EMPTY in items else items
        if len(items) == 1:
            return items[0]
        if not items:
            return EMPTY
        return Seq(tuple(items), tuple(seps), span=(items[0].span[0], items[-1].span[1]))

    def list_node(self, result: _List) -> Node | None:
        body = self.seq(result.items, result.seps)
        if result.given is None:
            return body
        given = result.given
        return Conditional(given, body, span=covering_span((given, body)))

    def parse_relation(self) -> Node | None:
        start = self.pos
        left = self.parse_additive()
        ops: list[str] = []
        operands: list[Node] = [left or EMPTY]
        while self.cur is not None and self.is_relation(self.cur):
            ops.append(self.read_relation_op())
            operands.append(self.parse_additive() or EMPTY)
        if not ops:
            return left
        return Relation(tuple(ops), tuple(operands), span=self.span_from(start))

    def is_relation(self, tok: Token) -> bool:
        if tok.text in (r"\overset", r"\stackrel", r"\xrightarrow", r"\xleftarrow"):
            return self.annotated_relation_end(self.pos) is not None
        if tok.text == r"\mid" and not self.cond:
            return True
        return tok.text in RELATIONS

    # -- sums and products --------------------------------------------------------------------

    def parse_additive(self) -> Node | None:
        start = self.pos
        terms: list[Node] = []
        while True:
            tok = self.cur
            if tok is not None and tok.text in ADDITIVE:
                self.pos += 1
                body = self.parse_term() or EMPTY
                if tok.text == "-":
                    body = Neg(body, span=(tok.start, self.toks[self.pos - 1].end))
                elif tok.text in (r"\pm", r"\mp"):
                    body = PlusMinus(body, tok.text, span=(tok.start, self.toks[self.pos - 1].end))
                terms.append(body)
            elif not terms:
                first = self.parse_term()
                if first is None:
                    return None
                terms.append(first)
            else:
                break
        flat: list[Node] = []
        for term in terms:
            flat.extend(term.terms if isinstance(term, Add) else (term,))
        if len(flat) == 1:
            return flat[0]
        return Add(tuple(flat), span=self.span_from(start))

    def parse_term(self, *, integral: bool = False, leading_sign: bool = False) -> Node | None:
        start = self.pos
        if leading_sign and self.cur is not None and self.cur.text == "-":
            self.pos += 1
            inner = self.parse_term()
            return Neg(inner or EMPTY, span=self.span_from(start))
        first = self.parse_factor()
        if first is None:
            return self.leading_operator()
        factors: list[Node] = [first]
        ops: list[str] = []
        while (tok := self.cur) is not None:
            if tok.text == "/":
                self.pos += 1
                den = self.parse_factor() or EMPTY
                num = self.build_product(factors, ops, start, integral)
                factors, ops = [Frac(num, den, slash=True, span=self.span_from(start))], []
            elif tok.text in MULTIPLICATIVE:
                self.pos += 1
                nxt = self.parse_factor()
                if nxt is None:
                    factors.append(Symbol(tok.text, span=(tok.start, tok.end)))
                    ops.append("")
                    break
                ops.append(tok.text)
                factors.append(nxt)
            elif self.starts_factor(tok):
                factors.append(self.parse_factor() or EMPTY)
                ops.append("")
            else:
                break
        return self.build_product(factors, ops, start, integral)

    def build_product(self, factors: list[Node], ops: list[str], start: int,
                      integral: bool) -> Node:
        if integral:
            factors, ops = _differentials(*_open_braced_products(factors, ops))
        result = factors[0]
        run: list[Node] = [result]
        run_op: str | None = None
        for op, factor in zip(ops, factors[1:], strict=True):
            if run_op is not None and op != run_op:
                result = self.mul(run, run_op, start)
                run = [result]
            run_op = op
            run.append(factor)
        if run_op is not None:
            result = self.mul(run, run_op, start)
        return result

    def mul(self, factors: list[Node], op: str, start: int) -> Mul:
        """A product; same-operator products written in braces (``{ab}c``) flatten."""
        flat: list[Node] = []
        for f in factors:
            flat.extend(f.factors if isinstance(f, Mul) and f.op == op else (f,))
        return Mul(tuple(flat), op, span=covering_span(flat))

    # -- factors ------------------------------------------------------------------------------

    def starts_factor(self, tok: Token) -> bool:
        """Whether ``tok`` can begin another factor of an implicit product."""
        if tok.kind == "close":
            return False
        if tok.text in (r"\overset", r"\stackrel"):
            return not self.is_relation(tok)  # \overset{n}{\sum} x is a factor, not a relation
        if tok.text in ("|", r"\|"):
            return self.bar_can_open(tok.text) or self.lone_bar(tok.text)
        if tok.text == r"\mid" and not self.cond:
            return False
        return tok.text not in _NOT_FACTOR

    def lone_bar(self, bar: str) -> bool:
        """A bar that neither opens, closes nor separates: an evaluation bar ``f|_{x=0}``."""
        if self.closing_bar(bar) or self.bar_can_open(bar):
            return False
        return not ((self.cond and bar == "|") or (self.normsep and bar == r"\|"))

    def parse_factor(self) -> Node | None:
        tok = self.cur
        if tok is None or not self.starts_factor(tok):
            return None
        start = self.pos
        try:
            if tok.text in ("|", r"\|") and not self.bar_can_open(tok.text):
                self.pos += 1
                return self.postfix(Symbol(tok.text, span=(tok.start, tok.end)), start)
            node = self.parse_primary()
            return self.postfix(node, start)
        except Local as err:
            self.resync(start)
            return Unparsed(self.source_from(start), err.reason, span=self.span_from(start))

    def leading_operator(self) -> Node | None:
        """A product operator with nothing on its left: ``f(\\cdot)`` or a row "× (...)"."""
        tok = self.cur
        if tok is None or tok.text not in MULTIPLICATIVE:
            return None
        start = self.pos
        self.pos += 1
        nxt = self.cur
        if nxt is not None and self.starts_factor(nxt):
            right = self.parse_term() or EMPTY
            rest = right.factors if isinstance(right, Mul) and right.op == tok.text else (right,)
            return Mul((EMPTY, *rest), tok.text, span=self.span_from(start))  # flat, as mul()
        return Symbol(tok.text, span=(tok.start, tok.end))


def _open_braced_products(factors: list[Node],
                          ops: list[str]) -> tuple[list[Node], list[str]]:
    """Inside an integral, read a braced implicit product among implicit ones flat, as
    :meth:`MathParser.mul` will flatten it anyway: the ``d`` of ``{\\rm d}x`` still starts the
    differential, and the tree does not depend on braces that the printer cannot show."""
    out: list[Node] = []
    out_ops: list[str] = []
    for i, factor in enumerate(factors):
        before = ops[i - 1] if i else ""
        after = ops[i] if i < len(ops) else ""
        if i:
            out_ops.append(before)
        if isinstance(factor, Mul) and factor.op == "" and before == after == "":
            out.extend(factor.factors)
            out_ops.extend([""] * (len(factor.factors) - 1))
        else:
            out.append(factor)
    return out, out_ops


def _differentials(factors: list[Node], ops: list[str]) -> tuple[list[Node], list[str]]:
    """Inside an integral, turn ``d x`` (and ``\\mathrm{d}x``) into a Differential."""
    out: list[Node] = []
    out_ops: list[str] = []
    i = 0
    while i < len(factors):
        f = factors[i]
        nxt = factors[i + 1] if i + 1 < len(factors) else None
        implicit = i + 1 < len(factors) and ops[i] == ""
        if (implicit and isinstance(f, Symbol) and f.name == "d" and f.font in ("", "rm")
                and nxt is not None and not isinstance(nxt, Frac)):
            out.append(Differential(nxt, span=(f.span[0], nxt.span[1])))
            if i > 0:
                out_ops.append(ops[i - 1])
            i += 2
            continue
        if i > 0:
            out_ops.append(ops[i - 1])
        out.append(f)
        i += 1
    return out, out_ops[: max(len(out) - 1, 0)]


__all__ = ["parse_math", "MathParser", "EMPTY"]
