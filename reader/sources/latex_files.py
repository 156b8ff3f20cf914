"""Reading LaTeX files safely and finding the main file of a paper folder.

Every file a paper names is untrusted: it may be binary, not UTF-8, huge, or outside the paper's
folder. This module is the only place that opens LaTeX files, so those checks live in one spot.
"""

from __future__ import annotations

import re
from pathlib import Path

from reader import limits
from reader.errors import SourceError

MAIN_NAMES = ("main", "ms", "paper", "article", "manuscript")
"""Stems that authors (and arXiv's own tooling) use for the main file, in order of preference."""

_DOCCLASS = re.compile(r"^[^%\n]*\\documentclass\b", re.MULTILINE)
_BEGIN_DOC = re.compile(r"^[^%\n]*\\begin\s*\{document\}", re.MULTILINE)
_SUBFILES_CLASS = re.compile(r"\\documentclass\s*(\[[^\]]*\])?\s*\{(subfiles|standalone)\}")
_INCLUDE_NAME = re.compile(
    r"^[^%\n]*\\(?:input|include|subfile|import|subimport)\s*(?:\{[^}]*\}\s*)?\{([^}]+)\}",
    re.MULTILINE,
)


def read_tex(path: Path, *, shown_as: str | None = None) -> str:
    """The file's text; SourceError when it is missing, too big, binary or not UTF-8."""
    name = shown_as or path.name
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise SourceError(f"{name} is not a file.")
        if size > limits.MAX_TEX_FILE_BYTES:
            raise SourceError(f"{name} is larger than eqlens reads ({size // 1_000_000} MB).")
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise SourceError(f"{name} does not exist.") from exc
    except OSError as exc:
        raise SourceError(f"{name} cannot be read ({exc.strerror or 'I/O error'}).") from exc
    return decode_tex(data, name)


def decode_tex(data: bytes, name: str) -> str:
    """Decode LaTeX bytes as UTF-8, refusing binary data with a sentence a user understands."""
    if b"\x00" in data[: limits.BINARY_SNIFF_BYTES]:
        raise SourceError(f"{name} is a binary file, not LaTeX.")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(
            f"{name} is not UTF-8 text (bad byte at offset {exc.start}); re-save it as UTF-8."
        ) from exc
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def is_inside(path: Path, root: Path) -> bool:
    """True when ``path`` (links resolved) lies inside ``root``: the paper's folder is a jail."""
    try:
        return path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):
        return False


def find_main_file(folder: Path, shown_as: str | None = None) -> Path:
    """The main .tex of a paper folder; SourceError when there is none."""
    candidates = _candidates(folder)
    if not candidates:
        raise SourceError(
            "No main LaTeX file (with \\documentclass and \\begin{document}) in "
            f"{shown_as or folder.name}."
        )
    return max(candidates, key=lambda c: _main_score(c, candidates))[0]


def _candidates(folder: Path) -> list[tuple[Path, str]]:
    found: list[tuple[Path, str]] = []
    tex_files = sorted(p for p in folder.rglob("*.tex") if p.is_file() and is_inside(p, folder))
    for path in tex_files[: limits.MAX_CANDIDATE_MAIN_FILES]:
        try:
            text = read_tex(path)
        except SourceError:
            continue
        if _DOCCLASS.search(text) and _BEGIN_DOC.search(text):
            found.append((path, text))
    return found


def _main_score(candidate: tuple[Path, str], all_: list[tuple[Path, str]]) -> tuple:
    """Rank: a real class over subfiles, a conventional name, includes of others, shallow path."""
    path, text = candidate
    real_class = _SUBFILES_CLASS.search(text) is None
    stems = {Path(name.strip()).with_suffix("").name for name in _INCLUDE_NAME.findall(text)}
    includes_others = sum(1 for other, _ in all_ if other != path and other.stem in stems)
    conventional = path.stem.lower() in MAIN_NAMES
    return (real_class, includes_others, conventional, -len(path.parts), -len(str(path)))
