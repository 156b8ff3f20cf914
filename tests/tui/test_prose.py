"""Prose shows inline math as Unicode, and a click on "(2)" jumps to equation 2."""

from __future__ import annotations

import pytest
from textual.widgets import Static

import reader.commands
from reader.tui import EqlensApp
from reader.tui.widgets import ProseBlock
from tests.tui.conftest import WaitForWorkers
from tests.tui.screen_text import shown
from tests.tui.tiny_paper import TINY


@pytest.fixture
def tiny_app(monkeypatch: pytest.MonkeyPatch) -> EqlensApp:
    monkeypatch.setattr(reader.commands, "load_paper", lambda source: TINY)
    return EqlensApp("tiny.tex")


async def test_inline_math_reads_as_unicode(tiny_app: EqlensApp,
                                            wait_for_workers: WaitForWorkers) -> None:
    async with tiny_app.run_test(size=(80, 24)) as pilot:
        screen = await wait_for_workers(pilot)
        prose = shown(screen.query_one(ProseBlock))
        assert prose == "The mean x̄ in (2) is not the loss (1)."


async def test_clicking_a_reference_jumps_to_its_equation(
        tiny_app: EqlensApp, wait_for_workers: WaitForWorkers) -> None:
    async with tiny_app.run_test(size=(80, 24)) as pilot:
        screen = await wait_for_workers(pilot)
        assert screen.panes.selected is None
        prose = screen.query_one(ProseBlock)
        column = shown(prose).index("(2)")
        await pilot.click(prose, offset=(column + 1, 0))
        assert screen.panes.selected == "eq-2"
        title = shown(screen.query_one("#inspector-title", Static))
        assert title.startswith("(2)  ·  eq:mean")
