"""Hostile inputs, written by us: each one a stranger's file built to hurt a paper reader.

Small ones are kept as files in ``tests/fixtures/hostile``; large or binary ones (10⁵ braces, a
gzip bomb, a 2,000-page PDF, tarballs with escaping members) are built here at test time, so
the repository holds no megabytes of junk. Every case says what a user must see: the exit
code, words of the one-line message, and text that must never reach the output (a secret
planted outside the paper's folder, which proves nothing outside was read).
"""

from __future__ import annotations

import gzip
import io
import tarfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "hostile"

SECRET = "SECRET-OUTSIDE-THE-PAPER-7f3a"
"""Planted beside (never inside) each paper folder; it must never appear in any output."""

_PAPER = (b"\\documentclass{article}\n\\begin{document}\nA sound paragraph.\n"
          b"\\begin{equation}\\label{ok} y = wx + b \\end{equation}\n\\end{document}\n")


@dataclass(frozen=True)
class Hostile:
    """One hostile input and what eqlens must do with it."""

    name: str
    build: Callable[[Path], Path]
    """Writes the input under the given folder; returns the path to hand to ``eqlens``."""
    exit_code: int
    """1 where eqlens cannot go on; 0 where it reads what it can and says what it skipped."""
    says: tuple[str, ...]
    """Words (lower case) that the one-line error, or the report's warnings, must contain."""


def _fixture(name: str) -> Callable[[Path], Path]:
    def build(root: Path) -> Path:
        source = FIXTURES / name
        if source.is_dir():
            target = root / name
            for path in source.rglob("*"):
                if path.is_file():
                    (target / path.relative_to(source)).parent.mkdir(parents=True, exist_ok=True)
                    (target / path.relative_to(source)).write_bytes(path.read_bytes())
            return target
        (root / name).write_bytes(source.read_bytes())
        return root / name
    return build


def _tex(name: str, body: str) -> Callable[[Path], Path]:
    def build(root: Path) -> Path:
        path = root / name
        path.write_text("\\documentclass{article}\n\\begin{document}\n" + body
                        + "\n\\end{document}\n", encoding="utf-8")
        return path
    return build


def _nested_braces(root: Path) -> Path:
    depth = 100_000
    return _tex("nested.tex", "Deep:\n\\begin{equation}" + "{" * depth + "x" + "}" * depth
                + "\\end{equation}\nAfter: $y = 1$.")(root)


def _unclosed_braces(root: Path) -> Path:
    return _tex("unclosed.tex", "Text " + "{" * 100_000 + " and $x$ never closed.")(root)


def _huge_tex(root: Path) -> Path:
    path = root / "huge.tex"
    line = "Lorem ipsum dolor sit amet $x_i$ consectetur.\n"
    path.write_text("\\documentclass{article}\n\\begin{document}\n"
                    + line * (9 * 1024 * 1024 // len(line)) + "\\end{document}\n")
    return path


def _input_absolute(root: Path) -> Path:
    (root / "outside.tex").write_text(f"{SECRET} $s = 1$\n")
    return _tex("absolute.tex", f"Before.\n\\input{{{root / 'outside.tex'}}}\n"
                "\\input{/etc/passwd}\nAfter $y = 1$.")(root)


def _input_parent(root: Path) -> Path:
    (root / "secret.tex").write_text(f"{SECRET} $s = 1$\n")
    folder = root / "paper"
    folder.mkdir()
    return _tex("main.tex", "Before.\n\\input{../secret}\n\\include{../../secret}\n"
                "\\subfile{sub/../../secret}\nAfter $y = 1$.")(folder).parent


def _symlinked_secret(root: Path) -> Path:
    (root / "secret.tex").write_text(f"{SECRET} $s = 1$\n")
    folder = root / "paper"
    folder.mkdir()
    (folder / "part.tex").symlink_to(root / "secret.tex")
    _tex("main.tex", "Before.\n\\input{part}\nAfter $y = 1$.")(folder)
    return folder


def _tarball(name: str, members: list[tuple[tarfile.TarInfo, bytes | None]]
             ) -> Callable[[Path], Path]:
    def build(root: Path) -> Path:
        (root / "secret.tex").write_text(f"{SECRET}\n")
        path = root / "box" / name
        path.parent.mkdir()
        with tarfile.open(path, "w:gz") as tar:
            main = tarfile.TarInfo("main.tex")
            main.size = len(_PAPER)
            tar.addfile(main, io.BytesIO(_PAPER))
            for info, data in members:
                tar.addfile(info, io.BytesIO(data) if data is not None else None)
        return path
    return build


def _member(name: str, data: bytes = b"pwned", **fields: object) -> tuple[tarfile.TarInfo,
                                                                          bytes | None]:
    info = tarfile.TarInfo(name)
    for key, value in fields.items():
        setattr(info, key, value)
    if info.isreg():
        info.size = len(data)
        return info, data
    return info, None


def _gzip_bomb_tarball(root: Path) -> Path:
    """A tarball whose one member claims (truthfully) 120 MB, all zeros packed into ~120 kB:
    under the per-member size limit, so only the unpacked/packed ratio can stop it."""
    header = tarfile.TarInfo("main.tex")
    header.size = 120 * 1024 ** 2
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    path = root / "bomb.tar.gz"
    chunk = bytes(1024 * 1024)
    with path.open("wb") as out:
        out.write(compressor.compress(header.tobuf(format=tarfile.GNU_FORMAT)))
        for _ in range(120):
            out.write(compressor.compress(chunk))
        out.write(compressor.flush())
    return path


def _gzip_bomb_tex(root: Path) -> Path:
    path = root / "bomb.tex.gz"
    with gzip.open(path, "wb", compresslevel=9) as out:
        chunk = bytes(1024 * 1024)
        for _ in range(512):
            out.write(chunk)
    return path


def _many_members(root: Path) -> Path:
    return _tarball("many.tar.gz", [_member(f"f{i}.tex", b"%") for i in range(6_000)])(root)


def _pdf(name: str, make: Callable[[Path], None]) -> Callable[[Path], Path]:
    def build(root: Path) -> Path:
        make(root / name)
        return root / name
    return build


def _text_pdf(path: Path, **save: object) -> None:
    import pymupdf

    doc = pymupdf.open()
    for _ in range(3):
        doc.new_page().insert_text((72, 72), "A page of prose about the loss of a model. " * 2)
    doc.save(path, **save)


def _encrypted_pdf(path: Path) -> None:
    import pymupdf

    _text_pdf(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="u", owner_pw="o")


def _truncated_pdf(path: Path) -> None:
    _text_pdf(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def many_pages_pdf(path: Path) -> None:
    """2,000 tiny blank pages: over the page limit, cheap to write."""
    import pymupdf

    doc = pymupdf.open()
    for _ in range(2_000):
        doc.new_page(width=20, height=20)
    doc.save(path)


def scanned_pdf(path: Path) -> None:
    """Three pages that are only an image each: a scan without a text layer."""
    import pymupdf

    doc = pymupdf.open()
    pixmap = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 60, 80), False)
    pixmap.clear_with(200)
    for _ in range(3):
        page = doc.new_page()
        page.insert_image(page.rect, pixmap=pixmap)
    doc.save(path)


def _garbage_pdf(path: Path) -> None:
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 400)


def _corrupt_sidecar(root: Path) -> Path:
    paper = _tex("paper.tex", "Text.\n\\begin{equation}\\label{a} a = b \\end{equation}")(root)
    from reader.notes.sidecar import SUFFIX

    (root / f"paper{SUFFIX}").write_bytes(b'{"eqlens-notes": 1}\n{"id": \x00\xff\n')
    return paper


HOSTILE: list[Hostile] = [
    # LaTeX that would exhaust a naive reader
    Hostile("nested-braces", _nested_braces, 0, ("nested too deeply",)),
    Hostile("unclosed-braces", _unclosed_braces, 0, ()),
    Hostile("macro-bomb", _fixture("macro_bomb.tex"), 0, ("expands without end",)),
    Hostile("recursive-macros", _fixture("recursive_macros.tex"), 0, ("expands without end",)),
    Hostile("include-cycle", _fixture("include_cycle"), 0, ("includes itself",)),
    Hostile("unbalanced", _fixture("unbalanced.tex"), 0, ()),
    Hostile("tex-over-8mb", _huge_tex, 1, ("larger than eqlens reads",)),
    Hostile("binary-garbage", _fixture("garbage.tex"), 1, ("binary",)),
    Hostile("invalid-utf8", _fixture("latin1.tex"), 1, ("not utf-8",)),
    # reading outside the paper's folder
    Hostile("input-absolute", _input_absolute, 0, ("outside",)),
    Hostile("input-parent", _input_parent, 0, ("outside",)),
    Hostile("symlink-outside", _symlinked_secret, 0, ("outside",)),
    # archives
    Hostile("tar-dotdot", _tarball("dotdot.tar.gz", [_member("../../escaped.tex")]), 1,
            ("outside",)),
    Hostile("tar-absolute", _tarball("absolute.tar.gz", [_member("/tmp/escaped.tex")]), 1,
            ("absolute",)),
    Hostile("tar-symlinks", _tarball("links.tar.gz", [
        _member("secret.tex", type=tarfile.SYMTYPE, linkname="../secret.tex"),
        _member("passwd.tex", type=tarfile.SYMTYPE, linkname="/etc/passwd"),
        _member("hard.tex", type=tarfile.LNKTYPE, linkname="../secret.tex"),
        _member("fifo", type=tarfile.FIFOTYPE)]), 0, ("skipped",)),
    Hostile("tar-many-members", _many_members, 1, ("more than 5,000 files",)),
    Hostile("gzip-bomb-tarball", _gzip_bomb_tarball, 1, ("bomb",)),
    Hostile("gzip-bomb-tex", _gzip_bomb_tex, 1, ("bomb",)),
    # PDFs
    Hostile("pdf-empty", _pdf("empty.pdf", lambda p: p.write_bytes(b"")), 1, ("empty",)),
    Hostile("pdf-truncated", _pdf("truncated.pdf", _truncated_pdf), 1, ("damaged",)),
    Hostile("pdf-garbage", _pdf("garbage.pdf", _garbage_pdf), 1, ("damaged",)),
    Hostile("pdf-encrypted", _pdf("locked.pdf", _encrypted_pdf), 1, ("password",)),
    Hostile("pdf-2000-pages", _pdf("huge.pdf", many_pages_pdf), 1, ("2,000 pages",)),
    Hostile("pdf-scanned", _pdf("scan.pdf", scanned_pdf), 1, ("no text layer",)),
    # notes
    Hostile("corrupt-notes", _corrupt_sidecar, 1, ("notes",)),
]
