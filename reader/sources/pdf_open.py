"""Opening a PDF safely, and refusing the ones eqlens cannot read, in one clear sentence.

A PDF is untrusted input: a renamed .tex or random bytes, a truncated download, a password, a
2,000-page scan. MuPDF is forgiving (it silently repairs what it can and prints errors on stderr,
which would garble the terminal UI), so every check here is explicit and cheap: the header and
size before MuPDF sees the file, the page count before any page is read, and the text layer on a
few pages spread over the document. The limits are in :mod:`reader.limits`.

Damage policy: MuPDF rebuilds a broken cross-reference table by scanning the file. When the
repaired document loads every page and its sampled pages carry text, the paper is read with a
warning (a wrong xref offset is common and harmless). When repair finds no page, a page fails to
load, or the text is gone, the file is refused as damaged: reading half a truncated download
without saying so would be worse than asking for a fresh copy.

PyMuPDF is imported inside the functions: the reader must start fast.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from reader import limits
from reader.errors import SourceError

if TYPE_CHECKING:
    import pymupdf

__all__ = ["mupdf_errors", "open_pdf", "quiet_mupdf", "sample_pages"]

TEXT_PAGE_MIN_CHARS = 200
"""Non-blank characters that make a page "have text": a paper page has 2,000-4,000, a scanned
page with an OCR-less stamp ("Downloaded from ...") under 150."""

SCAN_MAX_TEXT_SHARE = 0.25
"""A document with images is a scan when fewer sampled pages than this have text."""

_LATEX_HINT = re.compile(rb"\\(documentclass|documentstyle|begin\{|input\{|section\{|usepackage)")


def open_pdf(path: Path, warnings: list[str] | None = None) -> pymupdf.Document:
    """The opened PDF, ready to read; SourceError (one sentence) when eqlens cannot read it.

    Things the reader should know but that do not stop reading (a repaired file) are appended
    to ``warnings`` when given.
    """
    _check_file(path)
    with quiet_mupdf():
        doc = _open(path)
        try:
            _check_document(doc, path.name, warnings)
        except BaseException:
            doc.close()
            raise
    return doc


def mupdf_errors() -> tuple[type[BaseException], ...]:
    """What PyMuPDF raises for bad input: its own errors, MuPDF's, and plain Runtime/ValueError."""
    import pymupdf

    return (RuntimeError, ValueError, pymupdf.mupdf.FzErrorBase)


@contextmanager
def quiet_mupdf() -> Iterator[None]:
    """Keep MuPDF from printing "MuPDF error: ..." lines to stderr (they would break the UI).

    MuPDF still records them in its warning store; that store is emptied on exit, since a
    hostile file can produce thousands of lines and eqlens reports damage in its own words.
    """
    import pymupdf

    previous = pymupdf.TOOLS.mupdf_display_errors()
    pymupdf.TOOLS.mupdf_display_errors(False)
    try:
        yield
    finally:
        pymupdf.TOOLS.mupdf_display_errors(previous)
        pymupdf.TOOLS.reset_mupdf_warnings()


def sample_pages(page_count: int, limit: int) -> list[int]:
    """At most ``limit`` 0-based page numbers spread evenly from the first page to the last.

    Spreading matters: a cover page, a scanned appendix or a chapter without math must not
    decide for the whole document.
    """
    if page_count <= limit:
        return list(range(page_count))
    if limit <= 1:
        return [0][:limit]
    step = (page_count - 1) / (limit - 1)
    return sorted({round(i * step) for i in range(limit)})


def _check_file(path: Path) -> None:
    """Refuse what is not a regular, non-empty, not-too-large file starting like a PDF."""
    name = path.name or str(path)
    if not path.exists():
        raise SourceError(f"{name}: no such file.")
    if path.is_dir():
        raise SourceError(f"{name} is a folder, not a PDF file.")
    if not path.is_file():
        raise SourceError(f"{name} is not a regular file (a device or a pipe?), so not a PDF.")
    size = path.stat().st_size
    if size == 0:
        raise SourceError(f"{name} is empty (0 bytes), not a PDF.")
    if size > limits.MAX_PDF_BYTES:
        raise SourceError(f"{name} is {size / 2**20:,.0f} MB; eqlens opens PDFs of at most "
                          f"{limits.MAX_PDF_BYTES // 2**20} MB.")
    try:
        with path.open("rb") as stream:
            head = stream.read(limits.PDF_HEADER_BYTES)
    except OSError as exc:
        raise SourceError(f"{name} cannot be read ({exc.strerror or 'input/output error'}).") \
            from exc
    if b"%PDF-" not in head:
        raise SourceError(_not_a_pdf(name, head))


def _not_a_pdf(name: str, head: bytes) -> str:
    """Say what the file seems to be, so a renamed .tex gets a useful hint."""
    if _LATEX_HINT.search(head):
        return f"{name} is not a PDF but LaTeX source; open it as a .tex file instead."
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return f"{name} is not a PDF (it has no %PDF header)."
    if b"\x00" in head:
        return f"{name} is not a PDF (it has no %PDF header)."
    return f"{name} is not a PDF but a text file."


def _open(path: Path) -> pymupdf.Document:
    """MuPDF's document; its parse failures become the "damaged" sentence."""
    import pymupdf

    try:
        return pymupdf.open(path, filetype="pdf")
    except mupdf_errors() as exc:
        raise SourceError(_damaged(path.name)) from exc


def _damaged(name: str) -> str:
    return (f"{name}: the PDF is damaged (truncated?) and cannot be read; "
            "download or export it again.")


def _check_document(doc: pymupdf.Document, name: str, warnings: list[str] | None) -> None:
    """Password, page count, damage, text layer: in that order, cheapest first."""
    if doc.needs_pass:
        raise SourceError(f"{name} is encrypted with a password; eqlens cannot open it, "
                          "save an unprotected copy.")
    count = doc.page_count
    if count == 0:  # a PDF must have a page; none left means a cut or garbled page tree
        raise SourceError(_damaged(name))
    if count > limits.MAX_PDF_PAGES:
        raise SourceError(f"{name} has {count:,} pages; eqlens opens PDFs of at most "
                          f"{limits.MAX_PDF_PAGES:,} pages.")
    if doc.is_repaired:
        _check_every_page_loads(doc, name)
    _check_text_layer(doc, name)
    if doc.is_repaired and warnings is not None:
        warnings.append(f"{name} was damaged and has been repaired; some pages or text may be "
                        "missing.")


def _check_every_page_loads(doc: pymupdf.Document, name: str) -> None:
    """A repaired file whose page tree points at lost objects is a truncated one."""
    try:
        for number in range(doc.page_count):
            doc.load_page(number)
    except mupdf_errors() as exc:
        raise SourceError(_damaged(name)) from exc


def _check_text_layer(doc: pymupdf.Document, name: str) -> None:
    """Refuse a document whose sampled pages have (almost) no extractable text.

    Little text plus images is a scan. No text at all in a repaired file is damage (the content
    streams were cut off). Little text and no images is a short document: read what there is.
    """
    numbers = sample_pages(doc.page_count, limits.PDF_SAMPLE_PAGES)
    try:
        chars = [_text_chars(doc.load_page(number)) for number in numbers]
        text_pages = sum(1 for count in chars if count >= TEXT_PAGE_MIN_CHARS)
        if text_pages >= SCAN_MAX_TEXT_SHARE * len(numbers):
            return
        with_images = _has_images(doc, numbers)
    except mupdf_errors() as exc:
        raise SourceError(_damaged(name)) from exc
    if not any(chars) and doc.is_repaired:
        raise SourceError(_damaged(name))
    if with_images:
        raise SourceError(f"{name} has no text layer (a scan?); OCR is not supported — use the "
                          "arXiv source (eqlens open ARXIV_ID) or the LaTeX.")
    if not any(chars):
        raise SourceError(f"{name} has no text to read (blank or damaged pages, or text drawn "
                          "as outlines).")


def _text_chars(page: pymupdf.Page) -> int:
    """Non-blank characters MuPDF extracts from the page, invisible OCR text included."""
    return sum(1 for span in page.get_texttrace() for char in span["chars"]
               if char[0] > 32 and chr(char[0]) not in "\u00a0\ufffd")


def _has_images(doc: pymupdf.Document, numbers: list[int]) -> bool:
    """True when any sampled page draws an image (a scan is one image per page)."""
    return any(doc.load_page(number).get_images() for number in numbers)
