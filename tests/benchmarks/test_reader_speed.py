"""How fast the reader is usable: first paint, and every equation annotated.

First paint is measured the way a user meets it: a fresh ``python`` process that imports the app,
opens the paper and exits right after the first frame is drawn (interpreter start included).
Target on this machine: under 0.6 s (Textual alone needs about 0.45 s).
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import sample_paper_path

FIRST_PAINT = """
import os, sys
from reader.tui import EqlensApp

async def report_first_frame(pilot):
    os.write(int(sys.argv[2]), b"painted\\n")

EqlensApp(sys.argv[1]).run(headless=True, size=(120, 40), auto_pilot=report_first_frame)
"""


def _first_paint(source: Path) -> None:
    """Spawn the reader and stop the clock when it says its first frame is on screen (the
    paper may still be loading in its worker then: that is the point of the worker)."""
    read_end, write_end = os.pipe()
    child = subprocess.Popen([sys.executable, "-c", FIRST_PAINT, str(source), str(write_end)],
                             pass_fds=(write_end,), stdout=subprocess.DEVNULL)
    os.close(write_end)
    try:
        with os.fdopen(read_end, "rb") as signal:
            assert signal.readline() == b"painted\n"
    finally:
        child.kill()
        child.wait()


def _fully_annotated(source: Path) -> int:
    from reader.tui import EqlensApp
    from reader.tui.screens import ReaderScreen

    async def run() -> int:
        app = EqlensApp(str(source))
        async with app.run_test(size=(120, 40)) as pilot:
            while True:  # the load worker hands over to the annotate worker: poll the result
                screen = app.screen
                if isinstance(screen, ReaderScreen) and screen.reading is not None and len(
                        screen.reading.annotations) == len(screen.reading.paper.equations):
                    return len(screen.reading.paper.equations)
                await pilot.pause(0.01)

    return asyncio.run(run())


def test_first_paint_sample(benchmark) -> None:
    benchmark.pedantic(_first_paint, args=(sample_paper_path(),), rounds=5, iterations=1)


def test_first_paint_largest_corpus_paper(benchmark, corpus: Path) -> None:
    benchmark.pedantic(_first_paint, args=(corpus / "latex" / "ciml-book",), rounds=3,
                       iterations=1)


def test_fully_annotated_sample(benchmark) -> None:
    count = benchmark.pedantic(_fully_annotated, args=(sample_paper_path(),), rounds=3,
                               iterations=1)
    assert count > 100


@pytest.mark.slow
def test_fully_annotated_largest_corpus_paper(benchmark, corpus: Path) -> None:
    count = benchmark.pedantic(_fully_annotated, args=(corpus / "latex" / "ciml-book",),
                               rounds=1, iterations=1)
    assert count > 4000
