"""Two-argument constructs and environments: fractions, roots, braces, matrices, cases."""

from __future__ import annotations

from patterns.lexer import ROW_BREAK
from patterns.parsing_base import EMPTY, Local, ParsingBase
from patterns.tree import (
    Apply,
    Brace,
    Frac,
    Matrix,
    Node,
    OpName,
    Rows,
    Sqrt,
    Unparsed,
)

MATRIX_ENVIRONMENTS = frozenset(
    "matrix pmatrix bmatrix Bmatrix vmatrix Vmatrix smallmatrix array cases cases* dcases "
    "rcases subarray numcases psmallmatrix bsmallmatrix".split()
)

class LayoutParser(ParsingBase):
    """Constructs laid out in two dimensions."""

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


    def substack(self) -> Node:
        start = self.pos
        self.pos += 1
        self.expect("{", "braced argument of \\substack")
        rows = self._rows_until("}")
        self.pos += 1
        return Rows(tuple(rows), span=self.span_from(start))

    def _rows_until(self, end: str) -> list[Node]:
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
        saved, self.row_context = self.row_context, True
        rows: list[tuple[Node, ...]] = []
        cells: list[Node] = []
        try:
            while True:
                cell = self.parse_pieces(("&", ROW_BREAK, r"\end"))  # type: ignore[attr-defined]
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
