"""Downloading arXiv papers from a local stand-in server: kinds, cache, fallbacks, failures."""

from __future__ import annotations

import gzip
import io
import time
from pathlib import Path

import pytest

from reader import limits
from reader.errors import SourceError
from reader.sources.arxiv_cache import cached_arxiv_id
from reader.sources.arxiv_fetch import fetch_arxiv
from reader.sources.arxiv_id import ArxivId
from reader.sources.download_progress import TerminalProgress, render
from reader.sources.latex import load_latex
from tests.reader.arxiv_server import (
    Route,
    paper_tarball,
    pdf_bytes,
    single_tex_gz,
)

pytestmark = pytest.mark.network_local

ID = "2006.11239"


def _files(cache: Path) -> list[str]:
    """Every file under the cache, hidden ones (partial downloads) included."""
    return sorted(p.relative_to(cache).as_posix() for p in cache.rglob("*") if p.is_file())


def test_a_tarball_is_cached_under_its_id_and_loads(server, cache):
    server.routes[f"/e-print/{ID}"] = Route(paper_tarball())
    fetched = fetch_arxiv(ID)
    assert fetched.path == cache / "arxiv" / ID / f"{ID}.tar.gz"
    assert (fetched.kind, fetched.from_cache, fetched.warnings) == ("latex", False, ())
    assert fetched.arxiv_id == ArxivId(ID)
    assert server.requests[0].user_agent.startswith("eqlens/")
    paper = load_latex(fetched.path)
    assert set(paper.labels) == {"eq:loss", "eq:kl"}
    assert _files(cache) == [f"arxiv/{ID}/{ID}.tar.gz"]


def test_the_second_fetch_needs_no_network(server, cache):
    server.routes[f"/e-print/{ID}"] = Route(paper_tarball())
    first = fetch_arxiv(ID)
    server.stop()
    again = fetch_arxiv(f"arXiv:{ID}")
    assert again.path == first.path and again.from_cache and again.warnings == ()


def test_a_gzipped_single_tex_is_cached_as_gz_and_loads(server, cache):
    server.routes[f"/e-print/{ID}v1"] = Route(single_tex_gz())
    fetched = fetch_arxiv(f"{ID}v1")
    assert fetched.path.name == f"{ID}v1.gz" and fetched.kind == "latex"
    assert "eq:softmax" in load_latex(fetched.path).labels


def test_a_pdf_only_eprint_is_the_pdf_with_a_warning(server, cache):
    server.routes[f"/e-print/{ID}"] = Route(pdf_bytes())
    fetched = fetch_arxiv(ID)
    assert fetched.path.name == f"{ID}.pdf" and fetched.kind == "pdf"
    assert fetched.path.read_bytes().startswith(b"%PDF")
    assert "equations come from the PDF" in fetched.warnings[0]
    assert server.paths == [f"/e-print/{ID}"]
    server.stop()
    again = fetch_arxiv(ID)  # offline: the PDF is known to be all there is
    assert again.from_cache and again.path == fetched.path and again.warnings == fetched.warnings


@pytest.mark.parametrize("status", [404, 403])
def test_no_source_falls_back_to_the_pdf(server, status):
    server.routes[f"/e-print/{ID}"] = Route(b"no source", status=status)
    server.routes[f"/pdf/{ID}"] = Route(pdf_bytes())
    fetched = fetch_arxiv(ID)
    assert server.paths == [f"/e-print/{ID}", f"/pdf/{ID}"]
    assert fetched.kind == "pdf" and fetched.path.suffix == ".pdf"
    assert "less exact" in fetched.warnings[0]


def test_gzipped_postscript_is_not_latex_so_the_pdf_is_used(server, cache):
    server.routes[f"/e-print/{ID}"] = Route(gzip.compress(b"%!PS-Adobe-2.0\n" + b"x" * 600))
    server.routes[f"/pdf/{ID}"] = Route(pdf_bytes())
    fetched = fetch_arxiv(ID)
    assert fetched.kind == "pdf"
    assert [p for p in _files(cache) if p.endswith((".gz", ".part"))] == []


def test_force_pdf_asks_for_the_pdf_only(server, cache):
    server.routes[f"/pdf/{ID}v2"] = Route(pdf_bytes())
    fetched = fetch_arxiv(f"{ID}v2", force_pdf=True)
    assert server.paths == [f"/pdf/{ID}v2"]
    assert (fetched.path.name, fetched.kind, fetched.warnings) == (f"{ID}v2.pdf", "pdf", ())


def test_a_pdf_from_force_pdf_does_not_stand_in_for_the_source(server):
    server.routes[f"/pdf/{ID}"] = Route(pdf_bytes())
    server.routes[f"/e-print/{ID}"] = Route(paper_tarball())
    fetch_arxiv(ID, force_pdf=True)
    assert fetch_arxiv(ID).kind == "latex"
    assert fetch_arxiv(ID, force_pdf=True).from_cache


def test_versions_are_cached_apart_and_the_bare_id_takes_any(server, cache):
    server.routes[f"/e-print/{ID}v2"] = Route(paper_tarball())
    server.routes[f"/e-print/{ID}v1"] = Route(single_tex_gz())
    assert fetch_arxiv(f"{ID}v2").path.name == f"{ID}v2.tar.gz"
    assert fetch_arxiv(f"{ID}v1").path.name == f"{ID}v1.gz"
    bare = fetch_arxiv(ID)
    assert bare.from_cache and bare.path.name == f"{ID}v2.tar.gz"  # the newest version
    assert server.paths == [f"/e-print/{ID}v2", f"/e-print/{ID}v1"]


def test_old_style_ids_keep_their_slash_out_of_file_names(server, cache):
    server.routes["/e-print/hep-th/9901001v1"] = Route(paper_tarball())
    fetched = fetch_arxiv("hep-th/9901001v1")
    assert fetched.path == cache / "arxiv" / "hep-th_9901001" / "hep-th_9901001v1.tar.gz"
    assert cached_arxiv_id(fetched.path) == ArxivId("hep-th/9901001", 1)


def test_a_cached_file_knows_its_id_and_others_do_not(server, tmp_path):
    server.routes[f"/e-print/{ID}"] = Route(paper_tarball())
    fetched = fetch_arxiv(ID)
    assert cached_arxiv_id(fetched.path) == ArxivId(ID)
    elsewhere = tmp_path / "arxiv" / ID / f"{ID}.tar.gz"
    elsewhere.parent.mkdir(parents=True)
    elsewhere.write_bytes(paper_tarball())
    assert cached_arxiv_id(elsewhere) is None


@pytest.mark.parametrize("status", [500, 503, 429])
def test_a_server_error_is_one_clear_sentence(server, cache, status):
    server.routes[f"/e-print/{ID}"] = Route(b"oops", status=status)
    with pytest.raises(SourceError) as err:
        fetch_arxiv(ID)
    message = err.value.message
    assert message.startswith(f"cannot download arXiv {ID}: arXiv answered HTTP {status}")
    assert f"{server.url}/e-print/{ID} and run eqlens open FILE" in message
    assert _files(cache) == [] and not (cache / "arxiv" / ID).exists()


def test_offline_with_another_cached_copy_uses_it_with_a_warning(server):
    server.routes[f"/e-print/{ID}"] = Route(paper_tarball())
    source = fetch_arxiv(ID)
    server.stop()
    fetched = fetch_arxiv(ID, force_pdf=True)  # no PDF cached, no network: the source will do
    assert fetched.path == source.path and fetched.from_cache
    assert fetched.warnings[0].startswith(f"Could not download arXiv {ID} (")
    assert source.path.name in fetched.warnings[0]


def test_offline_with_nothing_cached_names_the_url_to_fetch_by_hand(server):
    server.stop()
    with pytest.raises(SourceError) as err:
        fetch_arxiv(f"{ID}v1", force_pdf=True)
    assert err.value.message.startswith(f"cannot download arXiv {ID}v1: ")
    assert f"download the PDF yourself from {server.url}/pdf/{ID}v1" in err.value.message


def test_a_hanging_server_hits_the_timeout(server, cache):
    server.routes[f"/e-print/{ID}"] = Route(hang=True)
    start = time.monotonic()
    with pytest.raises(SourceError, match="no answer within 0.3 s"):
        fetch_arxiv(ID, timeout=0.3)
    assert time.monotonic() - start < 5
    assert _files(cache) == []


def test_a_download_cut_short_leaves_no_partial_file(server, cache):
    server.routes[f"/e-print/{ID}"] = Route(paper_tarball(), truncate=100)
    with pytest.raises(SourceError, match="connection closed after 100 of"):
        fetch_arxiv(ID)
    assert _files(cache) == []


def test_an_oversized_download_is_refused(server, cache, monkeypatch):
    monkeypatch.setattr(limits, "MAX_DOWNLOAD_BYTES", 1000)
    server.routes[f"/e-print/{ID}"] = Route(paper_tarball() + b"\0" * 2000)
    with pytest.raises(SourceError, match="more than eqlens accepts"):
        fetch_arxiv(ID)
    assert _files(cache) == []


def test_an_answer_that_is_no_paper_is_refused(server, cache):
    server.routes[f"/e-print/{ID}"] = Route(b"<html>Please wait</html>")
    with pytest.raises(SourceError, match="neither LaTeX source nor a PDF"):
        fetch_arxiv(ID)
    assert _files(cache) == []


def test_a_pdf_url_that_does_not_send_a_pdf_is_refused(server, cache):
    server.routes[f"/pdf/{ID}"] = Route(b"<html>being generated</html>")
    with pytest.raises(SourceError, match="did not send a PDF"):
        fetch_arxiv(ID, force_pdf=True)
    assert _files(cache) == []


def test_an_unknown_paper_says_so(server):
    with pytest.raises(SourceError, match=f"arXiv has no paper {ID} \\(HTTP 404"):
        fetch_arxiv(ID)


def test_only_http_base_urls_are_used(server, monkeypatch):
    monkeypatch.setenv("EQLENS_ARXIV_URL", "file:///etc")
    with pytest.raises(SourceError, match="EQLENS_ARXIV_URL must be an http"):
        fetch_arxiv(ID)


def test_progress_is_reported_with_the_total(server):
    body = paper_tarball()
    server.routes[f"/e-print/{ID}"] = Route(body)
    calls: list[tuple[int, int | None]] = []
    fetch_arxiv(ID, progress=lambda done, total: calls.append((done, total)))
    assert calls[0] == (0, len(body)) and calls[-1] == (len(body), len(body))


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_bar_draws_on_a_terminal_and_clears_itself():
    stream = _Terminal()
    with TerminalProgress("arXiv 2006.11239", stream) as bar:
        bar(0, 2_000_000)
        bar(2_000_000, 2_000_000)
    out = stream.getvalue()
    assert "[########################] 100%  2.0/2.0 MB" in out
    assert out.endswith("\r") and out.rstrip("\r").endswith(" ")


def test_the_progress_bar_is_silent_when_not_a_terminal():
    stream = io.StringIO()
    with TerminalProgress("arXiv 2006.11239", stream) as bar:
        bar(10, None)
    assert stream.getvalue() == ""
    assert render("x", 1_500_000, None) == "x  1.5 MB"


def test_an_unwritable_cache_is_one_sentence_naming_the_setting(server, tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache should be")
    monkeypatch.setenv("EQLENS_CACHE_DIR", str(blocker))
    server.routes[f"/e-print/{ID}"] = Route(paper_tarball())
    with pytest.raises(SourceError, match="cannot write the download cache .*EQLENS_CACHE_DIR"):
        fetch_arxiv(ID)
