"""The reader as a user drives it: first paint, j/k, outline, jump dialog, palette, help, theme."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Static

from reader.tui import EqlensApp
from reader.tui.dialogs import ErrorDialog, InputDialog
from reader.tui.screens import HelpScreen
from reader.tui.widgets import DocumentView, EquationView, Outline, PatternList
from tests.tui.conftest import WaitForWorkers, run_palette
from tests.tui.screen_text import shown


async def answer(pilot: Pilot, text: object) -> None:
    """Fill the open dialog's input at once (typing a long path key by key is slow) and submit."""
    pilot.app.screen.query_one(Input).value = str(text)
    await pilot.press("enter")


def inspector_title(app: EqlensApp) -> str:
    return shown(app.screen.query_one("#inspector-title", Static))


async def test_opens_on_the_paper_and_j_selects_the_first_equation(
        reader_app: EqlensApp, wait_for_workers: WaitForWorkers) -> None:
    async with reader_app.run_test(size=(160, 48)) as pilot:
        screen = await wait_for_workers(pilot)
        assert "A Field Guide" in shown(screen.query_one("#paper-title", Static))
        assert inspector_title(reader_app).startswith("No equation selected yet. Press j")
        assert not screen.query_one("#inspector-body").display
        await pilot.press("j")
        assert inspector_title(reader_app).startswith("(1)  ·  eq:loglik")
        assert "Log-likelihood" in shown(screen.query_one(PatternList))
        view = screen.query_one("#view-eq-6", EquationView)
        assert view.selected and "(1)" in shown(view) and view.region.height >= 3


async def test_j_and_k_move_between_equations(reader_app: EqlensApp,
                                              wait_for_workers: WaitForWorkers) -> None:
    async with reader_app.run_test(size=(160, 48)) as pilot:
        screen = await wait_for_workers(pilot)
        await pilot.press("j", "j")
        assert inspector_title(reader_app).startswith("(2)  ·  eq:nll")
        await pilot.press("j", "j")
        assert "Expectation" in shown(screen.query_one(PatternList))
        await pilot.press("k", "k", "k")
        assert inspector_title(reader_app).startswith("(1)")
        assert screen.query_one(Outline).highlighted_option.id == "eq-6"


async def test_outline_entries_carry_pattern_badges_and_jump(
        reader_app: EqlensApp, wait_for_workers: WaitForWorkers) -> None:
    async with reader_app.run_test(size=(160, 48)) as pilot:
        screen = await wait_for_workers(pilot)
        outline = screen.query_one(Outline)
        elbo = outline.get_option("eq-49")
        assert "(10) elbo" in elbo.prompt.plain and "kl divergence" in elbo.prompt.plain
        outline.focus()
        outline.highlighted = outline.get_option_index("eq-49")
        await pilot.press("enter")
        assert inspector_title(reader_app).startswith("(10)  ·  eq:elbo")


async def test_g_jumps_by_number_or_label(reader_app: EqlensApp,
                                          wait_for_workers: WaitForWorkers) -> None:
    async with reader_app.run_test(size=(80, 24)) as pilot:
        await wait_for_workers(pilot)
        await pilot.press("g")
        assert isinstance(reader_app.screen, InputDialog)
        await pilot.press(*"eq:elbo", "enter")
        assert inspector_title(reader_app).startswith("(10)")
        await pilot.press("g", "1", "2", "enter")
        assert inspector_title(reader_app).startswith("(12)")
        await pilot.press("g", "9", "9", "enter")
        assert inspector_title(reader_app).startswith("(12)")


async def test_palette_jumps_to_an_equation(reader_app: EqlensApp,
                                            wait_for_workers: WaitForWorkers) -> None:
    async with reader_app.run_test(size=(120, 40)) as pilot:
        await wait_for_workers(pilot)
        await run_palette(pilot, "jump ddpm-loss")
        assert "eq:ddpm-loss" in inspector_title(reader_app)


async def test_help_opens_and_closes(reader_app: EqlensApp,
                                     wait_for_workers: WaitForWorkers) -> None:
    async with reader_app.run_test(size=(80, 24)) as pilot:
        await wait_for_workers(pilot)
        await pilot.press("question_mark")
        assert isinstance(reader_app.screen, HelpScreen)
        markdown = reader_app.screen.query_one("Markdown")
        assert "run the demo of the selected pattern" in markdown.source
        await pilot.press("escape")
        assert not isinstance(reader_app.screen, HelpScreen)


async def test_t_toggles_light_and_dark(reader_app: EqlensApp,
                                        wait_for_workers: WaitForWorkers) -> None:
    async with reader_app.run_test(size=(80, 24)) as pilot:
        await wait_for_workers(pilot)
        dark = reader_app.current_theme.dark
        await pilot.press("t")
        assert reader_app.current_theme.dark is not dark
        await pilot.press("t")
        assert reader_app.current_theme.dark is dark


async def test_c_copies_the_latex(reader_app: EqlensApp,
                                  wait_for_workers: WaitForWorkers) -> None:
    async with reader_app.run_test(size=(80, 24)) as pilot:
        await wait_for_workers(pilot)
        await pilot.press("j", "c")
        assert reader_app.clipboard.startswith(r"\ell(\theta)")


async def test_narrow_terminal_hides_the_outline_until_asked(
        reader_app: EqlensApp, wait_for_workers: WaitForWorkers) -> None:
    async with reader_app.run_test(size=(80, 24)) as pilot:
        screen = await wait_for_workers(pilot)
        outline, inspector = screen.query_one(Outline), screen.query_one("#inspector")
        assert not outline.display and inspector.region.y > screen.query_one(
            DocumentView).region.y
        await pilot.press("o")
        assert outline.display and outline.region.width > 0
        await pilot.press("i")
        assert not inspector.display


async def test_a_file_that_cannot_be_read_is_a_one_line_dialog(tmp_path: Path) -> None:
    binary = tmp_path / "garbage.tex"
    binary.write_bytes(bytes(range(256)) * 4)
    app = EqlensApp(str(binary))
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ErrorDialog)
        message = shown(app.screen.query_one("#error-message"))
        assert "garbage.tex" in message and "\n" not in message.strip()
        await pilot.press("enter")
        await pilot.pause()
    assert app.return_code == 1 and app.failure == message


async def test_palette_opens_another_paper_and_a_bad_one_leads_back(
        reader_app: EqlensApp, wait_for_workers: WaitForWorkers, tmp_path: Path) -> None:
    small = tmp_path / "small.tex"
    small.write_text("\\documentclass{article}\\title{Small}\\begin{document}\\section{One}\n"
                     "\\begin{equation}\\|y - x\\|^2 \\label{eq:sq}\\end{equation}\n"
                     "\\end{document}\n")
    garbage = tmp_path / "garbage.tex"
    garbage.write_bytes(bytes(range(256)) * 4)
    async with reader_app.run_test(size=(120, 40)) as pilot:
        first = await wait_for_workers(pilot)
        await run_palette(pilot, "open paper")
        await answer(pilot, tmp_path / "missing.tex")
        assert isinstance(reader_app.screen, ErrorDialog)
        await pilot.press("enter")
        await run_palette(pilot, "open paper")
        await answer(pilot, small)
        second = await wait_for_workers(pilot)
        assert second is not first and second.reading.paper.title == "Small"
        await run_palette(pilot, "open paper")
        await answer(pilot, garbage)
        await reader_app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(reader_app.screen, ErrorDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert reader_app.screen is second and reader_app.return_code is None
