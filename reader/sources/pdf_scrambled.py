"""Math fonts whose character maps were lost: the PDF says ✓ where the paper printed θ.

When macOS Preview (Quartz) re-saves a pdfTeX paper it splits each embedded TeX font and writes
a new ToUnicode map for the glyphs it cannot name; that map comes from the glyph's original TeX
code. Codes 32-127 become the ASCII character with that code (CMSY's ∥ at 0x6B reads "k", √ at
0x70 "p", ∇ "r", ∈ "2") and codes 0-31 become Apple's keyboard pictures (CMMI's θ at 0x12 reads
✓, α at 0x0B ↵, CMSY's ≤ at 0x14 the Apple logo). Not every re-save does this:
``attention-is-all-you-need.pdf`` went through Preview and its maps are intact.

The signal is what a TeX math font can never legitimately carry. A "foreign" glyph is an Apple
keyboard picture, a dingbat, or (outside CMEX, whose delimiter pieces use Adobe's private-use
codes) a private-use character; clean papers have none, scrambled ones hundreds. "Suspect"
glyphs are ASCII that the font has no glyph for (lowercase letters and digits in CMSY, ``@`` for
∂ in CMMI): they corroborate a verdict, and lowercase CMSY letters alone also decide one, since a
clean CMSY has none either. Ambiguous ASCII (``|``, braces, CMEX's raw codes) is never counted.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader import limits
from reader.sources.arxiv_id import find_arxiv_stamp
from reader.sources.pdf_fonts import FontKind, font_info
from reader.sources.pdf_open import mupdf_errors, quiet_mupdf, sample_pages

if TYPE_CHECKING:
    import pymupdf

__all__ = ["check_scrambled_math_fonts", "guess_original", "is_foreign_glyph", "scrambled_fonts"]

MIN_FOREIGN_GLYPHS = 3
"""Foreign glyph occurrences that make a document scrambled (clean corpus: 0; adadelta: 41)."""

MIN_LOWERCASE_SYMBOLS = 5
"""Lowercase letters in CMSY-like fonts that alone make a document scrambled (clean corpus: 0)."""

_CHECKED_KINDS: tuple[FontKind, ...] = ("math-italic", "math-symbol", "math-extension")

_KEYBOARD_CODES = {
    "\u21e4": 0x03, "\u21b5": 0x0B, "\u270f": 0x0F, "\u21e3": 0x10, "\u2318": 0x11,
    "\u2713": 0x12, "\u25c6": 0x13, "\uf8ff": 0x14, "\u21e0": 0x18, "\u21e1": 0x19,
    "\u21e2": 0x1A, "\u2327": 0x1C,
}
"""Quartz's character for a TeX code below 32, read off the fonts of adam.pdf and adadelta.pdf
(their /Differences glyph names against their ToUnicode maps)."""

_KEYBOARD_OTHERS = frozenset("\u21de\u21df\u21e5\u21e7\u21ea\u2303\u2305\u2324\u2325\u232b"
                             "\u238b\u23cf")
"""Other Apple keyboard pictures (⇥ ⇧ ⌃ ⌥ ⌫ ⎋ ...): same origin, codes not yet seen."""

_OML = ("ΓΔΘΛΞΠΣΥΦΨΩαβγδϵζηθικλμνξπρστυϕχ" "ψωεϑϖϱςφ↼↽⇀⇁\0\0▹◃" "0123456789.,</>⋆"
        "∂ABCDEFGHIJKLMNOPQRSTUVWXYZ♭♮♯⌣⌢" "ℓabcdefghijklmnopqrstuvwxyzıȷ℘\0\0")
"""The 128 glyphs of CMMI (TeX's OML encoding) by code; NUL where no single character fits."""

_OMS = ("−·×∗÷⋄±∓⊕⊖⊗⊘⊙◯∘•" "≍≡⊆⊇≤≥⪯⪰∼≈⊂⊃≪≫≺≻" "←→↑↓↔↗↘≃⇐⇒⇑⇓⇔↖↙∝" "′∞∈∋△▽\0\0∀∃¬∅ℜℑ⊤⊥"
        "ℵABCDEFGHIJKLMNOPQRSTUVWXYZ∪∩⊎∧∨" "⊢⊣⌊⌋⌈⌉{}⟨⟩|∥↕⇕∖≀" "√⨿∇∫⊔⊓⊑⊒§†‡¶♣♢♡♠")
"""The 128 glyphs of CMSY (TeX's OMS encoding) by code."""

_ITALIC_ASCII_OK = frozenset(".,</>")
_SYMBOL_ASCII_OK = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ{}|\\")


@dataclass(slots=True)
class _Tally:
    """What one font (by name, sizes apart) printed in the pages looked at."""

    kind: FontKind
    foreign: Counter[str] = field(default_factory=Counter)
    suspect: Counter[str] = field(default_factory=Counter)


def check_scrambled_math_fonts(doc: pymupdf.Document) -> str | None:
    """One line telling the user the math cannot be trusted, or None when the fonts are sound.

    Looks at up to :data:`reader.limits.PDF_FONT_SAMPLE_PAGES` pages spread over the file.
    """
    pages = sample_pages(doc.page_count, limits.PDF_FONT_SAMPLE_PAGES)
    tallies = _tally(doc, pages)
    if not _scrambled(tallies):
        return None
    return (f"the math fonts of this PDF have broken character maps ({_example(tallies)}), so "
            "equations cannot be rebuilt from it; prose is still read. "
            f"{_use_the_source(doc)}")


def scrambled_fonts(doc: pymupdf.Document, pages: Iterable[int] | None = None) -> set[str]:
    """Names (as spans report them, without ``ABCDEF+``) of the math fonts with broken maps.

    Empty unless the document as a whole is scrambled, so one odd glyph never taints a clean
    paper. ``pages`` are 0-based; by default every page is read (~3 ms a page), since a font used
    only late in the paper must be caught too.
    """
    numbers = range(doc.page_count) if pages is None else pages
    tallies = _tally(doc, numbers)
    if not _scrambled(tallies):
        return set()
    return {name for name, tally in tallies.items()
            if tally.foreign or (tally.suspect and tally.kind != "math-extension")}


def is_foreign_glyph(fontname: str, char: str) -> bool:
    """True when a TeX math font cannot have printed ``char``: its map is broken, for certain."""
    kind = font_info(fontname).kind
    return kind in _CHECKED_KINDS and _foreign(kind, char)


def guess_original(fontname: str, char: str) -> str | None:
    """The character a Quartz-scrambled CMMI/CMSY glyph most likely was (``✓`` → ``θ``).

    A guess from the TeX code that Quartz wrote instead of the character: only meaningful for a
    font in :func:`scrambled_fonts`, and None when ``char`` is plausible as it is or unknown.
    """
    kind = font_info(fontname).kind
    if kind not in ("math-italic", "math-symbol") or not (
            _foreign(kind, char) or _suspect(kind, char)):
        return None
    code = _KEYBOARD_CODES.get(char, ord(char))
    table = _OML if kind == "math-italic" else _OMS
    original = table[code] if code < len(table) else "\0"
    return None if original in ("\0", char) else original


def _tally(doc: pymupdf.Document, numbers: Iterable[int]) -> dict[str, _Tally]:
    """Count foreign and suspect glyphs per math font over the given pages."""
    tallies: dict[str, _Tally] = {}
    for number in numbers:
        try:
            with quiet_mupdf():
                spans = doc.load_page(number).get_texttrace()
        except mupdf_errors():
            continue
        for span in spans:
            info = font_info(span["font"])
            if info.kind not in _CHECKED_KINDS:
                continue
            tally = tallies.setdefault(info.name, _Tally(info.kind))
            for code, *_ in span["chars"]:
                _count(tally, code)
    return tallies


def _count(tally: _Tally, code: int) -> None:
    if code <= 32:  # blanks, controls, and -1 for glyphs MuPDF could not map at all
        return
    char = chr(code)
    if _foreign(tally.kind, char):
        tally.foreign[char] += 1
    elif _suspect(tally.kind, char):
        tally.suspect[char] += 1


def _foreign(kind: FontKind, char: str) -> bool:
    code = ord(char)
    if char in _KEYBOARD_CODES or char in _KEYBOARD_OTHERS or 0x2700 <= code <= 0x27BF:
        return True
    return kind != "math-extension" and 0xE000 <= code <= 0xF8FF


def _suspect(kind: FontKind, char: str) -> bool:
    """Printable ASCII the font has no glyph for: Quartz's rendering of TeX codes 32-127."""
    if not " " < char < "\x7f":
        return False
    if kind == "math-italic":
        return not char.isalnum() and char not in _ITALIC_ASCII_OK
    return kind == "math-symbol" and char not in _SYMBOL_ASCII_OK


def _scrambled(tallies: dict[str, _Tally]) -> bool:
    foreign = sum(sum(tally.foreign.values()) for tally in tallies.values())
    lowercase = sum(count for tally in tallies.values() if tally.kind == "math-symbol"
                    for char, count in tally.suspect.items() if char.islower())
    return foreign >= MIN_FOREIGN_GLYPHS or lowercase >= MIN_LOWERCASE_SYMBOLS


def _example(tallies: dict[str, _Tally]) -> str:
    """"θ prints as ✓": the most frequent broken glyph whose original is known, italic first."""
    for kind in ("math-italic", "math-symbol"):
        seen: Counter[tuple[str, str]] = Counter()
        for name, tally in tallies.items():
            if tally.kind == kind:
                for char, count in (tally.foreign + tally.suspect).items():
                    if (original := guess_original(name, char)) is not None:
                        seen[original, char] += count
        if seen:
            (original, char), _ = seen.most_common(1)[0]
            return f"{original} prints as {char}"
    shown: Counter[str] = Counter()
    for tally in tallies.values():
        shown.update(tally.foreign)
    return "math symbols print as " + ", ".join(char for char, _ in shown.most_common(3))


def _use_the_source(doc: pymupdf.Document) -> str:
    """Point at the arXiv source, by id when page one carries arXiv's stamp."""
    try:
        with quiet_mupdf():
            stamp = find_arxiv_stamp(doc.load_page(0).get_text()) if doc.page_count else None
    except mupdf_errors():
        stamp = None
    if stamp is None:
        return "Use the arXiv source (eqlens open ARXIV_ID) or the LaTeX."
    return f"Use the arXiv source: eqlens open {stamp.id}"
