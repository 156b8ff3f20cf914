"""The Computer Modern math-extension font (CMEX) by character code.

CMEX glyphs carry no Unicode in pdfTeX output, so PyMuPDF reports the raw code (``P`` for the
text-style ∑, ``X`` for the display one, control characters for big parentheses). This table is
the font's documented encoding, rewritten as what each glyph means in LaTeX. Pieces of extensible
delimiters (top, middle, bottom, repeaters) are listed so stacks can be merged into one delimiter.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

CmexKind = Literal["delim", "bigop", "radical", "accent", "piece", "brace-piece"]


@dataclass(frozen=True, slots=True)
class CmexGlyph:
    latex: str
    kind: CmexKind


def _delims(codes: str, latex: str) -> dict[int, CmexGlyph]:
    return {int(code, 16): CmexGlyph(latex, "delim") for code in codes.split()}


CMEX: dict[int, CmexGlyph] = {
    **_delims("00 10 12 20", "("), **_delims("01 11 13 21", ")"),
    **_delims("02 14 22 68", "["), **_delims("03 15 23 69", "]"),
    **_delims("04 16 24 6a", r"\lfloor"), **_delims("05 17 25 6b", r"\rfloor"),
    **_delims("06 18 26 6c", r"\lceil"), **_delims("07 19 27 6d", r"\rceil"),
    **_delims("08 1a 28 6e", r"\{"), **_delims("09 1b 29 6f", r"\}"),
    **_delims("0a 1c 2a 44", r"\langle"), **_delims("0b 1d 2b 45", r"\rangle"),
    **_delims("0e 1e 2c 2e", "/"), **_delims("0f 1f 2d 2f", r"\setminus"),
    0x0C: CmexGlyph("|", "piece"), 0x0D: CmexGlyph(r"\|", "piece"),
    0x3F: CmexGlyph("|", "piece"), 0x77: CmexGlyph(r"\|", "piece"),
    0x30: CmexGlyph("(", "piece"), 0x40: CmexGlyph("(", "piece"), 0x42: CmexGlyph("(", "piece"),
    0x31: CmexGlyph(")", "piece"), 0x41: CmexGlyph(")", "piece"), 0x43: CmexGlyph(")", "piece"),
    0x32: CmexGlyph("[", "piece"), 0x34: CmexGlyph("[", "piece"), 0x36: CmexGlyph("[", "piece"),
    0x33: CmexGlyph("]", "piece"), 0x35: CmexGlyph("]", "piece"), 0x37: CmexGlyph("]", "piece"),
    0x38: CmexGlyph(r"\{", "piece"), 0x3A: CmexGlyph(r"\{", "piece"),
    0x3C: CmexGlyph(r"\{", "piece"), 0x3E: CmexGlyph(r"\{", "piece"),
    0x39: CmexGlyph(r"\}", "piece"), 0x3B: CmexGlyph(r"\}", "piece"),
    0x3D: CmexGlyph(r"\}", "piece"),
    0x46: CmexGlyph(r"\bigsqcup", "bigop"), 0x47: CmexGlyph(r"\bigsqcup", "bigop"),
    0x48: CmexGlyph(r"\oint", "bigop"), 0x49: CmexGlyph(r"\oint", "bigop"),
    0x4A: CmexGlyph(r"\bigodot", "bigop"), 0x4B: CmexGlyph(r"\bigodot", "bigop"),
    0x4C: CmexGlyph(r"\bigoplus", "bigop"), 0x4D: CmexGlyph(r"\bigoplus", "bigop"),
    0x4E: CmexGlyph(r"\bigotimes", "bigop"), 0x4F: CmexGlyph(r"\bigotimes", "bigop"),
    0x50: CmexGlyph(r"\sum", "bigop"), 0x58: CmexGlyph(r"\sum", "bigop"),
    0x51: CmexGlyph(r"\prod", "bigop"), 0x59: CmexGlyph(r"\prod", "bigop"),
    0x52: CmexGlyph(r"\int", "bigop"), 0x5A: CmexGlyph(r"\int", "bigop"),
    0x53: CmexGlyph(r"\bigcup", "bigop"), 0x5B: CmexGlyph(r"\bigcup", "bigop"),
    0x54: CmexGlyph(r"\bigcap", "bigop"), 0x5C: CmexGlyph(r"\bigcap", "bigop"),
    0x55: CmexGlyph(r"\biguplus", "bigop"), 0x5D: CmexGlyph(r"\biguplus", "bigop"),
    0x56: CmexGlyph(r"\bigwedge", "bigop"), 0x5E: CmexGlyph(r"\bigwedge", "bigop"),
    0x57: CmexGlyph(r"\bigvee", "bigop"), 0x5F: CmexGlyph(r"\bigvee", "bigop"),
    0x60: CmexGlyph(r"\coprod", "bigop"), 0x61: CmexGlyph(r"\coprod", "bigop"),
    0x62: CmexGlyph(r"\widehat", "accent"), 0x63: CmexGlyph(r"\widehat", "accent"),
    0x64: CmexGlyph(r"\widehat", "accent"), 0x65: CmexGlyph(r"\widetilde", "accent"),
    0x66: CmexGlyph(r"\widetilde", "accent"), 0x67: CmexGlyph(r"\widetilde", "accent"),
    0x70: CmexGlyph(r"\sqrt", "radical"), 0x71: CmexGlyph(r"\sqrt", "radical"),
    0x72: CmexGlyph(r"\sqrt", "radical"), 0x73: CmexGlyph(r"\sqrt", "radical"),
    0x74: CmexGlyph(r"\sqrt", "radical"), 0x75: CmexGlyph(r"\sqrt", "piece"),
    0x76: CmexGlyph(r"\sqrt", "piece"),
    0x7A: CmexGlyph("underbrace", "brace-piece"), 0x7B: CmexGlyph("underbrace", "brace-piece"),
    0x7C: CmexGlyph("overbrace", "brace-piece"), 0x7D: CmexGlyph("overbrace", "brace-piece"),
}

PRIVATE_USE_PIECES: dict[str, str] = {
    "\uf8eb": "(", "\uf8ec": "(", "\uf8ed": "(", "\uf8f6": ")", "\uf8f7": ")", "\uf8f8": ")",
    "\uf8ee": "[", "\uf8ef": "[", "\uf8f0": "[", "\uf8f9": "]", "\uf8fa": "]", "\uf8fb": "]",
    "\uf8f1": r"\{", "\uf8f2": r"\{", "\uf8f3": r"\{", "\uf8f4": r"\{",
    "\uf8fc": r"\}", "\uf8fd": r"\}", "\uf8fe": r"\}",
}
"""Adobe's private-use code points for delimiter pieces, which some fonts map to."""


def cmex_glyph(char: str) -> CmexGlyph | None:
    """What a CMEX character means, or None when the code is not in the font."""
    if char in PRIVATE_USE_PIECES:
        return CmexGlyph(PRIVATE_USE_PIECES[char], "piece")
    if len(char) != 1:
        return None
    return CMEX.get(ord(char))


def _extent_table() -> dict[int, float]:
    table: dict[int, float] = {}
    for codes, extent in (
        ("00-0f", 1.2), ("10-11", 1.8), ("2e-2f", 1.8), ("44-45", 1.8), ("68-6f", 1.8),
        ("12-1f", 2.4), ("20-2d", 3.0), ("30-35", 1.8), ("36-37", 0.6), ("38-3b", 0.9),
        ("3c-3d", 1.8), ("3e-3f", 0.3), ("40-41", 1.8), ("42-43", 0.6), ("46-51", 1.0),
        ("53-57", 1.0), ("52-52", 1.11), ("58-5f", 1.4), ("5a-5a", 2.22), ("60-60", 1.0),
        ("61-61", 1.4), ("70-70", 1.2), ("71-71", 1.8), ("72-72", 2.4), ("73-73", 3.0),
        ("74-74", 1.8), ("75-77", 0.6), ("48-48", 1.11), ("49-49", 2.22),
    ):
        first, last = (int(part, 16) for part in codes.split("-"))
        for code in range(first, last + 1):
            table[code] = extent
    return table


CMEX_EXTENT = _extent_table()
"""Height plus depth of each CMEX glyph in ems: they hang from their origin, so a PDF's
font-wide box says nothing of where their ink is. From the font's published metrics, rounded."""


def cmex_extent(char: str) -> float:
    """How far (in ems) below its origin a CMEX glyph reaches."""
    if char in PRIVATE_USE_PIECES:
        return 0.6
    return CMEX_EXTENT.get(ord(char), 1.0) if len(char) == 1 else 1.0
