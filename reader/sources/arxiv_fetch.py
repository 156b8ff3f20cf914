"""``fetch_arxiv``: an arXiv id in, a local file the loaders can read out (downloaded or cached).

The LaTeX source is what eqlens reads best, so ``/e-print/ID`` is asked first; when arXiv has no
source (HTTP 403/404, or only PostScript) the PDF is fetched instead, with a warning that its
equations are rebuilt from glyphs and less exact. ``--pdf`` asks for the PDF directly. A copy in
the cache (:mod:`reader.sources.arxiv_cache`) is used without touching the network, and when the
network fails any cached copy of the paper beats an error.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reader.errors import SourceError
from reader.sources.arxiv_cache import (
    CachedCopy,
    PaperKind,
    any_cached,
    file_stem,
    find_cached,
    mark_no_source,
    new_download,
)
from reader.sources.arxiv_http import Missing, NetworkFailure, ProgressFn, base_url, download
from reader.sources.arxiv_id import ArxivId, parse_arxiv_id
from reader.sources.eprint_sniff import sniff_eprint

__all__ = ["FetchedPaper", "fetch_arxiv"]

PDF_ONLY_WARNING = ("arXiv has no LaTeX source for this paper, so the equations come from the "
                    "PDF and are less exact.")


@dataclass(frozen=True, slots=True)
class FetchedPaper:
    """A paper ready to load from disk, and how it got there."""

    path: Path
    """The local file to load: a ``.tar.gz``/``.gz``/``.tar`` e-print or a ``.pdf``."""
    kind: PaperKind
    arxiv_id: ArxivId
    """The id as asked for (a version only if the user gave one)."""
    from_cache: bool
    """True when no download happened (offline reuse, or the network failed)."""
    warnings: tuple[str, ...] = ()
    """What the reader should know: PDF instead of LaTeX, an older copy used offline."""


def fetch_arxiv(arxiv_id: ArxivId | str, *, force_pdf: bool = False,
                progress: ProgressFn | None = None, timeout: float | None = None) -> FetchedPaper:
    """The paper as a local file; SourceError (one sentence) when it cannot be had.

    Cache policy: ``2006.11239v2`` reuses only a copy of v2; ``2006.11239`` reuses any copy of
    the paper (the one downloaded without a version first, else the newest version), so an
    unversioned id never goes online twice; ask for a version to get a newer one. ``timeout``
    bounds each network wait (default :data:`reader.limits.DOWNLOAD_TIMEOUT_SECONDS`).
    """
    arxiv = _as_id(arxiv_id)
    cached = find_cached(arxiv, force_pdf=force_pdf)
    if cached is not None:
        return _from_copy(arxiv, cached, ())
    base = base_url()
    try:
        return _download(arxiv, base, force_pdf, progress, timeout)
    except NetworkFailure as failure:
        fallback = any_cached(arxiv)
        if fallback is None:
            what, route = ("PDF", "pdf") if force_pdf else ("source", "e-print")
            raise SourceError(
                f"cannot download arXiv {arxiv}: {failure.reason}; check the connection or "
                f"download the {what} yourself from {base}/{route}/{arxiv} and run "
                "eqlens open FILE") from None
        note = (f"Could not download arXiv {arxiv} ({failure.reason}); using the copy "
                f"downloaded before, {fallback.path.name}.")
        return _from_copy(arxiv, fallback, (note,))


def _as_id(arxiv_id: ArxivId | str) -> ArxivId:
    if isinstance(arxiv_id, ArxivId):
        return arxiv_id
    parsed = parse_arxiv_id(arxiv_id)
    if parsed is None:
        raise SourceError(f"{arxiv_id!r} is not an arXiv id (e.g. 2006.11239 or hep-th/9901001)")
    return parsed


def _from_copy(arxiv: ArxivId, copy: CachedCopy, notes: tuple[str, ...]) -> FetchedPaper:
    if copy.kind == "pdf" and copy.no_source:
        notes = (*notes, PDF_ONLY_WARNING)
    return FetchedPaper(copy.path, copy.kind, arxiv, from_cache=True, warnings=notes)


def _download(arxiv: ArxivId, base: str, force_pdf: bool, progress: ProgressFn | None,
              timeout: float | None) -> FetchedPaper:
    if not force_pdf:
        eprint = _fetch_eprint(arxiv, f"{base}/e-print/{arxiv}", progress, timeout)
        if eprint is not None:
            return eprint
    path = _fetch_pdf(arxiv, f"{base}/pdf/{arxiv}", progress, timeout)
    if force_pdf:
        return FetchedPaper(path, "pdf", arxiv, from_cache=False)
    mark_no_source(arxiv)
    return FetchedPaper(path, "pdf", arxiv, from_cache=False, warnings=(PDF_ONLY_WARNING,))


def _fetch_eprint(arxiv: ArxivId, url: str, progress: ProgressFn | None,
                  timeout: float | None) -> FetchedPaper | None:
    """The e-print saved under its kind's suffix; None when arXiv has no LaTeX for the paper."""
    with new_download(arxiv) as pending:
        try:
            download(url, pending.stream, timeout=timeout, progress=progress)
        except Missing:
            return None
        pending.finish()
        kind = sniff_eprint(pending.path, f"arXiv {arxiv}")
        if kind == "no-latex":
            return None
        path = pending.publish(file_stem(arxiv) + kind)
    if kind == ".pdf":
        mark_no_source(arxiv)
        return FetchedPaper(path, "pdf", arxiv, from_cache=False, warnings=(PDF_ONLY_WARNING,))
    return FetchedPaper(path, "latex", arxiv, from_cache=False)


def _fetch_pdf(arxiv: ArxivId, url: str, progress: ProgressFn | None,
               timeout: float | None) -> Path:
    with new_download(arxiv) as pending:
        try:
            download(url, pending.stream, timeout=timeout, progress=progress)
        except Missing as missing:
            raise SourceError(f"arXiv has no paper {arxiv} (HTTP {missing.status} for {url})"
                              ) from None
        pending.finish()
        with pending.path.open("rb") as stream:
            if not stream.read(5).startswith(b"%PDF"):
                raise SourceError(f"arXiv did not send a PDF for {arxiv} (it may still be "
                                  "making it); try again later")
        return pending.publish(file_stem(arxiv) + ".pdf")
