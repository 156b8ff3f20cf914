"""One glyph to one LaTeX token, by font and character.

CMMI, CMSY and CMR glyphs come out of PyMuPDF as Unicode; the font family then says what LaTeX
produced them (a CMSY capital is ``\\mathcal``, an MSBM letter ``\\mathbb``, a CMBX letter
``\\mathbf``, a CMR letter an upright word such as ``softmax``). CMEX goes through its code table.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from patterns.vocabulary import UNICODE, UNICODE_LETTERS
from reader.sources.pdf_cmex import cmex_glyph
from reader.sources.pdf_glyphs import Glyph

TokenKind = Literal["ord", "letter", "roman", "digit", "bigop", "delim", "piece", "radical",
                    "accent", "prime", "negation", "mapsto", "punct", "text", "unknown",
                    "brace-piece"]

ACCENT_CHARS = {
    "˜": r"\tilde", "~": r"\tilde", "ˆ": r"\hat", "^": r"\hat", "˙": r"\dot", "¨": r"\ddot",
    "¯": r"\bar", "´": r"\acute", "`": r"\grave", "˘": r"\breve", "ˇ": r"\check",
    "⃗": r"\vec", "˚": r"\mathring",
}
"""Accent glyphs (CMR, and CMMI's vector arrow) to the accent command they come from."""

_EXTRA = {
    "µ": r"\mu", "∆": r"\Delta", "⋆": r"\star", "∗": "*", "◦": r"\circ", "−": "-",
    "∥": r"\|", "†": r"\dagger", "‡": r"\ddagger", "≻": r"\succ", "≺": r"\prec",
    "⊃": r"\supset", "⊇": r"\supseteq", "⇔": r"\Leftrightarrow", "⇐": r"\Leftarrow",
    "↔": r"\leftrightarrow", "{": r"\{", "}": r"\}", "\\": r"\setminus",
    "▶": r"\blacktriangleright",
    "□": r"\square", "∧": r"\wedge", "∨": r"\vee", "¬": r"\neg", "⊕": r"\oplus",
    "≃": r"\simeq", "≅": r"\cong", "⊑": r"\sqsubseteq", "⪯": r"\preceq", "∤": r"\nmid",
    "φ": r"\varphi", "ε": r"\varepsilon", "ϑ": r"\vartheta", "ϖ": r"\varpi", "ϱ": r"\varrho",
    "ς": r"\varsigma", "ℏ": r"\hbar", "ı": r"\imath", "ȷ": r"\jmath", "℘": r"\wp",
    "ℜ": r"\Re", "ℑ": r"\Im", "ℵ": r"\aleph", "∃": r"\exists", "⊢": r"\vdash",
    "⊣": r"\dashv", "⊔": r"\sqcup", "⊓": r"\sqcap", "≍": r"\asymp", "⌣": r"\smile",
    "⌢": r"\frown", "♯": r"\sharp", "♭": r"\flat", "≥": r"\ge", "≤": r"\le",
}
_SYMBOLS = {**UNICODE, **_EXTRA}
_BIG_UNICODE = {"∑": r"\sum", "∏": r"\prod", "∫": r"\int", "∮": r"\oint", "⋃": r"\bigcup",
                "⋂": r"\bigcap"}
_FONT_COMMAND = {"bb": r"\mathbb", "cal": r"\mathcal", "frak": r"\mathfrak"}


@dataclass(frozen=True, slots=True)
class Token:
    """A glyph's LaTeX and the role it plays in layout."""

    latex: str
    kind: TokenKind


def glyph_token(glyph: Glyph) -> Token:
    """The LaTeX a glyph was typeset from, as well as its font tells."""
    font, char = glyph.font, glyph.char
    if font.kind == "math-extension":
        cmex = cmex_glyph(char)
        if cmex is None:
            return Token("?", "unknown")
        return Token(cmex.latex, cmex.kind)
    if char in ACCENT_CHARS and font.kind in ("math-roman", "math-italic", "text"):
        return Token(ACCENT_CHARS[char], "accent")
    if char in _BIG_UNICODE:
        return Token(_BIG_UNICODE[char], "bigop")
    if font.kind == "math-symbol":
        return _symbol_token(char, bold=font.bold)
    if font.kind in ("blackboard", "calligraphic", "fraktur") and char.isascii() and char.isalnum():
        command = {"blackboard": r"\mathbb", "calligraphic": r"\mathcal",
                   "fraktur": r"\mathfrak"}[font.kind]
        return Token(f"{command}{{{char}}}", "ord")
    if char in UNICODE_LETTERS:
        letter, style = UNICODE_LETTERS[char]
        return Token(f"{_FONT_COMMAND[style]}{{{letter}}}", "ord")
    if char.isascii() and char.isdigit():
        return Token(_bold(char, font.bold, upright=True), "digit")
    if char.isascii() and char.isalpha():
        if font.kind == "math-italic":
            return Token(_bold(char, font.bold, upright=False), "letter")
        if font.bold:
            return Token(rf"\mathbf{{{char}}}", "letter")
        return Token(char, "roman" if font.kind == "math-roman" else "text")
    if char in _SYMBOLS:
        latex = _SYMBOLS[char]
        if latex.startswith("\\") and latex[1:].isalpha() and char.isalpha():
            return Token(_bold(latex, font.bold, upright=False), "letter")
        return Token(latex, "ord")
    if char in "()[]|/":
        return Token(char, "delim")
    if char in "=+<>:;,.!?'*-@&%#":
        return Token({"%": r"\%", "#": r"\#", "&": r"\&"}.get(char, char), "punct")
    if char.isprintable() and not char.isspace():
        return Token(char, "text" if font.kind == "text" else "unknown")
    return Token("?", "unknown")


def _symbol_token(char: str, *, bold: bool) -> Token:
    if char.isascii() and char.isupper():
        return Token(rf"\mathcal{{{char}}}", "ord")
    if char == "′":
        return Token("'", "prime")
    if char == "̸":
        return Token("", "negation")
    if char == "7":
        return Token(r"\mapsto", "mapsto")
    if char == "√":
        return Token(r"\sqrt", "radical")
    if char in ("|", "∥", "⟨", "⟩", "{", "}", "⌊", "⌋", "⌈", "⌉"):
        return Token(_SYMBOLS.get(char, char), "delim")
    if char in _SYMBOLS:
        latex = _SYMBOLS[char]
        return Token(rf"\boldsymbol{{{latex}}}" if bold and latex.startswith("\\") else latex,
                     "ord")
    if char in ACCENT_CHARS:
        return Token(ACCENT_CHARS[char], "accent")
    return Token(char if char.isprintable() else "?", "unknown" if not char.isprintable()
                 else "ord")


def _bold(latex: str, bold: bool, *, upright: bool) -> str:
    if not bold:
        return latex
    return rf"\mathbf{{{latex}}}" if upright else rf"\boldsymbol{{{latex}}}"
