"""A one-line download progress bar on standard error, drawn only on a terminal.

Downloading a large e-print takes seconds; without feedback ``eqlens open 2006.11239`` looks hung.
Piped or logged runs get nothing, because carriage-return animations make logs unreadable.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

_BAR_WIDTH = 24
_REDRAW_SECONDS = 0.1
"""At most ten redraws a second: a fast download would otherwise spend its time drawing."""


class TerminalProgress:
    """A ``ProgressFn`` (bytes done, total or None) that draws ``label [#####   ] 42% 1.2/3 MB``.

    Use it as a context manager so the line is cleared when the download ends or fails.
    """

    def __init__(self, label: str, stream: TextIO | None = None) -> None:
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = _is_terminal(self.stream)
        self._drawn = 0
        self._last = 0.0

    def __call__(self, done: int, total: int | None) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last < _REDRAW_SECONDS and done != total:
            return
        self._last = now
        self._draw(render(self.label, done, total))

    def close(self) -> None:
        """Erase the bar, leaving the terminal as it was for the messages that follow."""
        if self._drawn:
            self.stream.write("\r" + " " * self._drawn + "\r")
            self.stream.flush()
            self._drawn = 0

    def __enter__(self) -> TerminalProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _draw(self, line: str) -> None:
        padding = " " * max(0, self._drawn - len(line))
        self.stream.write("\r" + line + padding)
        self.stream.flush()
        self._drawn = max(self._drawn, len(line))


def render(label: str, done: int, total: int | None) -> str:
    """The bar's text; without a total (no Content-Length) only the bytes so far."""
    if not total:
        return f"{label}  {_megabytes(done)} MB"
    fraction = min(done / total, 1.0)
    filled = round(fraction * _BAR_WIDTH)
    bar = "#" * filled + " " * (_BAR_WIDTH - filled)
    return (f"{label}  [{bar}] {fraction:4.0%}  "
            f"{_megabytes(done)}/{_megabytes(total)} MB")


def _megabytes(count: int) -> str:
    return f"{count / 1_000_000:.1f}"


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
