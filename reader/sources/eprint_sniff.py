"""What an arXiv e-print download is, from its first bytes (arXiv's Content-Type is not enough).

``/e-print/ID`` answers with a gzipped tarball (most papers), one gzipped .tex (single-file
submissions), the PDF itself (PDF-only submissions) or, for some old papers, gzipped PostScript.
The answer decides the file's suffix in the cache, which is what the loaders go by. The bytes are
only looked at: a 512-byte tar header is parsed and at most a few kilobytes are decompressed.
"""

from __future__ import annotations

import gzip
import tarfile
import zlib
from pathlib import Path
from typing import Literal

from reader.errors import SourceError

EprintKind = Literal[".tar.gz", ".gz", ".tar", ".pdf", "no-latex"]
"""The cache suffix for the file, or "no-latex" (gzipped PostScript or PDF): use the PDF URL."""

_HEAD_BYTES = 4096


def sniff_eprint(path: Path, shown_as: str) -> EprintKind:
    """The kind of the downloaded file; SourceError when it is none that eqlens can read."""
    with path.open("rb") as stream:
        head = stream.read(_HEAD_BYTES)
    if head.startswith(b"%PDF"):
        return ".pdf"
    if head.startswith(b"\x1f\x8b"):
        inner = _gunzip_head(path, shown_as)
        if _is_tar_header(inner):
            return ".tar.gz"
        if inner.lstrip().startswith((b"%!PS", b"%PDF")):
            return "no-latex"
        return ".gz"
    if _is_tar_header(head):
        return ".tar"
    raise SourceError(f"arXiv sent {shown_as} as something that is neither LaTeX source nor "
                      "a PDF")


def _gunzip_head(path: Path, shown_as: str) -> bytes:
    try:
        with gzip.open(path, "rb") as stream:
            return stream.read(_HEAD_BYTES)
    except (OSError, EOFError, zlib.error) as err:
        raise SourceError(f"the download of {shown_as} is damaged (bad gzip data)") from err


def _is_tar_header(block: bytes) -> bool:
    """True when the first 512 bytes are a tar header with a valid checksum."""
    if len(block) < tarfile.BLOCKSIZE:
        return False
    try:
        tarfile.TarInfo.frombuf(block[: tarfile.BLOCKSIZE], "utf-8", "surrogateescape")
    except tarfile.HeaderError:
        return False
    return True
