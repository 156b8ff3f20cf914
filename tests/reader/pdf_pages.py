"""Writing PDF pages at test time, as TeX would set them (no binary fixture in the repository).

Prose is set in PyMuPDF's built-in Times fonts. Display math needs fonts whose PDF names say
Computer Modern (``CMMI10``, ``CMR10``): real CM files when this machine has them (matplotlib
ships BaKoMa's), and always PyMuPDF's own Times programs embedded and renamed to
``CMMI10``/``CMR10`` in the PDF, which is exactly what the reader sees of a TeX paper.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path

import pymupdf

from patterns.parser import parse_math

WIDTH, HEIGHT = 612.0, 792.0
LEFT, RIGHT = 72.0, 540.0
BODY = 10.0


def words(page, y: float, text: str, *, font: str = "tiro", size: float = BODY,
           x0: float = LEFT, x1: float | None = RIGHT) -> float:
    """One line of words from x0, justified to end at x1 (None: set ragged, as a last line);
    returns where it ends."""
    tokens = text.split()
    widths = [pymupdf.get_text_length(w, fontname=font, fontsize=size) for w in tokens]
    space = pymupdf.get_text_length(" ", fontname=font, fontsize=size)
    gap = (x1 - x0 - sum(widths)) / (len(tokens) - 1) if x1 is not None else space
    x = x0
    for word, width in zip(tokens, widths, strict=True):
        page.insert_text((x, y), word, fontname=font, fontsize=size)
        x += width + gap
    return x - gap


def paragraph(page, y: float, text: str, *, x0: float = LEFT, x1: float = RIGHT,
               leading: float = 12.0) -> float:
    """Justified lines filled greedily, the last one ragged; returns the last baseline."""
    tokens = text.split()
    line: list[str] = []
    for word in tokens:
        trial = " ".join([*line, word])
        if line and pymupdf.get_text_length(trial, fontname="tiro", fontsize=BODY) > x1 - x0:
            words(page, y, " ".join(line), x0=x0, x1=x1)
            y += leading
            line = [word]
        else:
            line.append(word)
    words(page, y, " ".join(line), x0=x0, x1=None)
    return y


def number(page, y: float, number: str) -> None:
    """An equation number set flush with the right margin, in the text font."""
    text = f"({number})"
    width = pymupdf.get_text_length(text, fontname="tiro", fontsize=BODY)
    page.insert_text((RIGHT - width, y), text, fontname="tiro", fontsize=BODY)


@dataclass(frozen=True)
class MathFonts:
    """How a math italic and a math roman font get into the PDF under TeX's names."""

    italic: dict
    roman: dict
    renames: dict[str, str]
    """PDF font names to rename (PyMuPDF's own fonts) to CMMI10/CMR10; empty for real CM."""


def times_renamed() -> MathFonts:
    italic = {"fontbuffer": pymupdf.Font("tiit").buffer}
    roman = {"fontbuffer": pymupdf.Font("tiro").buffer}
    return MathFonts(italic, roman, {"NimbusRoman-Italic": "CMMI10",
                                     "NimbusRoman-Regular": "CMR10"})


def cm_file(name: str) -> Path | None:
    """A Computer Modern TTF on this machine (matplotlib's mpl-data, or the system fonts)."""
    candidates: list[Path] = []
    spec = importlib.util.find_spec("matplotlib")
    if spec is not None and spec.origin:
        candidates.append(Path(spec.origin).parent / "mpl-data" / "fonts" / "ttf" / name)
    for root in (Path("/usr/share/fonts"), Path("/usr/local/share/fonts")):
        if root.is_dir():
            candidates += sorted(root.rglob(name))
    return next((path for path in candidates if path.is_file()), None)


def computer_modern() -> MathFonts | None:
    italic, roman = cm_file("cmmi10.ttf"), cm_file("cmr10.ttf")
    if italic is None or roman is None:
        return None
    return MathFonts({"fontfile": str(italic)}, {"fontfile": str(roman)}, {})


def run(page, x: float, y: float, role: str, text: str, fonts: MathFonts,
         size: float = BODY) -> float:
    """One run of math in the italic ("mi") or roman ("rm") font; returns where it ends."""
    alias, spec = ("cmmi10", fonts.italic) if role == "mi" else ("cmr10", fonts.roman)
    page.insert_font(fontname=alias, **spec)
    page.insert_text((x, y), text, fontname=alias, fontsize=size)
    return x + pymupdf.Font(**spec).text_length(text, fontsize=size)


def math(page, x: float, y: float, parts: list[tuple[str, str]], fonts: MathFonts) -> float:
    """A display row set run by run, with TeX's thick space around relations and binaries."""
    for role, text in parts:
        relation = text in ("=", "+")
        x = run(page, x + (2.8 if relation else 0.0), y, role, text, fonts)
        x += 2.8 if relation else 0.6
    return x


def rename_fonts(doc, renames: dict[str, str]) -> None:
    """Give embedded fonts TeX's names: what a PDF reader sees of a font is its name."""
    for xref in range(1, doc.xref_length()):
        for key in ("BaseFont", "FontName"):
            kind, value = doc.xref_get_key(xref, key)
            if kind != "name":
                continue
            plain = value.lstrip("/").replace("#20", "").replace(" ", "").replace("-", "")
            for old, new in renames.items():
                if plain == old.replace("-", ""):
                    doc.xref_set_key(xref, key, f"/{new}")


def save(doc, path: Path, fonts: MathFonts | None) -> Path:
    """Write the PDF, then rename the embedded stand-in fonts (names are fixed at embedding)."""
    doc.save(path)
    doc.close()
    if fonts is not None and fonts.renames:
        doc = pymupdf.open(path)
        rename_fonts(doc, fonts.renames)
        doc.save(path, incremental=True, encryption=pymupdf.PDF_ENCRYPT_KEEP)
        doc.close()
    return path


def same_math(latex: str, expected: str) -> bool:
    """The rebuilt LaTeX means what was typeset: both parse to the same tree."""
    return parse_math(latex) == parse_math(expected)
