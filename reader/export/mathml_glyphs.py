"""The characters MathML needs: styled letters, accents, big operators, fences.

Browsers implement MathML Core, which ignores ``mathvariant`` except ``normal``: a bold x or a
blackboard E must be the Unicode character itself (𝒙, 𝔼), not an attribute. So fonts become
Mathematical Alphanumeric Symbols, found by Unicode name, with the handful of letters that live
in the Letterlike Symbols block (ℒ, ℝ, ℋ...) looked up here.
"""

from __future__ import annotations

import unicodedata
from functools import cache

_FONT_NAMES = {
    "bold": ("BOLD ITALIC", "BOLD"),
    "cal": ("SCRIPT",), "scr": ("SCRIPT",),
    "bb": ("DOUBLE-STRUCK",),
    "frak": ("FRAKTUR",),
    "sf": ("SANS-SERIF",),
    "tt": ("MONOSPACE",),
}
"""Our font names to the words of the Unicode names, most wanted first (bold letters in ML
papers are \\bm vectors, bold italic; digits only exist upright)."""

_LETTERLIKE = {
    ("SCRIPT", "B"): "ℬ", ("SCRIPT", "E"): "ℰ", ("SCRIPT", "F"): "ℱ", ("SCRIPT", "H"): "ℋ",
    ("SCRIPT", "I"): "ℐ", ("SCRIPT", "L"): "ℒ", ("SCRIPT", "M"): "ℳ", ("SCRIPT", "R"): "ℛ",
    ("SCRIPT", "e"): "ℯ", ("SCRIPT", "g"): "ℊ", ("SCRIPT", "o"): "ℴ",
    ("DOUBLE-STRUCK", "C"): "ℂ", ("DOUBLE-STRUCK", "H"): "ℍ", ("DOUBLE-STRUCK", "N"): "ℕ",
    ("DOUBLE-STRUCK", "P"): "ℙ", ("DOUBLE-STRUCK", "Q"): "ℚ", ("DOUBLE-STRUCK", "R"): "ℝ",
    ("DOUBLE-STRUCK", "Z"): "ℤ",
    ("FRAKTUR", "C"): "ℭ", ("FRAKTUR", "H"): "ℌ", ("FRAKTUR", "I"): "ℑ", ("FRAKTUR", "R"): "ℜ",
    ("FRAKTUR", "Z"): "ℨ",
}
"""Reserved holes of the Mathematical Alphanumeric block, whose letters are older characters."""


@cache
def styled(char: str, font: str) -> str:
    """``char`` in ``font`` as one Unicode character; ``char`` itself when there is none."""
    styles = _FONT_NAMES.get(font)
    if not styles or len(char) != 1:
        return char
    try:
        name = unicodedata.name(char)
    except ValueError:
        return char
    for style in styles:
        if (style, char) in _LETTERLIKE:
            return _LETTERLIKE[(style, char)]
        for candidate in _candidates(name, style):
            try:
                return unicodedata.lookup(candidate)
            except KeyError:
                continue
    return char


def _candidates(name: str, style: str) -> list[str]:
    """Unicode names to try: ``LATIN SMALL LETTER X`` → ``MATHEMATICAL BOLD ITALIC SMALL X``."""
    prefix = f"MATHEMATICAL {style}"
    for kind in ("LATIN", "GREEK"):
        for case in ("SMALL", "CAPITAL"):
            head = f"{kind} {case} LETTER "
            if name.startswith(head):
                return [f"{prefix} {case} {name[len(head):]}"]
    if name.startswith("GREEK ") and name.endswith(" SYMBOL"):
        letter = name.removeprefix("GREEK ").removeprefix("LUNATE ")
        return [f"{prefix} {letter}"]
    if name.startswith("DIGIT "):
        return [f"{prefix} {name}", f"MATHEMATICAL BOLD {name}"] if style.startswith("BOLD") \
            else [f"{prefix} {name}"]
    return []


ACCENTS = {"hat": "^", "bar": "¯", "tilde": "~", "dot": "˙", "ddot": "¨", "vec": "→",
           "check": "ˇ", "breve": "˘", "acute": "´", "grave": "`", "ring": "˚"}
"""Accent marks as MathML ``mover`` children (the spacing forms browsers stretch)."""

BIG_OPERATORS = {"sum": "∑", "prod": "∏", "coprod": "∐", "int": "∫", "iint": "∬",
                 "iiint": "∭", "oint": "∮", "bigcup": "⋃", "bigcap": "⋂", "bigoplus": "⨁",
                 "bigotimes": "⨂", "bigvee": "⋁", "bigwedge": "⋀"}
INTEGRALS = frozenset({"int", "iint", "iiint", "oint"})
"""Integrals carry their limits as scripts, the other big operators above and below."""

NAMED_OPERATORS = {"argmin": "arg min", "argmax": "arg max", "liminf": "lim inf",
                   "limsup": "lim sup"}

MATRIX_FENCES = {"pmatrix": ("(", ")"), "bmatrix": ("[", "]"), "Bmatrix": ("{", "}"),
                 "vmatrix": ("|", "|"), "Vmatrix": ("‖", "‖"), "cases": ("{", ""),
                 "dcases": ("{", ""), "rcases": ("", "}")}

IDENTIFIER_SYMBOLS = frozenset("∞∇∂∅ℓℏ…⋯⋮⋱")
"""Non-letters that are quantities, not operators (an ``mi`` gets identifier spacing)."""
