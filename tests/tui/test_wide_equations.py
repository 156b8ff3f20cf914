"""An equation wider than the document scrolls sideways instead of wrapping into nonsense."""

from __future__ import annotations

import pytest

import reader.commands
from reader.model import Equation, EquationBlock, Paper
from reader.tui import EqlensApp
from reader.tui.widgets import EquationView
from tests.tui.conftest import WaitForWorkers

LONG = " + ".join(rf"\frac{{a_{{{i}}}}}{{b_{{{i}}}}}" for i in range(1, 25))
WIDE = Paper(title="Wide", source="latex", path="wide.tex",
             equations=(Equation(id="eq-1", latex=LONG, display=True, number="1"),),
             blocks=(EquationBlock("eq-1"),))


async def test_a_too_wide_equation_keeps_its_rows_and_scrolls(
        monkeypatch: pytest.MonkeyPatch, wait_for_workers: WaitForWorkers) -> None:
    monkeypatch.setattr(reader.commands, "load_paper", lambda source: WIDE)
    app = EqlensApp("wide.tex")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_workers(pilot)
        view = app.screen.query_one(EquationView)
        row = view.parent
        assert view.size.height == len(view.picture().lines)
        assert view.outer_size.width > row.size.width and row.max_scroll_x > 0
