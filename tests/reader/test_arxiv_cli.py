"""``eqlens annotate/open ARXIV_ID`` as a user runs them, against a local stand-in for arXiv."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

import reader.sources.pdf
import reader.tui
from reader.cli import main
from reader.commands import load_paper
from reader.model import Equation, Paper
from tests.reader.arxiv_server import (
    FIXTURES,
    PAPER_TITLE,
    Route,
    paper_tarball,
    pdf_bytes,
    tarball,
)

pytestmark = pytest.mark.network_local

ID = "2006.11239"


@pytest.fixture
def pdf_calls(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Stand in for the PDF loader: record the file it is given, return a tiny paper."""
    calls: list[Path] = []

    def fake_load_pdf(path):
        calls.append(Path(path))
        eq = Equation(id="eq-1", latex=r"\|y - \hat{y}\|^2", display=True, number="1", page=1)
        return Paper(title="A PDF Paper", source="pdf", path=str(path), equations=(eq,))

    monkeypatch.setattr(reader.sources.pdf, "load_pdf", fake_load_pdf)
    return calls


def test_annotate_an_arxiv_id_prints_its_equations(server, cache, capsys):
    server.routes[f"/e-print/{ID}"] = Route(paper_tarball())
    assert main(["annotate", ID, "--format", "text"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith(PAPER_TITLE)
    assert "(1)  L(θ) = 𝔼_(t, x₀, ε)[‖ε − ε_θ(xₜ, t)‖²]    [eq:loss]" in out
    assert "Squared error" in out and "[eq:kl]" in out
    assert err == ""  # no progress bar when stderr is not a terminal
    assert (cache / "arxiv" / ID / f"{ID}.tar.gz").is_file()


def test_the_second_run_works_offline(server, capsys):
    server.routes[f"/e-print/{ID}"] = Route(paper_tarball())
    assert main(["annotate", ID, "--format", "text"]) == 0
    first = capsys.readouterr().out
    server.stop()
    assert main(["annotate", f"https://arxiv.org/abs/{ID}", "--format", "text"]) == 0
    out, err = capsys.readouterr()
    assert out == first and err == ""
    assert server.paths == [f"/e-print/{ID}"]


def test_json_names_the_arxiv_id_and_the_cached_file(server, cache, capsys):
    server.routes[f"/e-print/{ID}v2"] = Route(paper_tarball())
    assert main(["annotate", f"arXiv:{ID}v2", "--format", "json"]) == 0
    paper = json.loads(capsys.readouterr().out)["paper"]
    assert paper["arxiv_id"] == ID
    assert paper["path"] == str(cache / "arxiv" / ID / f"{ID}v2.tar.gz")
    assert paper["source"] == "latex" and paper["title"] == PAPER_TITLE


def test_open_print_reads_an_arxiv_id_too(server, capsys):
    server.routes[f"/e-print/{ID}"] = Route(paper_tarball())
    assert main(["open", ID, "--print"]) == 0
    assert capsys.readouterr().out.startswith(PAPER_TITLE)


@pytest.mark.parametrize("status", [500, 502])
def test_a_network_failure_is_one_line_and_exit_1(server, capsys, status):
    server.routes[f"/e-print/{ID}"] = Route(b"down", status=status)
    assert main(["annotate", ID, "--format", "text"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"eqlens: cannot download arXiv {ID}: arXiv answered HTTP {status}")
    assert f"{server.url}/e-print/{ID} and run eqlens open FILE" in err


def test_no_connection_at_all_is_one_line_and_exit_1(server, capsys):
    server.stop()
    assert main(["annotate", ID, "--format", "text"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"eqlens: cannot download arXiv {ID}: ")
    assert "check the connection" in err


def test_a_hanging_server_times_out_with_one_line(server, capsys, monkeypatch):
    monkeypatch.setattr("reader.limits.DOWNLOAD_TIMEOUT_SECONDS", 0.3)
    server.routes[f"/e-print/{ID}"] = Route(hang=True)
    assert main(["annotate", ID, "--format", "text"]) == 1
    assert "no answer within 0.3 s" in capsys.readouterr().err


def test_pdf_flag_fetches_the_pdf_and_hands_it_to_the_pdf_reader(server, cache, capsys,
                                                                 pdf_calls):
    server.routes[f"/pdf/{ID}"] = Route(pdf_bytes())
    assert main(["annotate", ID, "--pdf", "--format", "json"]) == 0
    cached = cache / "arxiv" / ID / f"{ID}.pdf"
    assert server.paths == [f"/pdf/{ID}"]
    assert pdf_calls == [cached] and cached.read_bytes().startswith(b"%PDF")
    paper = json.loads(capsys.readouterr().out)["paper"]
    assert (paper["arxiv_id"], paper["source"], paper["warnings"]) == (ID, "pdf", [])


def test_a_paper_without_source_is_read_from_its_pdf_with_a_warning(server, capsys, pdf_calls):
    server.routes[f"/pdf/{ID}"] = Route(pdf_bytes())  # the e-print answers 404
    assert main(["annotate", ID, "--format", "text"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("A PDF Paper") and len(pdf_calls) == 1
    assert err.startswith("eqlens: warning: arXiv has no LaTeX source for this paper")


def test_the_pdf_route_works_with_the_real_pdf_reader_or_its_stub(server, cache, capsys):
    server.routes[f"/pdf/{ID}"] = Route(pdf_bytes("E = mc^2"))
    code = main(["annotate", ID, "--pdf", "--format", "text"])
    assert (cache / "arxiv" / ID / f"{ID}.pdf").is_file()
    err = capsys.readouterr().err
    assert code in (0, 1) and "Traceback" not in err
    assert code == 0 or err.count("\n") == 1


def test_a_hostile_tarball_is_refused_and_nothing_escapes(server, cache, tmp_path, capsys,
                                                         monkeypatch):
    work, scratch = tmp_path / "work" / "deep", tmp_path / "tmp"
    work.mkdir(parents=True)
    scratch.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    main_tex = (FIXTURES / "single.tex").read_bytes()
    server.routes[f"/e-print/{ID}"] = Route(tarball([("../evil", b"gotcha"),
                                                     ("main.tex", main_tex)]))
    assert main(["annotate", ID, "--format", "text"]) == 1
    err = capsys.readouterr().err
    assert err == "eqlens: The archive member '../evil' points outside the paper; refusing it.\n"
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert written == [cache / "arxiv" / ID / f"{ID}.tar.gz"]


def test_an_existing_path_wins_over_an_id(server, tmp_path, capsys, monkeypatch):
    folder = tmp_path / ID
    folder.mkdir()
    (folder / "main.tex").write_bytes((FIXTURES / "single.tex").read_bytes())
    monkeypatch.chdir(tmp_path)
    assert main(["annotate", ID, "--format", "text"]) == 0
    assert capsys.readouterr().out.startswith("A Single-File Submission")
    assert server.requests == []


def test_a_missing_file_that_is_no_id_is_still_no_such_file(server, capsys):
    assert main(["annotate", "2006.11239.tar.gz"]) == 1
    assert capsys.readouterr().err == "eqlens: 2006.11239.tar.gz: no such file or folder\n"
    assert server.requests == []


class _Tty:
    def isatty(self) -> bool:
        return True


def test_open_downloads_before_the_reader_starts_and_keeps_the_id(server, cache, monkeypatch):
    server.routes[f"/e-print/{ID}"] = Route(paper_tarball())
    opened: list[Paper] = []

    class FakeApp:
        """The reader as far as open_paper sees it: a source in, load_paper in its worker."""

        failure = None

        def __init__(self, source: str) -> None:
            self.source = source

        def run(self) -> None:
            assert server.paths == [f"/e-print/{ID}"]  # downloaded before the reader starts
            server.stop()
            opened.append(load_paper(self.source))

    monkeypatch.setattr(reader.tui, "EqlensApp", FakeApp)
    monkeypatch.setattr(sys, "stdin", _Tty())
    monkeypatch.setattr(sys, "stdout", _Tty())
    assert main(["open", f"arxiv.org/abs/{ID}"]) == 0
    (paper,) = opened
    assert paper.path == str(cache / "arxiv" / ID / f"{ID}.tar.gz")
    assert paper.arxiv_id == ID and paper.title == PAPER_TITLE


def test_open_with_pdf_hands_the_reader_the_cached_pdf(server, cache, monkeypatch, pdf_calls):
    server.routes[f"/pdf/{ID}"] = Route(pdf_bytes())
    sources: list[str] = []

    class FakeApp:
        failure = None

        def __init__(self, source: str) -> None:
            sources.append(source)

        def run(self) -> None:
            pass

    monkeypatch.setattr(reader.tui, "EqlensApp", FakeApp)
    monkeypatch.setattr(sys, "stdin", _Tty())
    monkeypatch.setattr(sys, "stdout", _Tty())
    assert main(["open", ID, "--pdf"]) == 0
    assert sources == [str(cache / "arxiv" / ID / f"{ID}.pdf")]
    assert load_paper(sources[0]).arxiv_id == ID and pdf_calls


def test_the_command_line_starts_without_the_download_machinery():
    code = ("import sys, reader.cli, reader.commands\n"
            "from reader.commands import load_paper\n"
            "load_paper(str(reader.cli.sample_paper_path()))\n"
            "print(sorted(m for m in ('urllib.request', 'platformdirs', 'http.client', "
            "'reader.sources.arxiv_fetch') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"
