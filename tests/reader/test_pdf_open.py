"""Opening PDFs: hostile files are refused in one sentence and fast; broken math fonts are found.

Every hostile PDF is built at test time in ``tmp_path`` (no binary fixtures in the repository).
The scrambled-font detector is checked on the real PDFs of ../shared/corpus.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from reader import limits
from reader.errors import SourceError
from reader.sources.pdf_open import open_pdf, sample_pages
from reader.sources.pdf_scrambled import (
    check_scrambled_math_fonts,
    guess_original,
    is_foreign_glyph,
    scrambled_fonts,
)
from tests.robustness.hostile_inputs import many_pages_pdf, scanned_pdf

pymupdf = pytest.importorskip("pymupdf")

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"

PROSE = ("Adam is an algorithm for first-order gradient-based optimization of stochastic "
         "objective functions, based on adaptive estimates of lower-order moments. ") * 6



def _text_pdf(path: Path, pages: int = 1) -> Path:
    doc = pymupdf.open()
    for _ in range(pages):
        page = doc.new_page()
        page.insert_textbox(pymupdf.Rect(72, 72, 520, 760), PROSE)
    doc.save(path)
    return path


def _refusal(path: Path) -> str:
    """The message of the SourceError opening ``path`` raises (time and memory are bounded
    by the hang guard of tests/robustness, speed by the benchmarks)."""
    with pytest.raises(SourceError) as caught:
        open_pdf(path)
    message = caught.value.message
    assert "\n" not in message and "Traceback" not in message
    return message


def test_a_sound_pdf_opens_without_warnings(tmp_path: Path) -> None:
    warnings: list[str] = []
    doc = open_pdf(_text_pdf(tmp_path / "paper.pdf"), warnings)
    assert doc.page_count == 1 and "Adam is an algorithm" in doc[0].get_text()
    assert warnings == []


def test_truncated_pdf_is_refused_as_damaged(tmp_path: Path, capfd) -> None:
    data = _text_pdf(tmp_path / "whole.pdf").read_bytes()
    half = tmp_path / "half.pdf"
    half.write_bytes(data[: len(data) // 2])
    message = _refusal(half)
    assert "damaged" in message and "truncated" in message and "half.pdf" in message
    assert "MuPDF" not in capfd.readouterr().err


def test_corrupted_objects_are_refused_as_damaged(tmp_path: Path) -> None:
    data = bytearray(_text_pdf(tmp_path / "whole.pdf").read_bytes())
    noise = random.Random(7)
    for offset in range(200, len(data) - 100, 37):
        data[offset] = noise.randrange(256)
    broken = tmp_path / "noisy.pdf"
    broken.write_bytes(bytes(data))
    assert "damaged" in _refusal(broken)


def test_broken_xref_is_repaired_and_read_with_a_warning(tmp_path: Path) -> None:
    """A wrong cross-reference table with intact objects is common and harmless: read it."""
    data = bytearray(_text_pdf(tmp_path / "whole.pdf").read_bytes())
    start = data.rfind(b"xref")
    data[start:start + 120] = b"X" * 120
    repaired = tmp_path / "badxref.pdf"
    repaired.write_bytes(bytes(data))
    warnings: list[str] = []
    doc = open_pdf(repaired, warnings)
    assert "Adam is an algorithm" in doc[0].get_text()
    assert len(warnings) == 1 and "repaired" in warnings[0]


def test_user_password_is_refused(tmp_path: Path) -> None:
    doc = pymupdf.open(_text_pdf(tmp_path / "plain.pdf"))
    locked = tmp_path / "locked.pdf"
    doc.save(locked, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="x", owner_pw="y")
    message = _refusal(locked)
    assert "encrypted" in message and "password" in message and "unprotected copy" in message


def test_owner_password_only_opens(tmp_path: Path) -> None:
    doc = pymupdf.open(_text_pdf(tmp_path / "plain.pdf"))
    restricted = tmp_path / "restricted.pdf"
    doc.save(restricted, encryption=pymupdf.PDF_ENCRYPT_AES_256, owner_pw="y",
             permissions=pymupdf.PDF_PERM_PRINT)
    opened = open_pdf(restricted)
    assert "AES" in opened.metadata["encryption"] and not opened.needs_pass
    assert "Adam is an algorithm" in opened[0].get_text()


def test_image_only_pdf_is_refused_as_a_scan(tmp_path: Path) -> None:
    scanned_pdf(tmp_path / "scan.pdf")
    message = _refusal(tmp_path / "scan.pdf")
    assert "no text layer" in message and "OCR" in message and "eqlens open" in message


def test_blank_pdf_is_refused(tmp_path: Path) -> None:
    doc = pymupdf.open()
    doc.new_page()
    doc.save(tmp_path / "blank.pdf")
    assert "no text to read" in _refusal(tmp_path / "blank.pdf")


def test_short_text_without_images_opens(tmp_path: Path) -> None:
    """A one-line note is not a scan: little text is refused only when images stand in for it."""
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "E = mc^2")
    doc.save(tmp_path / "note.pdf")
    assert open_pdf(tmp_path / "note.pdf").page_count == 1


def test_two_thousand_pages_are_refused_before_reading_them(tmp_path: Path,
                                                             monkeypatch) -> None:
    many_pages_pdf(tmp_path / "huge.pdf")

    def no_page(*args: object, **kwargs: object) -> None:
        raise AssertionError("a page was loaded before the page count was checked")

    monkeypatch.setattr(pymupdf.Document, "load_page", no_page)
    message = _refusal(tmp_path / "huge.pdf")
    assert "2,000 pages" in message and f"{limits.MAX_PDF_PAGES:,}" in message


def test_too_many_bytes_are_refused_before_parsing(tmp_path: Path, monkeypatch) -> None:
    path = _text_pdf(tmp_path / "big.pdf")
    monkeypatch.setattr(limits, "MAX_PDF_BYTES", path.stat().st_size - 1)
    assert "eqlens opens PDFs of at most" in _refusal(path)


def test_empty_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "empty.pdf").write_bytes(b"")
    assert "empty" in _refusal(tmp_path / "empty.pdf")


def test_renamed_tex_is_refused_with_a_hint(tmp_path: Path) -> None:
    (tmp_path / "paper.pdf").write_text(
        "\\documentclass{article}\n\\begin{document}\n$x^2$\n\\end{document}\n")
    message = _refusal(tmp_path / "paper.pdf")
    assert "not a PDF" in message and "LaTeX" in message and ".tex" in message


def test_random_bytes_are_refused(tmp_path: Path) -> None:
    (tmp_path / "noise.pdf").write_bytes(random.Random(3).randbytes(50_000))
    assert "not a PDF" in _refusal(tmp_path / "noise.pdf")


def test_a_pdf_header_behind_junk_is_accepted_only_near_the_start(tmp_path: Path) -> None:
    data = _text_pdf(tmp_path / "whole.pdf").read_bytes()
    (tmp_path / "mail.pdf").write_bytes(b"Content-Type: application/pdf\r\n\r\n" + data)
    assert open_pdf(tmp_path / "mail.pdf").page_count == 1
    (tmp_path / "far.pdf").write_bytes(b"\0" * limits.PDF_HEADER_BYTES + data)
    assert "not a PDF" in _refusal(tmp_path / "far.pdf")


def test_folders_and_missing_files_are_refused(tmp_path: Path) -> None:
    assert "folder" in _refusal(tmp_path)
    assert "no such file" in _refusal(tmp_path / "absent.pdf")


def test_sample_pages_spread_over_the_document() -> None:
    assert sample_pages(3, 8) == [0, 1, 2]
    assert sample_pages(100, 5) == [0, 25, 50, 74, 99]
    assert sample_pages(0, 8) == []


def test_glyphs_no_tex_math_font_can_print() -> None:
    assert is_foreign_glyph("ABCDEF+CMMI10", "✓") and is_foreign_glyph("CMSY10", "\uf8ff")
    assert not is_foreign_glyph("CMMI10", "θ") and not is_foreign_glyph("CMR10", "✓")
    assert not is_foreign_glyph("CMEX10", "\uf8eb")  # a delimiter piece in Adobe's private use
    assert guess_original("CMMI10", "✓") == "θ" and guess_original("CMMI7", "↵") == "α"
    assert guess_original("CMSY10", "k") == "∥" and guess_original("CMSY10", "p") == "√"
    assert guess_original("CMSY10", "A") is None and guess_original("CMMI10", "x") is None


corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")

SCRAMBLED = {"pdf/adam.pdf": ("θ prints as ✓", "eqlens open 1412.6980"),
             "pdf/adadelta.pdf": ("prints as ✏", "eqlens open 1212.5701")}


def _corpus_papers() -> list[str]:
    if not CORPUS.is_dir():
        return []
    names = [*sorted(CORPUS.glob("pdf/*.pdf")), *sorted(CORPUS.glob("pdf-from-latex/*.pdf")),
             CORPUS / "latex/icl-as-gd/main.pdf",
             CORPUS / "latex/dlbook-notation/notation_example.pdf"]
    return [str(path.relative_to(CORPUS)) for path in names if path.is_file()]


@pytest.mark.corpus
@corpus
@pytest.mark.parametrize("name", _corpus_papers())
def test_corpus_pdfs_open_and_only_the_scrambled_ones_are_flagged(name: str) -> None:
    warnings: list[str] = []
    doc = open_pdf(CORPUS / name, warnings)
    assert warnings == []
    message = check_scrambled_math_fonts(doc)
    if name in SCRAMBLED:
        assert message is not None and "broken character maps" in message
        assert all(part in message for part in SCRAMBLED[name])
    else:
        assert message is None
        assert scrambled_fonts(doc) == set()


@pytest.mark.corpus
@corpus
def test_scrambled_fonts_name_only_the_broken_math_fonts() -> None:
    doc = open_pdf(CORPUS / "pdf" / "adam.pdf")
    fonts = scrambled_fonts(doc)
    assert {"CMMI10", "CMMI7", "CMSY10", "CMSY7"} <= fonts
    assert not fonts & {"CMR10", "CMMI5", "NimbusRomNo9L-Regu", "MSBM10"}


@pytest.mark.corpus
@corpus
def test_the_preview_resave_of_attention_is_not_scrambled() -> None:
    """Re-saved by macOS Preview too, yet its math fonts kept their maps."""
    doc = open_pdf(CORPUS / "pdf" / "attention-is-all-you-need.pdf")
    assert "Quartz" in doc.metadata["producer"]
    assert check_scrambled_math_fonts(doc) is None
