"""What a PDF font name says about the glyphs set in it.

TeX papers set math in a handful of font families whose names survive in the PDF (``CMMI10``,
``ABCDEF+CMSY7``, ``MSBM10``, Latin Modern's ``LMMathItalic10-Regular``): the family decides
whether a glyph is math at all and which LaTeX style it had (italic letter, calligraphic capital,
blackboard bold, bold vector, upright operator name). Text fonts (Times, cm-super ``SFRM``) are
prose unless they stand inside an equation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

FontKind = Literal["math-italic", "math-symbol", "math-extension", "math-roman", "blackboard",
                   "ams-symbol", "calligraphic", "fraktur", "text"]

_FAMILIES: tuple[tuple[str, FontKind], ...] = (
    (r"^(CMMIB?|LMMATHITALIC|CMMIB)", "math-italic"),
    (r"^(CMBSY|CMSY|LMMATHSYMBOLS)", "math-symbol"),
    (r"^(CMEX|LMMATHEXTENSION)", "math-extension"),
    (r"^(MSBM|BBM|BBOLD|DSROM)", "blackboard"),
    (r"^MSAM", "ams-symbol"),
    (r"^(RSFS|EUSM)", "calligraphic"),
    (r"^(EUFM|EUFB)", "fraktur"),
    (r"^(CMR|CMBX|CMB\d|LMROMAN|CMU?SERIF|CMSS|CMMR)", "math-roman"),
)

_BOLD = re.compile(r"BX|BOLD|MEDI|MIB|BSY|-BD|SEMIBOLD|DEMI|BLACK|HEAVY|SFBX|CMB\d")
_ITALIC = re.compile(r"ITAL|OBLIQUE|SLANT|-IT\b|CMTI|SFTI|SFIT|-I$")


@dataclass(frozen=True, slots=True)
class FontInfo:
    """A font's name and what it implies."""

    name: str
    """Without the subset prefix (``ABCDEF+``)."""
    kind: FontKind
    bold: bool
    italic: bool

    @property
    def is_math(self) -> bool:
        """Only math ever uses this family (CM roman is decided by the paper's body font)."""
        return self.kind not in ("text", "math-roman")

    @property
    def is_roman(self) -> bool:
        return self.kind == "math-roman"


@cache
def font_info(fontname: str) -> FontInfo:
    """Classify a PDF font name; unknown families are text."""
    name = fontname.split("+", 1)[-1]
    upper = name.upper()
    kind: FontKind = "text"
    for pattern, family in _FAMILIES:
        if re.match(pattern, upper):
            kind = family
            break
    return FontInfo(name=name, kind=kind, bold=bool(_BOLD.search(upper)),
                    italic=bool(_ITALIC.search(upper)))

