"""Turns raw LaTeX math into the normalised token stream the parser reads.

Everything that is a matter of spelling rather than structure is settled here, once: spaces and
sizing commands vanish, ``\\leq`` becomes ``\\le``, Unicode glyphs become commands, ``\\arg\\min``
becomes one operator, and the ``\\\\`` line breaks that merely wrap a long formula disappear while
the ones that separate statements stay.
"""

from __future__ import annotations

from patterns.tokens import Token, tokenize
from patterns.vocabulary import (
    ADDITIVE,
    ALIASES,
    CLOSERS,
    IGNORED,
    MULTIPLICATIVE,
    OPENERS,
    RELATIONS,
    SKIP_WITH_ARGUMENT,
    UNICODE,
    UNICODE_LETTERS,
)

ROW_BREAK = "\\\\"
_ALIGN_ENVS = frozenset({"aligned", "split", "gathered", "alignedat", "align", "align*",
                         "gather", "gather*", "multline", "multline*", "eqnarray", "eqnarray*",
                         "flalign", "flalign*", "alignat", "alignat*", "equation", "equation*",
                         "displaymath", "math"})
"""Environments that only lay out rows of one formula: their wrapper is dropped."""


def lex(latex: str, *, holes: bool = False) -> list[Token]:
    """Tokens ready for the parser; ``holes`` turns ``?name`` into one hole token (templates)."""
    raw = [t for t in tokenize(latex) if t.kind != "space"]
    tokens = _combine(_translate(raw), holes)
    tokens = _drop_layout_environments(tokens)
    return _drop_trailing_punctuation(_settle_row_breaks(tokens))


def _drop_trailing_punctuation(tokens: list[Token]) -> list[Token]:
    """The full stop or comma that ends a display belongs to the sentence, not the formula."""
    out: list[Token] = []
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1].text if i + 1 < len(tokens) else None
        if tok.text in (".", ",", ";") and tok.kind == "char" and nxt in (None, ROW_BREAK):
            continue
        out.append(tok)
    return out


def _translate(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for tok in tokens:
        text = tok.text
        if tok.kind == "char" and text in UNICODE:
            text = UNICODE[text]
            tok = Token("cmd" if text.startswith("\\") else "char", text, tok.start, tok.end)
        elif tok.kind == "char" and text in UNICODE_LETTERS:
            letter, font = UNICODE_LETTERS[text]
            out.append(Token("cmd", "\\" + {"bb": "mathbb", "cal": "mathcal"}[font],
                             tok.start, tok.start))
            out.append(Token("open", "{", tok.start, tok.start))
            out.append(Token("char", letter, tok.start, tok.end))
            out.append(Token("close", "}", tok.end, tok.end))
            continue
        if tok.kind == "cmd" and text in ALIASES:
            tok = Token("cmd" if ALIASES[text].startswith("\\") else "char", ALIASES[text],
                        tok.start, tok.end)
        out.append(tok)
    return out


def _merge(a: Token, b: Token, text: str, kind: str = "cmd") -> Token:
    return Token(kind, text, a.start, b.end)  # type: ignore[arg-type]


def _combine(tokens: list[Token], holes: bool) -> list[Token]:
    """Merge multi-token spellings and drop what carries no meaning."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if tok.text in (r"\left", r"\right", r"\big") and nxt is not None and nxt.text == ".":
            if tok.text == r"\right":
                out.append(_merge(tok, nxt, r"\right."))
            i += 2
            continue
        if tok.text in (r"\left", r"\right", r"\big") and nxt is not None and nxt.text != ".":
            tokens[i + 1] = _merge(tok, nxt, nxt.text, nxt.kind)  # span covers \left(
            i += 1
            continue
        if tok.text in IGNORED and tok.text != "&":
            i += 1
            continue
        if tok.kind == "cmd" and tok.text in SKIP_WITH_ARGUMENT:
            i = i + 1
            if i < len(tokens) and tokens[i].text == "*":
                i += 1
            for _ in range(SKIP_WITH_ARGUMENT[tok.text]):
                i = _skip_group(tokens, i)
            continue
        if nxt is not None:
            pair = _pair(tok, nxt)
            if pair is not None:
                out.append(_merge(tok, nxt, pair, "char" if pair in (":=", "=:") else "cmd"))
                i += 2
                continue
        if holes and tok.text == "?" and nxt is not None and nxt.text.isalpha():
            j = i + 1
            while j < len(tokens) and tokens[j].kind == "char" and tokens[j].text.isalnum():
                j += 1
            name = "".join(t.text for t in tokens[i + 1 : j])
            out.append(Token("param", "?" + name, tok.start, tokens[j - 1].end))
            i = j
            continue
        out.append(tok)
        i += 1
    return out


_SIZED = frozenset({r"\left", r"\right", r"\big"})
"""Sizing prefixes, which ``\\not`` must not swallow (``\\not\\right]`` is no relation)."""


def _pair(a: Token, b: Token) -> str | None:
    if a.text == ":" and b.text == "=":
        return ":="
    if a.text == "=" and b.text == ":" and a.end == b.start:
        return "=:"
    if a.text == r"\not" and b.kind in ("cmd", "char") and b.text not in _SIZED:
        return {"=": r"\ne", r"\in": r"\notin", r"\sim": r"\nsim"}.get(b.text, r"\not" + b.text)
    if a.text == r"\arg" and b.text in (r"\min", r"\max"):
        return r"\arg" + b.text[1:]
    if a.text == "|" and b.text == "|" and a.end == b.start:
        return r"\|"
    return None


def _drop_layout_environments(tokens: list[Token]) -> list[Token]:
    """Remove ``\\begin{aligned}``-like wrappers so their rows read as the formula's rows."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.text in (r"\begin", r"\end"):
            name, j = _environment_name(tokens, i)
            if name in _ALIGN_ENVS:
                if tok.text == r"\begin" and name in ("alignedat", "alignat", "alignat*"):
                    j = _skip_group(tokens, j)
                i = j
                continue
        out.append(tok)
        i += 1
    return out


def _environment_name(tokens: list[Token], i: int) -> tuple[str, int]:
    """The name in ``\\begin{name}`` starting at ``i`` and the index after the closing brace."""
    if i + 1 < len(tokens) and tokens[i + 1].kind == "open":
        j = i + 2
        parts = []
        while j < len(tokens) and tokens[j].kind != "close":
            parts.append(tokens[j].text)
            j += 1
        return "".join(parts), j + 1
    return "", i + 1


def _skip_group(tokens: list[Token], j: int) -> int:
    if j < len(tokens) and tokens[j].kind == "open":
        depth = 0
        while j < len(tokens):
            depth += {"open": 1, "close": -1}.get(tokens[j].kind, 0)
            j += 1
            if depth == 0:
                break
    return j


_OPERATORS = RELATIONS | ADDITIVE | MULTIPLICATIVE


def _settle_row_breaks(tokens: list[Token]) -> list[Token]:
    """Drop alignment ``&`` and the ``\\\\`` that only wrap a formula; keep statement breaks.

    A break is a mere wrap when the row before ends with an operator, the row after starts
    with one, or a bracket opened in the row is still open. Breaks inside environments
    (matrices, cases) and inside braces are left for their own parsers.
    """
    out: list[Token] = []
    env_depth = brace_depth = bracket_balance = 0
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.text == r"\begin":
            env_depth += 1
        elif tok.text == r"\end":
            env_depth -= 1
        elif tok.kind == "open":
            brace_depth += 1
        elif tok.kind == "close":
            brace_depth -= 1
        elif tok.text in OPENERS and env_depth == 0:
            bracket_balance += 1
        elif tok.text in CLOSERS and env_depth == 0:  # \right. closes a \left\{ too
            bracket_balance -= 1
        if env_depth == 0 and tok.text == "&":
            i += 1
            continue
        if env_depth == 0 and brace_depth == 0 and tok.text == ROW_BREAK:
            j = _skip_optional_argument(tokens, i + 1)
            before = out[-1].text if out else None
            while j < len(tokens) and tokens[j].text == "&":
                j += 1
            after = tokens[j].text if j < len(tokens) else None
            wrap = (before is None or after is None or before in _OPERATORS
                    or after in _OPERATORS or bracket_balance > 0 or after == ROW_BREAK)
            if not wrap:
                out.append(tok)
                bracket_balance = 0
            i = j
            continue
        out.append(tok)
        i += 1
    return out


def _skip_optional_argument(tokens: list[Token], j: int) -> int:
    """Skip the ``[4pt]`` spacing argument that may follow ``\\\\``."""
    if j < len(tokens) and tokens[j].text == "[":
        k = j
        while k < len(tokens) and tokens[k].text != "]":
            k += 1
        if k - j < 8:
            return k + 1
    return j
