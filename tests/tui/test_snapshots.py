"""Pictures of the main screen at the smallest and a roomy terminal size.

Regenerate with ``pytest tests/tui/test_snapshots.py --snapshot-update`` only after looking at
the report: a changed picture is a changed screen.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot

from tests.tui.conftest import settle

APP = Path(__file__).parent / "snapshot_app.py"

SnapCompare = Callable[..., bool]
"""pytest-textual-snapshot's ``snap_compare`` fixture."""


async def ready(pilot: Pilot) -> None:
    """Annotated, first equation selected (j).

    The paper's opening lines stay off screen on purpose: the sample's ``\\maketitle`` currently
    renders as a paragraph carrying today's date, which would change the picture every day.
    """
    await settle(pilot)
    await pilot.press("j")
    await pilot.pause()


async def on_the_diffusion_loss(pilot: Pilot) -> None:
    """The noise-prediction loss selected, its ε lit with h/l: highlight and tint visible."""
    await settle(pilot)
    await pilot.press("g", *"ddpm-loss", "enter", "l", "l", "l", "l", "l", "l")
    await pilot.pause()


def test_main_screen_80x24(snap_compare: SnapCompare) -> None:
    assert snap_compare(APP, terminal_size=(80, 24), run_before=ready)


def test_main_screen_160x48(snap_compare: SnapCompare) -> None:
    assert snap_compare(APP, terminal_size=(160, 48), run_before=ready)


def test_symbol_and_pattern_highlight_160x48(snap_compare: SnapCompare) -> None:
    assert snap_compare(APP, terminal_size=(160, 48), run_before=on_the_diffusion_loss)
