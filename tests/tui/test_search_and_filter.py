""""/" finds text in prose and equations; the pattern filter narrows outline and j/k."""

from __future__ import annotations

from textual.widgets import Label, Static

import reader.commands
from reader.model import Heading, Paper, Paragraph
from reader.tui import EqlensApp
from reader.tui.dialogs import PatternFilterDialog
from reader.tui.widgets import DocumentView, Outline, ProseBlock, SearchBar
from tests.tui.conftest import WaitForWorkers, run_palette
from tests.tui.screen_text import screen_text, shown


async def test_slash_finds_text_and_enter_goes_to_the_next_match(
        reader_app: EqlensApp, wait_for_workers: WaitForWorkers) -> None:
    async with reader_app.run_test(size=(120, 40)) as pilot:
        screen = await wait_for_workers(pilot)
        await pilot.press("slash", *"gaussian")
        count = shown(screen.query_one("#search-count", Label))
        total = int(count.split("/")[1])
        assert count.startswith("1/") and total > 1
        document = screen.query_one(DocumentView)
        first = document.query_one(".-current-match")
        assert isinstance(first, ProseBlock) and "gaussian" in shown(first).casefold()
        await pilot.press("enter")
        assert shown(screen.query_one("#search-count", Label)) == f"2/{total}"
        assert document.query_one(".-current-match") is not first
        await pilot.press("escape")
        assert not screen.query_one(SearchBar).display
        assert not document.query(".-match")


async def test_search_reaches_equations_and_selects_them(
        reader_app: EqlensApp, wait_for_workers: WaitForWorkers) -> None:
    async with reader_app.run_test(size=(120, 40)) as pilot:
        screen = await wait_for_workers(pilot)
        await pilot.press("slash", *"ddpm-loss")
        assert "eq:ddpm-loss" in shown(screen.query_one("#inspector-title", Static))


async def test_search_with_no_match_says_so(reader_app: EqlensApp,
                                            wait_for_workers: WaitForWorkers) -> None:
    async with reader_app.run_test(size=(80, 24)) as pilot:
        screen = await wait_for_workers(pilot)
        await pilot.press("slash", *"zzzqqq")
        assert shown(screen.query_one("#search-count", Label)) == "no match"


async def test_pattern_filter_shows_only_kl_terms(reader_app: EqlensApp,
                                                  wait_for_workers: WaitForWorkers) -> None:
    async with reader_app.run_test(size=(160, 48)) as pilot:
        screen = await wait_for_workers(pilot)
        outline = screen.query_one(Outline)
        everything = outline.option_count
        await pilot.press("f")
        dialog = reader_app.screen
        assert isinstance(dialog, PatternFilterDialog)
        options = dialog.query_one("#filter-options")
        options.highlighted = options.get_option_index("pattern:kl_divergence")
        await pilot.press("enter")
        listed = [o.id for o in outline.options if o.id]
        assert 0 < len(listed) and outline.option_count < everything
        assert all(screen.reading.has_pattern(i, "pattern:kl_divergence") for i in listed)
        assert outline.border_subtitle.startswith("Kullback")
        await pilot.press("j")
        assert screen.panes.selected in listed


async def test_palette_filters_by_family_and_clears(reader_app: EqlensApp,
                                                    wait_for_workers: WaitForWorkers) -> None:
    async with reader_app.run_test(size=(120, 40)) as pilot:
        screen = await wait_for_workers(pilot)
        outline = screen.query_one(Outline)
        everything = outline.option_count
        await run_palette(pilot, "filter: family: losses")
        assert screen.filter_key == "family:losses" and outline.option_count < everything
        await run_palette(pilot, "clear pattern filter")
        assert screen.filter_key is None and outline.option_count == everything


LONG_RUN = Paper(
    title="Long run", source="latex", path="long.tex", equations=(),
    blocks=(Heading(1, "1", "Words"),
            *(Paragraph(f"Paragraph {i} says {'nothing much ' * 30}"
                        + ("but hides the needle." if i == 37 else "and ends."))
              for i in range(1, 41))),
)
"""Forty paragraphs in one run: far longer than the screen is high."""


async def test_a_run_of_paragraphs_is_one_widget_and_search_scrolls_inside_it(
        monkeypatch, wait_for_workers: WaitForWorkers) -> None:
    monkeypatch.setattr(reader.commands, "load_paper", lambda source: LONG_RUN)
    app = EqlensApp("long.tex")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await wait_for_workers(pilot)
        document = screen.query_one(DocumentView)
        [run] = document.query(ProseBlock)
        assert "Paragraph 1 says" in shown(run) and "Paragraph 40 says" in shown(run)
        await pilot.press("slash", *"needle")
        await pilot.pause()
        assert shown(screen.query_one("#search-count", Label)) == "1/1"
        on_screen = screen_text(app)
        assert "Paragraph 37 says" in on_screen and "needle" in on_screen
        assert "Paragraph 1 says" not in on_screen
