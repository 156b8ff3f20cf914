"""eqlens beside a peer: LaTeXML converting the Transformer source, timed in the same run.

LaTeXML (Debian ``latexml``) is the usual LaTeX-to-XML converter that parses math: it reads the
whole paper, expands its macros and parses every formula, the work eqlens does before it
recognises patterns and links symbols. The target is eqlens at least 50 times faster on this
paper; the ratio is recorded, never asserted.

LaTeXML runs as ``latexml --quiet --includestyles --nocomments --log=LOG --destination=OUT
ms.tex`` in a temporary copy of the folder (it writes beside the source), copied outside the
clock. ``--includestyles`` lets it read the paper's own ``nips_2017.sty`` as TeX would (without
it the style is a missing file); ``--nocomments`` only drops source-position comments from the
XML; math parsing stays on (no ``--noparse``), since eqlens parses every equation too. No
``latexmlpost`` (HTML, MathML) runs: the XML is LaTeXML's cheapest complete result. A peer run
that fails (exit code, no XML, no math in it) is a failure here, not a comparison.

Both sides also start a fresh process (Perl and its bindings; Python and eqlens's imports), so
``extra_info`` gives two ratios: LaTeXML against eqlens in a warm process (``ratio``) and against
a fresh ``eqlens annotate --format json`` (``ratio_fresh_process``), the like-for-like one.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from reader.cli import sample_paper_path
from reader.pipeline import annotate
from reader.sources.latex import load_latex
from reader.sources.latex_files import find_main_file

ROOT = Path(__file__).resolve().parents[2]
PAPER = Path("latex") / "transformer"
FLAGS = ("--quiet", "--includestyles", "--nocomments")
TARGET_RATIO = 50
CLI = "import sys; from reader.cli import main; sys.exit(main())"


@pytest.fixture(scope="module")
def latexml_seconds() -> dict[str, float]:
    """LaTeXML's time, kept by whichever test runs it first, so one run serves both rows."""
    return {}


def _latexml() -> str:
    found = shutil.which("latexml")
    if found is None:
        pytest.skip("latexml is not installed (Debian: apt install latexml)")
    return found


def _prepare(folder: Path, work: Path) -> tuple[tuple[list[str]], dict]:
    """A fresh copy of the paper (untimed) and the LaTeXML command for it."""
    shutil.rmtree(work, ignore_errors=True)
    copy = shutil.copytree(folder, work / folder.name)
    main = find_main_file(copy)
    argv = [_latexml(), *FLAGS, f"--log={work / 'latexml.log'}",
            f"--destination={work / 'out.xml'}", main.name]
    return (argv,), {"cwd": main.parent, "capture_output": True, "text": True}


def _convert(argv: list[str], **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, check=False, **kwargs)


def _checked(done: subprocess.CompletedProcess[str], work: Path) -> dict[str, object]:
    """What LaTeXML produced; fails the test when the conversion did not succeed."""
    out = work / "out.xml"
    assert done.returncode == 0, done.stderr[-2000:]
    assert out.is_file() and out.stat().st_size > 0, "LaTeXML wrote no XML"
    tags = [element.tag.rpartition("}")[2] for element in ET.parse(out).iter()]
    assert tags.count("Math") > 0, "LaTeXML's XML holds no math"
    log = (work / "latexml.log").read_text(errors="replace").splitlines()
    summary = next((line for line in reversed(log) if "Conversion complete" in line), "")
    assert summary, "LaTeXML did not report a complete conversion"
    return {"math_elements": tags.count("Math"), "equation_elements": tags.count("equation"),
            "latexml_summary": summary.strip()}


def _run_latexml(corpus: Path, work: Path) -> float:
    args, kwargs = _prepare(corpus / PAPER, work)
    started = time.perf_counter()
    _checked(_convert(*args, **kwargs), work)
    return time.perf_counter() - started


def _annotate(path: Path) -> int:
    return len(annotate(load_latex(path)).equations)


def _fresh_process(folder: Path, work: Path, runs: int = 3) -> float:
    """Median wall time of ``eqlens annotate FOLDER --format json`` in a new interpreter."""
    argv = [sys.executable, "-c", CLI, "annotate", str(folder), "--format", "json",
            "-o", str(work / "eqlens.json")]
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(argv, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


@pytest.mark.corpus
@pytest.mark.slow
def test_latexml_transformer(benchmark, corpus: Path, tmp_path: Path,
                             latexml_seconds: dict[str, float]) -> None:
    _latexml()
    done = benchmark.pedantic(_convert, setup=lambda: _prepare(corpus / PAPER, tmp_path),
                              rounds=1, iterations=1)
    benchmark.extra_info.update(_checked(done, tmp_path))
    benchmark.extra_info["command"] = " ".join(["latexml", *FLAGS, "--destination=OUT.xml",
                                                find_main_file(corpus / PAPER).name])
    latexml_seconds["seconds"] = benchmark.stats.stats.mean


@pytest.mark.corpus
@pytest.mark.slow
def test_eqlens_transformer_vs_latexml(benchmark, corpus: Path, tmp_path: Path,
                                       latexml_seconds: dict[str, float]) -> None:
    _latexml()
    folder = corpus / PAPER
    _annotate(sample_paper_path())  # catalogue and glossary loaded outside the clock
    count = benchmark.pedantic(_annotate, args=(folder,), rounds=5, iterations=1)
    peer = latexml_seconds.get("seconds") or _run_latexml(corpus, tmp_path / "latexml")
    fresh = _fresh_process(folder, tmp_path)
    mean = benchmark.stats.stats.mean
    benchmark.extra_info.update({
        "equations": count, "latexml_s": round(peer, 2), "fresh_process_s": round(fresh, 3),
        "ratio": round(peer / mean, 1), "ratio_fresh_process": round(peer / fresh, 1),
        "target_ratio": TARGET_RATIO,
    })
    assert count > 0
