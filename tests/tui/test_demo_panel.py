""""d" runs the selected pattern's demo out of process, streams it, and can be stopped."""

from __future__ import annotations

import sys

import pytest
from textual.message import Message
from textual.notifications import Notify
from textual.pilot import Pilot
from textual.widgets import RichLog, Static

from reader.tui import EqlensApp, demo_process
from reader.tui.widgets import DemoPanel
from tests.tui.conftest import WaitForWorkers
from tests.tui.screen_text import shown


def log_text(app: EqlensApp) -> str:
    return "\n".join(line.text for line in app.screen.query_one(RichLog).lines)


def notifications(messages: list[Message]) -> list[tuple[str, str]]:
    """(severity, text) of every notification the reader posted."""
    return [(m.notification.severity, m.notification.message)
            for m in messages if isinstance(m, Notify)]


def fake_demo(monkeypatch: pytest.MonkeyPatch, code: str) -> None:
    """Run ``code`` instead of the real demo, to provoke exits the real ones rarely make."""
    monkeypatch.setattr(demo_process, "demo_command",
                        lambda *args, **kwargs: [sys.executable, "-c", code])


async def wait_for_demo(pilot: Pilot) -> None:
    panel = pilot.app.screen.query_one(DemoPanel)
    for _ in range(200):
        await pilot.pause(0.05)
        if not panel.running:
            break
    await pilot.pause()


async def test_d_streams_the_demo_and_reports_completion(
        reader_app: EqlensApp, wait_for_workers: WaitForWorkers) -> None:
    messages: list[Message] = []
    async with reader_app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await wait_for_workers(pilot)
        await pilot.press("g", *"ddpm-loss", "enter")
        reader_app.screen.query_one("#view-eq-103").pattern = next(
            i for i, hit in enumerate(reader_app.screen.panes.selected_view().annotated.patterns)
            if hit.id == "squared_error")
        await pilot.press("d")
        panel = reader_app.screen.query_one(DemoPanel)
        assert panel.display
        await wait_for_demo(pilot)
        text = log_text(reader_app)
        assert "squared error" in text.casefold() and "all self-checks passed" in text
        assert "ε" in text  # the paper's own symbol, not the demo's default
        assert shown(panel.query_one("#demo-title", Static)).endswith("finished")
    assert ("information", "demo squared_error finished") in notifications(messages)


async def test_x_kills_a_running_demo(reader_app: EqlensApp,
                                      wait_for_workers: WaitForWorkers,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    fake_demo(monkeypatch, "import time\nprint('working', flush=True)\ntime.sleep(60)")
    async with reader_app.run_test(size=(120, 40)) as pilot:
        await wait_for_workers(pilot)
        await pilot.press("j", "d")
        panel = reader_app.screen.query_one(DemoPanel)
        for _ in range(100):
            await pilot.pause(0.05)
            if "working" in log_text(reader_app):
                break
        assert panel.running
        await pilot.press("x")
        await wait_for_demo(pilot)
        assert not panel.running
        assert shown(panel.query_one("#demo-title", Static)).endswith("stopped")
        await pilot.press("x")
        assert not panel.display


async def test_a_demo_needing_torch_shows_its_one_line_message(
        reader_app: EqlensApp, wait_for_workers: WaitForWorkers,
        monkeypatch: pytest.MonkeyPatch) -> None:
    fake_demo(monkeypatch, "print('demo vae needs PyTorch: pip install \"eqlens[torch]\"')\n"
                           "raise SystemExit(3)")
    messages: list[Message] = []
    async with reader_app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await wait_for_workers(pilot)
        await pilot.press("j", "d")
        await wait_for_demo(pilot)
        assert notifications(messages) == [
            ("error", 'demo vae needs PyTorch: pip install "eqlens[torch]"')]
        title = shown(reader_app.screen.query_one("#demo-title", Static))
        assert title.endswith("failed (exit 3)")


async def test_d_without_a_pattern_says_why(reader_app: EqlensApp,
                                            wait_for_workers: WaitForWorkers) -> None:
    messages: list[Message] = []
    async with reader_app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        screen = await wait_for_workers(pilot)
        plain = next(i for i in screen.reading.display_ids
                     if not screen.reading.annotations[i].patterns)
        screen.panes.select(plain)
        await pilot.press("d")
        assert not screen.query_one(DemoPanel).display
        assert any("recognised pattern" in text for _, text in notifications(messages))
