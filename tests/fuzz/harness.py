"""The fuzz tests' settings and their hang guard, shared by every property of ``tests/fuzz``.

Two hypothesis profiles, picked with ``EQLENS_FUZZ`` (see the folder's ``conftest.py``): ``ci``
is derandomized and small enough for every run of the suite, ``long`` is the overnight session.
They are applied per test with :data:`FUZZ` rather than with ``settings.load_profile``, because
loading a profile from a conftest would silently change the settings of every other hypothesis
test collected in the same session.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager

from hypothesis import HealthCheck, settings

HANG_SECONDS = 10.0
"""Wall-clock budget of one call under :func:`no_hang`: generous, since this is a hang guard
and not a speed assertion (real equations take milliseconds; speed lives in benchmarks)."""

_SLOW_INPUTS = [HealthCheck.too_slow, HealthCheck.data_too_large]

settings.register_profile(
    "ci", max_examples=150, derandomize=True, database=None, deadline=None,
    suppress_health_check=_SLOW_INPUTS,
)
settings.register_profile(
    "long", max_examples=20_000, derandomize=False, deadline=None, print_blob=True,
    suppress_health_check=_SLOW_INPUTS,
)

PROFILE = os.environ.get("EQLENS_FUZZ", "ci")
"""``ci`` (the default) or ``long``."""

FUZZ = settings.get_profile(PROFILE)
"""Decorate each property with ``@FUZZ`` (or ``@settings(FUZZ, max_examples=...)``)."""


class Hang(Exception):
    """A call ran past :data:`HANG_SECONDS`: a loop that never ends, or a blow-up close to one."""


@contextmanager
def no_hang(subject: object, seconds: float = HANG_SECONDS) -> Iterator[None]:
    """Run the block under a wall-clock watchdog; raise :class:`Hang` naming ``subject`` if it
    overruns, so a hang fails with its input instead of stalling CI.

    SIGALRM interrupts pure-Python loops, which is where our code would spin; it needs the main
    thread, which is where pytest runs tests. Elsewhere (or on Windows) the guard is a no-op.
    """
    if not hasattr(signal, "setitimer") or not _in_main_thread():
        yield
        return

    def alarm(signum: int, frame: object) -> None:
        raise Hang(f"no result after {seconds:g} s for input {subject!r}")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _in_main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()
