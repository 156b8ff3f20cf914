"""LaTeX and prose made safe for Markdown that GitHub and Obsidian both render.

GitHub runs a ``$$`` block through Markdown's backslash escapes before MathJax sees it: ``\\{``
loses its backslash, ``\\\\`` becomes one backslash and ``\\,`` a comma, so sets, cases rows and
thin spaces break. Obsidian passes the block verbatim. The only spelling that reads the same on
both is one with no backslash-punctuation at all, so every such control symbol is rewritten to its
control-word twin (``\\lbrace``, ``\\Vert``, ``\\thinspace``, ``\\cr``), which means the same to
every TeX renderer. Inside a table cell a ``|`` would also end the cell, so it becomes ``\\vert``.
"""

from __future__ import annotations

import re

_CONTROL_SYMBOLS = {
    "{": r"\lbrace", "}": r"\rbrace", "|": r"\Vert", ",": r"\thinspace", ";": r"\thickspace",
    ":": r"\medspace", ">": r"\medspace", "!": r"\negthinspace", " ": "~",
}
"""Backslash-punctuation that Markdown would eat, to the control word meaning the same."""

_TOKEN = re.compile(r"\\\\(?:\s*\[[^\]]*\])?|\\[A-Za-z]+|\\.|[{}<>|]|\s+|[^\\{}<>|\s]+",
                    re.DOTALL)
_TEXT_MODE = frozenset({r"\text", r"\textrm", r"\textit", r"\textbf", r"\mbox", r"\textsf",
                        r"\texttt", r"\textnormal"})
_COMPAT = {r"\bm": r"\boldsymbol"}
"""``\\bm`` (bm.sty) is unknown to MathJax, which GitHub and Obsidian use; ``\\boldsymbol`` is
the same bold math in every renderer."""


def markdown_math(latex: str, *, in_table: bool = False) -> str:
    """``latex`` respelled so Markdown leaves it intact, on one line (so no line of it can start
    a Markdown list or heading); rows of a multi-line display (``\\\\`` outside any environment)
    are wrapped in ``gathered``, the renderers' way to stack them."""
    out: list[str] = []
    env_depth = 0
    text_depth: list[int] = []
    brace_depth = 0
    top_level_rows = False
    for token in _TOKEN.findall(latex):
        if token.startswith(r"\\"):
            top_level_rows |= env_depth == 0
            out.append(r" \cr ")
        elif token in (r"\begin", r"\end"):
            env_depth += 1 if token == r"\begin" else -1
            out.append(token)
        elif token in _TEXT_MODE:
            text_depth.append(brace_depth)
            out.append(token)
        elif token == "{":
            brace_depth += 1
            out.append(token)
        elif token == "}":
            brace_depth -= 1
            if text_depth and text_depth[-1] == brace_depth:
                text_depth.pop()
            out.append(token)
        elif len(token) == 2 and token[0] == "\\" and token[1] in _CONTROL_SYMBOLS:
            out.append(_CONTROL_SYMBOLS[token[1]] + " ")
        elif token in _COMPAT:
            out.append(_COMPAT[token])
        elif token in ("<", ">") and not text_depth:
            out.append(r"\lt " if token == "<" else r"\gt ")
        elif token == "|" and in_table:
            out.append(r"\vert ")
        elif token.isspace():
            out.append(" ")
        else:
            out.append(token)
    body = re.sub(r"  +", " ", "".join(out)).strip()
    if top_level_rows:
        body = r"\begin{gathered} " + body + r" \end{gathered}"
    return body


def display_block(latex: str) -> str:
    """A ``$$`` block on its own lines (GitHub needs the fences alone on a line)."""
    return f"$$\n{markdown_math(latex)}\n$$"


def inline_math(latex: str, *, in_table: bool = False) -> str:
    """``$latex$`` with no space just inside the dollars (else GitHub does not see math)."""
    body = markdown_math(latex, in_table=in_table).replace("\n", " ").strip()
    return f"${body}$" if body else ""


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def markdown_text(text: str) -> str:
    """Plain text from the paper with Markdown's special characters escaped, so ``ε_θ(x_t)``
    is not read as emphasis and a ``<`` never opens an HTML tag."""
    return _MD_SPECIAL.sub(r"\\\1", text)


_INLINE = re.compile(r"\$([^$]+)\$")


def prose(text: str, *, in_table: bool = False) -> str:
    """Prose that keeps inline math as ``$...$`` (abstracts): the words escaped, the math made
    safe for GitHub and Obsidian."""
    out: list[str] = []
    position = 0
    for match in _INLINE.finditer(text):
        out.append(markdown_text(text[position:match.start()]))
        out.append(inline_math(match.group(1), in_table=in_table))
        position = match.end()
    out.append(markdown_text(text[position:]))
    return "".join(out)


def note_markdown(text: str) -> str:
    """A note's own Markdown, kept, but with every ``<`` outside math neutralised: a note is
    someone's text, and a shared export must not carry raw HTML from it."""
    out: list[str] = []
    position = 0
    for match in _INLINE.finditer(text):
        out.append(text[position:match.start()].replace("<", "&lt;"))
        out.append(inline_math(match.group(1)))
        position = match.end()
    out.append(text[position:].replace("<", "&lt;"))
    return "".join(out)
