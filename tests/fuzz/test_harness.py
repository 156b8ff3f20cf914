"""The hang guard itself: a call that runs too long fails with its input, a quick one passes."""

from __future__ import annotations

import pytest

from tests.fuzz.harness import Hang, no_hang


def test_a_call_that_never_returns_fails_naming_its_input() -> None:
    with pytest.raises(Hang, match="'spin forever'"), no_hang("spin forever", seconds=0.05):
        while True:
            pass


def test_a_quick_call_passes_and_leaves_no_alarm_behind() -> None:
    with no_hang("x", seconds=0.05):
        total = sum(range(100))
    assert total == 4950
    import signal

    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
