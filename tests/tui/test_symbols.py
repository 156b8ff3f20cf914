"""Symbols: hover lights every occurrence and explains it; h/l, enter and clicks pin."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Static

from reader.tui import EqlensApp
from reader.tui.screens import ReaderScreen
from reader.tui.widgets import EquationView, SymbolCard, SymbolTable
from tests.tui.conftest import WaitForWorkers
from tests.tui.screen_text import shown


def cell_of(view: EquationView, latex: str) -> tuple[int, int]:
    """Widget offset of the first drawn region whose LaTeX is exactly ``latex``."""
    for region in view.picture().regions:
        start, end = region.span
        if view.equation.latex[start:end] == latex:
            row, col, _ = region.cells[0]
            return view.offset_of(row, col)
    raise AssertionError(f"{latex!r} is not drawn in {view.equation.id}")


def lit(view: EquationView) -> str:
    """The characters the drawing currently paints in the symbol highlight."""
    style = view.get_visual_style("equation-view--symbol", partial=True)
    drawn = view.render()
    return "".join(drawn.plain[s.start:s.end] for s in drawn.spans if s.style == style)


async def ddpm(pilot: Pilot,
               wait_for_workers: WaitForWorkers) -> tuple[ReaderScreen, EquationView]:
    """Settle, then jump to the diffusion loss (ε, ε_θ, ᾱₜ: symbols worth hovering)."""
    screen = await wait_for_workers(pilot)
    await pilot.press("g", *"ddpm-loss", "enter")
    await pilot.pause()
    return screen, screen.query_one("#view-eq-103", EquationView)


async def test_hover_lights_every_occurrence_and_explains_it(
        reader_app: EqlensApp, wait_for_workers: WaitForWorkers) -> None:
    reader_app.TOOLTIP_DELAY = 0.05
    async with reader_app.run_test(size=(160, 48), tooltips=True) as pilot:
        screen, view = await ddpm(pilot, wait_for_workers)
        await pilot.hover(view, offset=cell_of(view, r"\bm{\epsilon}"))
        await pilot.pause(0.3)
        assert lit(view) == "𝛆𝛆𝛆"  # the three plain ε; ε_θ is another symbol
        card = screen.query_one(SymbolCard)
        assert card.display and "noise sample (epsilon)" in shown(card)
        tooltip = screen.query_one("#textual-tooltip", Static)
        assert tooltip.display and shown(tooltip) == "ε: noise sample (epsilon)"
        await pilot.hover("Header")
        await pilot.pause()
        assert lit(view) == "" and not screen.query_one("#symbol-section").display


async def test_hovering_a_subscript_explains_the_subscript(
        reader_app: EqlensApp, wait_for_workers: WaitForWorkers) -> None:
    async with reader_app.run_test(size=(160, 48)) as pilot:
        screen, view = await ddpm(pilot, wait_for_workers)
        await pilot.hover(view, offset=cell_of(view, r"\theta"))
        assert "model parameters" in shown(screen.query_one(SymbolCard))


async def test_h_and_l_step_through_symbols_and_enter_pins(
        reader_app: EqlensApp, wait_for_workers: WaitForWorkers) -> None:
    async with reader_app.run_test(size=(160, 48)) as pilot:
        screen, view = await ddpm(pilot, wait_for_workers)
        await pilot.press("l", "l")
        assert view.symbol == 1 and "▶ θ" in shown(screen.query_one(SymbolTable))
        await pilot.press("h")
        assert "▶ ℒ" in shown(screen.query_one(SymbolTable))
        await pilot.press("enter")
        assert "[pinned]" in shown(screen.query_one(SymbolCard))
        await pilot.hover(view, offset=cell_of(view, r"\bm{\epsilon}"))
        assert view.symbol == 0 and "loss" in shown(screen.query_one(SymbolCard))
        await pilot.press("escape")
        assert "[pinned]" not in shown(screen.query_one(SymbolCard))


async def test_clicking_a_symbol_pins_it(reader_app: EqlensApp,
                                         wait_for_workers: WaitForWorkers) -> None:
    async with reader_app.run_test(size=(160, 48)) as pilot:
        screen, view = await ddpm(pilot, wait_for_workers)
        await pilot.click(view, offset=cell_of(view, r"\alpha"))
        card = shown(screen.query_one(SymbolCard))
        assert "noise schedule" in card and "[pinned]" in card
        await pilot.hover("Header")
        assert "noise schedule" in shown(screen.query_one(SymbolCard))


async def test_hovering_another_equation_explains_without_selecting_it(
        reader_app: EqlensApp, wait_for_workers: WaitForWorkers) -> None:
    async with reader_app.run_test(size=(160, 48)) as pilot:
        screen, view = await ddpm(pilot, wait_for_workers)
        other = screen.query_one("#view-eq-95", EquationView)  # attention, just above
        await pilot.hover(other, offset=cell_of(other, r"\operatorname{softmax}"))
        assert screen.panes.selected == "eq-103"
        assert "softmax" in shown(screen.query_one(SymbolCard)).casefold()


async def test_p_moves_the_tint_to_the_next_pattern(reader_app: EqlensApp,
                                                    wait_for_workers: WaitForWorkers) -> None:
    async with reader_app.run_test(size=(160, 48)) as pilot:
        screen, view = await ddpm(pilot, wait_for_workers)
        assert view.pattern == 0
        await pilot.press("p")
        assert view.pattern == 1
        patterns = shown(screen.query_one("#pattern-list"))
        second = view.annotated.patterns[1].name
        assert f"▶ {second}" in patterns
