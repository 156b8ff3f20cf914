"""The parser's cursor, budgets and error recovery, shared by the grammar and the commands."""

from __future__ import annotations

from collections.abc import Iterator

from patterns.lexer import ROW_BREAK
from patterns.limits import MAX_BAR_SCAN
from patterns.limits import MAX_PARSE_DEPTH as MAX_DEPTH
from patterns.tokens import Token
from patterns.tree import Seq, Span
from patterns.vocabulary import ADDITIVE, CLOSERS, OPENERS, RELATIONS

EMPTY = Seq(())
"""The empty operand (``= b`` with nothing on the left, an empty ``{}``)."""



_RESYNC_STOP = frozenset({",", ";", ROW_BREAK, r"\end"}) | RELATIONS | ADDITIVE | CLOSERS


class Local(Exception):
    """A construct that cannot be understood; becomes an Unparsed node where it stands."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class TooDeep(Exception):
    """Nesting beyond :data:`MAX_DEPTH`; the whole formula is reported unparsed."""


class ParsingBase:
    """Cursor over the token list plus the state the grammar threads through."""

    max_depth = MAX_DEPTH

    def __init__(self, source: str, tokens: list[Token]) -> None:
        self.src = source
        self.toks = tokens
        self.pos = 0
        self.depth = 0
        self.cond = False
        """Inside p(...) or E[...]: a lone ``|`` is the conditional bar."""
        self.normsep = False
        """Inside a divergence's arguments: a lone ``\\|`` separates the two distributions."""
        self.row_context = False
        """Where ``\\\\`` separates rows (document, matrices) rather than being ignorable."""
        self.bars: list[str | None] = []
        """Bars (``|``, ``\\|``) waiting for their closing twin; None shields a bracket."""
        self.font = ""
        """The font a font command imposes on the letters being parsed."""

    @property
    def cur(self) -> Token | None:
        return self.toks[self.pos] if self.pos < len(self.toks) else None

    def peek(self, offset: int = 1) -> Token | None:
        i = self.pos + offset
        return self.toks[i] if i < len(self.toks) else None

    def enter(self) -> None:
        self.depth += 1
        if self.depth > self.max_depth:
            raise TooDeep()

    def leave(self) -> None:
        self.depth -= 1

    def span_from(self, start: int) -> Span:
        if not self.toks:
            return (0, 0)
        if self.pos > start:
            return (self.toks[start].start, self.toks[self.pos - 1].end)
        at = self.toks[start].start if start < len(self.toks) else len(self.src)
        return (at, at)

    def source_from(self, start: int) -> str:
        a, b = self.span_from(start)
        return self.src[a:b]

    def at(self, text: str) -> bool:
        return self.cur is not None and self.cur.text == text and self.cur.kind != "param"

    def expect(self, text: str, what: str) -> Token:
        tok = self.cur
        if tok is None or tok.text != text:
            raise Local(f"missing {what}")
        self.pos += 1
        return tok

    def resync(self, start: int) -> None:
        """After a local error, skip to where parsing can sensibly go on."""
        if self.pos == start:
            self.pos += 1
        depth = 0
        while (tok := self.cur) is not None:
            if tok.kind == "open" or tok.text in OPENERS:
                depth += 1
            elif tok.kind == "close" or tok.text in CLOSERS:
                if depth == 0:
                    return
                depth -= 1
            elif depth == 0 and tok.text in _RESYNC_STOP:
                return
            self.pos += 1

    def bracket_list(self):  # noqa: ANN201 - the grammar's list result
        """The list inside a bracket: conditional bars and divergence ``\\|`` allowed, and
        shielded from any |...| that is open outside the bracket."""
        self.bars.append(None)
        try:
            return self.parse_list(cond=True, normsep=True)  # type: ignore[attr-defined]
        finally:
            self.bars.pop()

    # -- bars -------------------------------------------------------------------------------

    def closing_bar(self, bar: str) -> bool:
        return bool(self.bars) and self.bars[-1] == bar

    def scan_level(self, start: int) -> Iterator[tuple[Token, int]]:
        """Tokens from ``start`` with their bracket depth relative to ``start``; stops when a
        bracket closes below that level (bounded by :data:`MAX_BAR_SCAN` tokens)."""
        depth = 0
        for tok in self.toks[start : start + MAX_BAR_SCAN]:
            if tok.kind == "open" or tok.text in OPENERS:
                depth += 1
            elif tok.kind == "close" or tok.text in CLOSERS:
                depth -= 1
                if depth < 0:
                    return
            yield tok, depth

    def bar_can_open(self, bar: str) -> bool:
        """A bar opens an |abs| or a ||norm|| only if its twin follows at the same level."""
        if self.closing_bar(bar):
            return False
        for tok, depth in self.scan_level(self.pos + 1):
            if depth == 0 and tok.text == ROW_BREAK:
                return False
            if depth == 0 and tok.text == bar:
                return True
        return False

    # -- annotated relations ----------------------------------------------------------------

    def group_end(self, i: int) -> int | None:
        """Index after the brace group (or single token) starting at ``i``."""
        if i >= len(self.toks):
            return None
        if self.toks[i].kind != "open":
            return i + 1
        depth = 0
        for j in range(i, len(self.toks)):
            depth += {"open": 1, "close": -1}.get(self.toks[j].kind, 0)
            if depth == 0:
                return j + 1
        return None

    def annotated_relation_end(self, i: int) -> int | None:
        """For ``\\overset{a}{=}``-like relations, the index just past them, else None."""
        name = self.toks[i].text
        if name in (r"\xrightarrow", r"\xleftarrow"):
            j = i + 1
            if j < len(self.toks) and self.toks[j].text == "[":
                while j < len(self.toks) and self.toks[j].text != "]":
                    j += 1
                j += 1
            if j < len(self.toks) and self.toks[j].kind not in ("open", "char"):
                return None  # \xrightarrow\mathbb{R}: a command is no label on its own
            return self.group_end(j)
        first_end = self.group_end(i + 1)
        if first_end is None:
            return None
        second_end = self.group_end(first_end)
        if second_end is None:
            return None
        inner = [t for t in self.toks[first_end:second_end] if t.kind not in ("open", "close")]
        if len(inner) == 1 and inner[0].text in RELATIONS:
            return second_end
        return None

    def read_relation_op(self) -> str:
        tok = self.cur
        assert tok is not None
        end = self.annotated_relation_end(self.pos) if tok.text.startswith("\\") else None
        if tok.text in (r"\overset", r"\stackrel", r"\xrightarrow", r"\xleftarrow") and end:
            start = self.pos
            self.pos = end
            return " ".join(self.source_from(start).split())
        self.pos += 1
        return tok.text
