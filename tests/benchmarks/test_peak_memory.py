"""Peak memory opening the largest corpus paper (ciml-book, about 4,200 equations), without torch.

Target: under 150 MB of peak RSS; recorded in ``extra_info``, never asserted. Each measurement
is a fresh ``python`` child, so interpreter start and every import count and nothing the pytest
process holds does. The child reports its own ``VmHWM`` (the high-water RSS of its address
space) rather than the parent reading ``ru_maxrss`` of the child: ``ru_maxrss`` keeps the
high-water mark of the memory the child was forked with, so from a pytest process of 500 MB an
empty ``python -c pass`` child reads 510 MB (its own VmHWM: 9 MB). Where ``/proc`` is missing
the child falls back to its ``ru_maxrss``, which may carry that inflation.

The child also reports whether ``torch`` was imported: opening a paper must never pull it in
(only a demo may), and that one fact is asserted.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAPER = Path("latex") / "ciml-book"
TARGET_MB = 150

REPORT = """
import json, resource, sys

def report(path, **facts):
    try:
        status = open("/proc/self/status").read()
        kb = int(status.split("VmHWM:")[1].split()[0])
    except (OSError, IndexError):
        kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    facts.update(peak_mb=kb / 1024, torch="torch" in sys.modules)
    with open(path, "w") as out:
        json.dump(facts, out)
"""

ANNOTATE = REPORT + """
from reader.cli import main

code = main(["annotate", sys.argv[2], "--format", sys.argv[3], "-o", sys.argv[4]])
report(sys.argv[1], exit_code=code)
"""

READER = REPORT + """
import asyncio
from reader.tui import EqlensApp
from reader.tui.screens import ReaderScreen

async def fully_annotated(source):
    app = EqlensApp(source)
    async with app.run_test(size=(120, 40)) as pilot:
        while True:  # the load worker hands over to the annotate worker: poll the result
            reading = getattr(app.screen, "reading", None)
            if isinstance(app.screen, ReaderScreen) and reading is not None and len(
                    reading.annotations) == len(reading.paper.equations):
                return len(reading.paper.equations)
            await pilot.pause(0.01)

report(sys.argv[1], equations=asyncio.run(fully_annotated(sys.argv[2])))
"""


def _child(code: str, *args: str, work: Path) -> dict:
    """Run ``code`` in a fresh interpreter; what it reported about itself."""
    facts = work / "facts.json"
    facts.unlink(missing_ok=True)
    subprocess.run([sys.executable, "-c", code, str(facts), *args], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    return json.loads(facts.read_text())


def _record(benchmark, facts: dict) -> None:
    benchmark.extra_info["peak_mb"] = round(facts["peak_mb"], 1)
    benchmark.extra_info["target_mb"] = TARGET_MB
    benchmark.extra_info["torch_imported"] = facts["torch"]
    assert not facts["torch"], "opening a paper imported torch"


@pytest.mark.corpus
@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["text", "md", "json", "html"])
def test_annotate_peak_memory(benchmark, corpus: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out.{fmt}"
    facts = benchmark.pedantic(_child, args=(ANNOTATE, str(corpus / PAPER), fmt, str(out)),
                               kwargs={"work": tmp_path}, rounds=1, iterations=1)
    _record(benchmark, facts)
    benchmark.extra_info["output_kb"] = round(out.stat().st_size / 1024)
    assert facts["exit_code"] == 0


@pytest.mark.corpus
@pytest.mark.slow
def test_reader_peak_memory(benchmark, corpus: Path, tmp_path: Path) -> None:
    facts = benchmark.pedantic(_child, args=(READER, str(corpus / PAPER)),
                               kwargs={"work": tmp_path}, rounds=1, iterations=1)
    _record(benchmark, facts)
    benchmark.extra_info["equations"] = facts["equations"]
    assert facts["equations"] > 4000
