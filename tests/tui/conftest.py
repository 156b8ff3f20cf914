"""Shared set-up for the reader's TUI tests: the sample paper, a frozen cursor, worker waits."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from reader.tui import EqlensApp
from reader.tui.screens import ReaderScreen

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "reader" / "sample" / "sample.tex"

WaitForWorkers = Callable[[Pilot], Awaitable[ReaderScreen]]


@pytest.fixture(autouse=True)
def frozen_cursor(monkeypatch: pytest.MonkeyPatch) -> None:
    """A blinking cursor would make screens differ from one frame to the next."""
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)


@pytest.fixture
def reader_app() -> EqlensApp:
    """The reader on the bundled sample paper, with demos in their --quick mode."""
    return EqlensApp(str(SAMPLE), quick_demos=True)


async def settle(pilot: Pilot) -> ReaderScreen:
    """Wait until the paper is read and every equation annotated; return the reading screen."""
    app = pilot.app
    for _ in range(50):
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        if isinstance(screen, ReaderScreen) and screen.reading is not None and len(
                screen.reading.annotations) == len(screen.reading.paper.equations):
            await pilot.pause()
            return screen
    raise AssertionError("the paper was never fully annotated")


async def run_palette(pilot: Pilot, query: str) -> None:
    """Open the command palette, type ``query``, wait for the search, run the best hit."""
    await pilot.press("ctrl+p")
    pilot.app.screen.query_one(Input).value = query  # typing it key by key is slow
    await pilot.pause(0.5)  # the palette searches its providers in the background
    await pilot.press("enter")
    await pilot.pause()


@pytest.fixture
def wait_for_workers() -> WaitForWorkers:
    """``await wait_for_workers(pilot)``: load and annotate workers done, messages handled."""
    return settle
