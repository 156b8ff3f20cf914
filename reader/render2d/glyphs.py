"""The characters the 2-D layout draws: letters in their fonts, operators, and glyphs built from
several cells (tall brackets, radicals, big operators).

Letters and operators come from :mod:`patterns.unicode_text` so a symbol reads the same in the
drawing, the linear text and the glossary; only what that table lacks is added here.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from patterns import tree as t
from patterns.unicode_text import glyph, to_text

EXTRA = {
    r"\prime": "′", r"\Leftarrow": "⇐", r"\Leftrightarrow": "⇔", r"\leftrightarrow": "↔",
    r"\Longrightarrow": "⟹", r"\longrightarrow": "⟶", r"\longleftarrow": "⟵",
    r"\longmapsto": "⟼", r"\Longleftrightarrow": "⟺", r"\hookrightarrow": "↪",
    r"\uparrow": "↑", r"\downarrow": "↓", r"\nearrow": "↗", r"\searrow": "↘",
    r"\rightsquigarrow": "⇝", r"\leadsto": "⇝", r"\rightharpoonup": "⇀", r"\simeq": "≃",
    r"\cong": "≅", r"\asymp": "≍", r"\doteq": "≐", r"\approxeq": "≊", r"\eqsim": "≂",
    r"\nsim": "≁", r"\lesssim": "≲", r"\gtrsim": "≳", r"\leqq": "≦", r"\geqq": "≧",
    r"\prec": "≺", r"\succ": "≻", r"\preceq": "⪯", r"\succeq": "⪰", r"\supset": "⊃",
    r"\supseteq": "⊇", r"\subsetneq": "⊊", r"\sqsubseteq": "⊑", r"\ni": "∋", r"\models": "⊨",
    r"\vdash": "⊢", r"\parallel": "∥", r"\nparallel": "∦", r"\not=": "≠", r"\star": "⋆",
    r"\bullet": "∙", r"\wedge": "∧", r"\vee": "∨", r"\setminus": "∖", r"\div": "÷",
    r"\diamond": "⋄", r"\sqcup": "⊔", r"\uplus": "⊎", r"\circledast": "⊛", r"\boxtimes": "⊠",
    r"\boxplus": "⊞", r"\oslash": "⊘", r"\ominus": "⊖", r"\ltimes": "⋉", r"\rtimes": "⋊",
    r"\cdotp": "·", r"\centerdot": "·", r"\bot": "⊥", r"\dagger": "†", r"\ddagger": "‡",
    r"\neg": "¬", r"\nexists": "∄", r"\aleph": "ℵ", r"\beth": "ℶ", r"\Re": "ℜ", r"\Im": "ℑ",
    r"\wp": "℘", r"\imath": "ı", r"\jmath": "ȷ", r"\angle": "∠", r"\triangle": "△",
    r"\Box": "□", r"\square": "□", r"\flat": "♭", r"\sharp": "♯", r"\natural": "♮",
    r"\complement": "∁", r"\mho": "℧", r"\eth": "ð", r"\checkmark": "✓", r"\clubsuit": "♣",
    r"\varnothing": "∅", r"\Upsilon": "Υ", r"\varpi": "ϖ", r"\varrho": "ϱ", r"\varkappa": "ϰ",
    r"\digamma": "ϝ", r"\omicron": "ο", r"\llbracket": "⟦", r"\rrbracket": "⟧", ":=": "≔",
    r"\rightarrow": "→", r"\vcentcolon": ":", r"\right.": "", ".": "",
}
"""Symbols :func:`patterns.unicode_text.glyph` spells out as words."""

_FONT_NAMES = {"bold": "BOLD", "bb": "DOUBLE-STRUCK", "cal": "SCRIPT", "scr": "SCRIPT",
               "frak": "FRAKTUR"}

BIG = {
    "sum": (("⎲", "⎳"), 0), "prod": (("┬─┬", "│ │"), 0), "coprod": (("│ │", "┴─┴"), 0),
    "int": (("⌠", "⎮", "⌡"), 1), "iint": (("⌠⌠", "⎮⎮", "⌡⌡"), 1),
    "iiint": (("⌠⌠⌠", "⎮⎮⎮", "⌡⌡⌡"), 1), "oint": (("⌠", "∮", "⌡"), 1),
    "bigcup": (("⋃",), 0), "bigcap": (("⋂",), 0), "bigoplus": (("⨁",), 0),
    "bigotimes": (("⨂",), 0), "bigvee": (("⋁",), 0), "bigwedge": (("⋀",), 0),
    "bigsqcup": (("⨆",), 0), "biguplus": (("⨄",), 0),
}
"""Big operators drawn as a block of rows, with the row the body's baseline sits on."""

LINEAR_BIG = {"sum": "∑", "prod": "∏", "coprod": "∐", "int": "∫", "iint": "∬", "iiint": "∭",
              "oint": "∮"} | {op: rows[0] for op, (rows, _) in BIG.items() if len(rows) == 1}
"""Big operators on one line."""
NAMED_BIG = {"argmin": "arg min", "argmax": "arg max", "arginf": "arg inf", "argsup": "arg sup",
             "limsup": "lim sup", "liminf": "lim inf", "subjectto": "subject to", "st": "s.t."}

MARKS = {"hat": "^", "tilde": "~", "bar": "_", "dot": "˙", "ddot": "¨", "dddot": "⋯",
         "vec": "→", "check": "ˇ", "breve": "˘", "acute": "´", "grave": "`", "ring": "˚",
         "underline": "‾"}
"""Accent marks drawn on the row above (``underline`` below) when no precomposed letter exists."""
_COMBINING = {"hat": "\u0302", "tilde": "\u0303", "bar": "\u0304", "dot": "\u0307",
              "ddot": "\u0308", "check": "\u030c", "breve": "\u0306", "acute": "\u0301",
              "grave": "\u0300", "ring": "\u030a"}

_TALL = {
    "(": ("⎛", "⎜", "⎝"), ")": ("⎞", "⎟", "⎠"), "[": ("⎡", "⎢", "⎣"), "]": ("⎤", "⎥", "⎦"),
    "⌊": ("⎢", "⎢", "⎣"), "⌋": ("⎥", "⎥", "⎦"), "⌈": ("⎡", "⎢", "⎢"), "⌉": ("⎤", "⎥", "⎥"),
    "|": ("│", "│", "│"), "‖": ("║", "║", "║"), "⟦": ("⟦", "⟦", "⟦"), "⟧": ("⟧", "⟧", "⟧"),
}


def text_of(name: str) -> str:
    """A symbol or operator name (``\\le``, ``\\odot``, ``+``) as its glyph."""
    if name in EXTRA:
        return EXTRA[name]
    return glyph(name) if name.startswith("\\") else name


def symbol_text(node: t.Symbol) -> str:
    """A letter in its font: ``\\mathbb{E}`` is 𝔼, ``\\bm{x}`` is 𝐱, ``\\mathcal{L}`` is ℒ."""
    if node.name in EXTRA:
        return EXTRA[node.name]
    plain = to_text(node)
    if node.font in _FONT_NAMES and plain == text_of(node.name) and len(plain) == 1:
        return _styled(plain, node.font)
    return plain


def number_text(node: t.Number) -> str:
    text = to_text(node)
    if node.font == "bold" and text.isdigit():
        return "".join(_styled(ch, "bold") for ch in text)
    return text


@lru_cache(maxsize=512)
def _styled(letter: str, font: str) -> str:
    """A letter from Unicode's mathematical alphabets, or the plain letter when there is none."""
    style = _FONT_NAMES[font]
    name = unicodedata.name(letter, "")
    if letter.isdigit():
        names = [f"MATHEMATICAL {style} DIGIT {name.split()[-1]}"]
    elif letter.isascii() and letter.isalpha():
        case = "CAPITAL" if letter.isupper() else "SMALL"
        older = "BLACK-LETTER" if font == "frak" else style  # the few letters Unicode had first
        names = [f"MATHEMATICAL {style} {case} {letter.upper()}",
                 f"{older} {case} {letter.upper()}"]
    elif font == "bold" and name.startswith("GREEK "):
        names = ["MATHEMATICAL BOLD " + name.removeprefix("GREEK ").replace("LETTER ", "")]
    else:
        return letter
    for candidate in names:
        try:
            return unicodedata.lookup(candidate)
        except KeyError:
            continue
    return letter


def accented(text: str, kind: str) -> str | None:
    """One character with the accent built in (``ᾱ``, ``ŷ``), or None when Unicode has none."""
    if len(text) != 1 or kind not in _COMBINING:
        return None
    composed = unicodedata.normalize("NFC", text + _COMBINING[kind])
    return composed if len(composed) == 1 else None


def tall(name: str, height: int) -> tuple[str, ...]:
    """A bracket, bar or brace ``height`` rows tall, top to bottom (one row: the plain glyph)."""
    char = text_of(name)
    if height <= 1 or not char:
        return (char,)
    if char in ("{", "}"):
        return _brace(char, height)
    if char in ("⟨", "⟩"):
        return _angle(char, height)
    top, mid, bottom = _TALL.get(char, (char, char, char))
    return (top,) + (mid,) * (height - 2) + (bottom,)


def _brace(char: str, height: int) -> tuple[str, ...]:
    left = char == "{"
    if height == 2:
        return ("⎰", "⎱") if left else ("⎱", "⎰")
    top, mid, bottom, ext = ("⎧", "⎨", "⎩", "⎪") if left else ("⎫", "⎬", "⎭", "⎪")
    rows = [ext] * height
    rows[0], rows[height // 2], rows[-1] = top, mid, bottom
    return tuple(rows)


def _angle(char: str, height: int) -> tuple[str, ...]:
    upper, lower = ("╱", "╲") if char == "⟨" else ("╲", "╱")
    half = height // 2
    middle = (char,) if height % 2 else ()
    return (upper,) * half + middle + (lower,) * half


def radical(height: int) -> tuple[str, ...]:
    """The left part of a root over a body ``height`` rows tall, top to bottom."""
    if height <= 1:
        return ("√",)
    width = height + 1
    rows = [" " * (width - 1 - i) + "╱" + " " * i for i in range(height)]
    rows[-1] = "╲╱" + " " * (width - 2)
    return tuple(rows)


def brace_line(width: int, under: bool) -> str:
    """The horizontal brace of ``\\underbrace``/``\\overbrace``."""
    if width <= 1:
        return "┬" if under else "┴"
    ends = ("╰", "╯") if under else ("╭", "╮")
    chars = ["─"] * width
    chars[0], chars[-1] = ends
    if width >= 3:
        chars[width // 2] = "┬" if under else "┴"
    return "".join(chars)
