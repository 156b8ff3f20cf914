"""The local copies of arXiv downloads: where they live, what they are called, how they appear.

A paper is downloaded once and then read offline, so the cache is plain files a user can inspect
or delete::

    <root>/arxiv/<id>/<id>[vN].tar.gz    the LaTeX source tarball (``.gz``: one gzipped .tex)
    <root>/arxiv/<id>/<id>[vN].pdf       the PDF (from ``--pdf``, or the only form arXiv has)
    <root>/arxiv/<id>/<id>[vN].no-source empty: arXiv has no LaTeX, so the PDF *is* the paper

``<root>`` is ``$EQLENS_CACHE_DIR`` (tests point it at a temporary folder) or the user cache of
platformdirs (``~/.cache/eqlens`` on Linux); ``/`` of old-style ids becomes ``_``. A download
without a version is stored without one: it is "the latest version on the day it was fetched".
The names end in the suffixes :func:`reader.sources.latex.load_latex` recognises, so a cached
file is also a valid ``eqlens open FILE``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from reader.atomic_files import PendingFile
from reader.errors import SourceError
from reader.sources.arxiv_id import ArxivId, parse_arxiv_id

CACHE_ENV = "EQLENS_CACHE_DIR"
"""Overrides the cache root (the folder that holds ``arxiv/``)."""

SOURCE_SUFFIXES = (".tar.gz", ".gz", ".tar")
PDF_SUFFIX = ".pdf"
NO_SOURCE_SUFFIX = ".no-source"

PaperKind = Literal["latex", "pdf"]


@dataclass(frozen=True, slots=True)
class CachedCopy:
    """One downloaded file of a paper."""

    path: Path
    kind: PaperKind
    arxiv_id: ArxivId
    """The id as the file name records it: versioned only when a version was downloaded."""
    no_source: bool
    """arXiv had no LaTeX for this download, so a PDF here answers a request for the source."""


def cache_root() -> Path:
    """``$EQLENS_CACHE_DIR``, else the platform's user cache folder for eqlens."""
    if configured := os.environ.get(CACHE_ENV):
        return Path(configured).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("eqlens"))


def paper_folder(arxiv: ArxivId) -> Path:
    """The folder holding every downloaded copy of this paper, all versions."""
    return cache_root() / "arxiv" / _safe(arxiv.id)


def file_stem(arxiv: ArxivId) -> str:
    """The file name without suffix for this download (version included when asked for)."""
    return _safe(arxiv.versioned)


def find_cached(arxiv: ArxivId, *, force_pdf: bool) -> CachedCopy | None:
    """The copy that answers this request without the network, or None.

    A versioned id takes only that version; an unversioned one takes any copy of the paper,
    the unversioned download first, then the highest version. ``--pdf`` takes only a PDF; a
    source request takes LaTeX, or a PDF known to be all arXiv has.
    """
    for copy in _copies(arxiv, exact=arxiv.version is not None):
        if force_pdf:
            usable = copy.kind == "pdf"
        else:
            usable = copy.kind == "latex" or copy.no_source
        if usable:
            return copy
    return None


def any_cached(arxiv: ArxivId) -> CachedCopy | None:
    """Any copy of the paper at all: offline, a near answer beats none (the caller warns)."""
    exact = _copies(arxiv, exact=True)
    return next(iter(exact or _copies(arxiv, exact=False)), None)


def mark_no_source(arxiv: ArxivId) -> None:
    """Remember that arXiv has no LaTeX for this paper, so the PDF is reused next time."""
    try:
        (paper_folder(arxiv) / f"{file_stem(arxiv)}{NO_SOURCE_SUFFIX}").touch()
    except OSError:
        pass  # without the marker the next run just asks arXiv again


@contextmanager
def new_download(arxiv: ArxivId) -> Iterator[PendingFile]:
    """A file being written in the paper's cache folder; gone on exit unless published.

    A failed first download of a paper leaves no empty folder behind either.
    """
    folder = paper_folder(arxiv)
    try:
        pending = PendingFile.create(folder)
    except OSError as err:
        raise _unwritable(folder, err) from err
    try:
        yield pending
    except OSError as err:  # the network's own errors are NetworkFailure by now: this is disk
        raise _unwritable(folder, err) from err
    finally:
        pending.discard()
        with suppress(OSError):
            folder.rmdir()  # only succeeds when empty


def _unwritable(folder: Path, err: OSError) -> SourceError:
    return SourceError(f"cannot write the download cache {folder}: {err.strerror or err}; "
                       f"set {CACHE_ENV} to a writable folder")


def cached_arxiv_id(path: Path) -> ArxivId | None:
    """The paper a file in the cache holds (from its name), or None for any other file.

    The reader is handed the cached file rather than the id, so this is how the paper it opens
    still knows its arXiv id.
    """
    if path.parent.parent.name != "arxiv":
        return None
    try:
        if path.resolve().parent.parent != (cache_root() / "arxiv").resolve():
            return None
    except OSError:
        return None
    copy = _parse_name(path)
    return copy.arxiv_id if copy else None


def _copies(arxiv: ArxivId, *, exact: bool) -> list[CachedCopy]:
    """Copies of the paper, best first: unversioned, then newest version; LaTeX before PDF."""
    folder = paper_folder(arxiv)
    try:
        files = sorted(folder.iterdir()) if folder.is_dir() else []
    except OSError:
        return []
    copies = [c for c in map(_parse_name, files) if c and c.arxiv_id.id == arxiv.id]
    if exact:
        copies = [c for c in copies if c.arxiv_id.version == arxiv.version]
    return sorted(copies, key=lambda c: (-(c.arxiv_id.version or 1_000_000), c.kind != "latex"))


def _parse_name(path: Path) -> CachedCopy | None:
    name = path.name
    for suffix in (*SOURCE_SUFFIXES, PDF_SUFFIX):
        if name.endswith(suffix) and not name.startswith("."):
            stem = name[: -len(suffix)]
            arxiv = parse_arxiv_id(stem.replace("_", "/"))
            if arxiv is None or _safe(arxiv.versioned) != stem:
                return None
            kind: PaperKind = "pdf" if suffix == PDF_SUFFIX else "latex"
            marker = path.with_name(f"{stem}{NO_SOURCE_SUFFIX}")
            return CachedCopy(path, kind, arxiv, marker.exists())
    return None


def _safe(versioned: str) -> str:
    return versioned.replace("/", "_")
