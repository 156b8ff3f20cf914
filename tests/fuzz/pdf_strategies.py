"""Random glyph sets for the PDF rebuilder: near-real layouts and geometric nonsense.

A near-real layout puts glyphs of real math fonts on a few baselines at TeX's sizes with rules
among them, so the fraction, radical, script, limit and stacked-line code all run; the wild kind
draws any finite box (inverted, zero-size, far apart, overlapping) to shake out arithmetic that
assumes sane geometry. Coordinates are finite: PyMuPDF never reports NaN or infinity.
"""

from __future__ import annotations

from hypothesis import strategies as st

from reader.sources.pdf_cmex import PRIVATE_USE_PIECES
from reader.sources.pdf_fonts import font_info
from reader.sources.pdf_glyphs import Glyph, Rule
from reader.sources.pdf_tokens import ACCENT_CHARS

FONTS = ["CMMI10", "CMMI7", "CMMI5", "CMSY10", "CMSY7", "CMEX10", "MSBM10", "MSAM10",
         "RSFS10", "EUFM10", "CMR10", "CMR7", "CMBX10", "CMMIB10", "CMBSY10",
         "ABCDEF+CMMI10", "LMMathItalic10-Regular", "LMMathSymbols10-Regular",
         "LMMathExtension10-Regular", "LMRoman10-Regular", "Times-Roman", "SFRM1000",
         "NimbusRomNo9L-Regu-Slant_167", ""]
"""Every font kind of :mod:`reader.sources.pdf_fonts`, bold and italic variants, and no name."""

CHARS = (
    [chr(code) for code in range(0x80)]  # CMEX codes, ASCII, control characters
    + list(PRIVATE_USE_PIECES) + list(ACCENT_CHARS)
    + list("√′\u0338∑∏∫∮⋃⋂∥⟨⟩⌊⌋⌈⌉−∗◦∞∂∇∈≤≥≠∼≈→←⇒αθεφµ∆ℝ𝔼𝒩ﬁ中😀\u00a0\u200b")
    + ["", "ab", "\ud800"]
)
"""Single glyph codes, plus what a broken font map may report: nothing, two letters, a
lone surrogate."""

fonts = st.sampled_from(FONTS).map(font_info)
chars = st.sampled_from(CHARS) | st.characters()
sizes = st.sampled_from([5.0, 7.0, 7.0, 10.0, 10.0, 10.0, 12.0, 14.4]) | st.floats(0, 40)

_TYPESET = [
    ("CMMI10", "abcdfgpqxyzθαεµσ"), ("CMMI7", "ijknmtxθ"), ("CMR10", "0123456789+=()[]:;,.!"),
    ("CMR7", "0123"), ("CMR10", "logexpmaxinsoftˆ˜¯˙"), ("CMSY10", "−·×∈∼≤≥√′\u0338|∥{}⟨⟩LNDE"),
    ("CMSY7", "−′∗"), ("CMEX10", "\x00\x01\x10\x11\x20\x21PXRZ\x30\x40\x42\x31\x41\x43bpqrs"),
    ("MSBM10", "ERNZ"), ("CMBX10", "xyzW"), ("CMMIB10", "θµx"), ("Times-Roman", "forallifs"),
]
"""Fonts with the characters a paper really sets in them: what makes structures appear."""

typeset = st.sampled_from(_TYPESET).flatmap(
    lambda pair: st.tuples(st.just(font_info(pair[0])), st.sampled_from(pair[1])))
font_and_char = st.one_of(typeset, typeset, typeset, st.tuples(fonts, chars))
"""Mostly real pairs, sometimes anything in any font."""


@st.composite
def tex_glyph(draw: st.DrawFn, x: float) -> Glyph:
    """A glyph near the main baseline (y = 100) at a TeX size, starting at ``x``."""
    size = draw(sizes)
    baseline = 100.0 + draw(st.sampled_from([0.0, 0.0, -3.6, 1.5, 2.7, -6.8, 6.9, -12.5, 12,
                                             -24, 24])) + draw(st.floats(-0.5, 0.5))
    width = draw(st.floats(0, 1.2)) * size
    hanging = draw(st.booleans())
    top = baseline - (0.06 if hanging else 0.75) * size
    bottom = baseline + (0.94 if hanging else 0.25) * size
    font, char = draw(font_and_char)
    return Glyph(char, font, size, x, top, x + width, bottom, baseline)


@st.composite
def tex_layout(draw: st.DrawFn) -> tuple[list[Glyph], list[Rule]]:
    """Glyphs left to right with small gaps or overlaps, and rules over some stretch of them."""
    glyphs: list[Glyph] = []
    x = 100.0
    for _ in range(draw(st.integers(0, 30))):
        glyph = draw(tex_glyph(x))
        glyphs.append(glyph)
        x = glyph.x1 + draw(st.floats(-4, 6)) if draw(st.integers(0, 4)) else x
    rules = []
    for _ in range(draw(st.integers(0, 4))):
        x0 = draw(st.floats(90, max(x, 91) + 10))
        rules.append(Rule(x0, x0 + draw(st.floats(0, 60)), 100.0 + draw(st.floats(-30, 30))))
    return draw(st.permutations(glyphs)), rules


coordinates = st.floats(-1e4, 1e4, allow_nan=False, allow_infinity=False)


@st.composite
def wild_glyph(draw: st.DrawFn) -> Glyph:
    """Any finite box, possibly inverted or empty, with any baseline and size."""
    x0, y0, x1, y1, baseline = (draw(coordinates) for _ in range(5))
    return Glyph(draw(chars), draw(fonts), draw(st.floats(0, 1e3)), x0, y0, x1, y1, baseline)


wild_rule = st.builds(Rule, coordinates, coordinates, coordinates)
wild_layout = st.tuples(st.lists(wild_glyph(), max_size=20), st.lists(wild_rule, max_size=5))
"""Geometric nonsense: what the rebuilder must survive without understanding."""
