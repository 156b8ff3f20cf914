"""Tiny terminal plots: line and scatter charts in plain Unicode, 60x15 cells by default.

The reader streams demo output into an 80-column panel, so plots are fixed-width text with no
colour. A single series is drawn in braille (2x4 dots per cell, smooth curves); several series
fall back to one marker character per cell so they stay distinguishable without colour.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence

from demos.result import Plot, Series

WIDTH = 60
HEIGHT = 15
MARKERS = ("•", "+", "o", "x", "*", "#")
_BRAILLE_BITS = ((0x01, 0x08), (0x02, 0x10), (0x04, 0x20), (0x40, 0x80))
_LABEL_WIDTH = 9


def render_plot(plot: Plot, width: int = WIDTH, height: int = HEIGHT) -> list[str]:
    """Lines of text for ``plot``: title, y-axis with min/max, canvas, x-axis, legend."""
    points = [_finite(s, plot.log_x, plot.log_y) for s in plot.series]
    xs = [x for pts in points for x, _ in pts]
    ys = [y for pts in points for _, y in pts]
    if not xs:
        return [plot.title, "  (nothing finite to plot)"]
    x_range, y_range = _span(xs), _span(ys)
    braille = len(plot.series) == 1
    sub_w, sub_h = (2, 4) if braille else (1, 1)
    grid = _Grid(width * sub_w, height * sub_h)
    for index, (series, pts) in enumerate(zip(plot.series, points, strict=True)):
        pixels = [grid.to_pixel(x, y, x_range, y_range) for x, y in pts]
        if not series.points:
            pixels = _connect(pixels)
        grid.mark(pixels, index)
    rows = grid.braille_rows(width, height) if braille else grid.marker_rows()
    return _frame(plot, rows, x_range, y_range, width)


class _Grid:
    """A pixel grid remembering which series touched each pixel."""

    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.cells: dict[tuple[int, int], int] = {}

    def to_pixel(
        self, x: float, y: float, x_range: tuple[float, float], y_range: tuple[float, float]
    ) -> tuple[int, int]:
        col = round((x - x_range[0]) / (x_range[1] - x_range[0]) * (self.width - 1))
        row = round((y_range[1] - y) / (y_range[1] - y_range[0]) * (self.height - 1))
        return col, row

    def mark(self, pixels: Sequence[tuple[int, int]], index: int) -> None:
        for pixel in pixels:
            self.cells[pixel] = index  # later series draw on top (a fit over its data)

    def marker_rows(self) -> list[str]:
        rows = [[" "] * self.width for _ in range(self.height)]
        for (col, row), index in self.cells.items():
            rows[row][col] = MARKERS[index % len(MARKERS)]
        return ["".join(row) for row in rows]

    def braille_rows(self, width: int, height: int) -> list[str]:
        codes = [[0] * width for _ in range(height)]
        for col, row in self.cells:
            codes[row // 4][col // 2] |= _BRAILLE_BITS[row % 4][col % 2]
        return ["".join(chr(0x2800 + c) if c else " " for c in line) for line in codes]


def _finite(series: Series, log_x: bool, log_y: bool) -> list[tuple[float, float]]:
    """Drop NaN/inf (a diverged run) and non-positive values on log axes."""
    out = []
    for x, y in zip(series.x, series.y, strict=True):
        x, y = _maybe_log(float(x), log_x), _maybe_log(float(y), log_y)
        if math.isfinite(x) and math.isfinite(y):
            out.append((x, y))
    return out


def _maybe_log(value: float, log: bool) -> float:
    if not log:
        return value
    return math.log10(value) if value > 0 else math.nan


def _span(values: Sequence[float]) -> tuple[float, float]:
    """Min and max, widened when flat so a constant series still gets a middle row."""
    low, high = min(values), max(values)
    if high - low < 1e-12 * max(1.0, abs(high)):
        pad = max(1e-3, abs(high) * 0.1)
        return low - pad, high + pad
    return low, high


def _connect(pixels: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Fill the gaps between consecutive pixels so a line reads as a line."""
    if len(pixels) < 2:
        return pixels
    out: list[tuple[int, int]] = []
    for (c0, r0), (c1, r1) in zip(pixels, pixels[1:], strict=False):
        steps = max(abs(c1 - c0), abs(r1 - r0), 1)
        out.extend(
            (round(c0 + (c1 - c0) * k / steps), round(r0 + (r1 - r0) * k / steps))
            for k in range(steps)
        )
    out.append(pixels[-1])
    return out


def _num(value: float, log: bool = False) -> str:
    value = 10**value if log else value
    return f"{value + 0.0:.3g}"  # + 0.0 turns -0.0 into 0.0


def _frame(
    plot: Plot,
    rows: list[str],
    x_range: tuple[float, float],
    y_range: tuple[float, float],
    width: int,
) -> list[str]:
    y_label = f"{plot.y_label} (log scale)" if plot.log_y else plot.y_label
    top, bottom = _num(y_range[1], plot.log_y), _num(y_range[0], plot.log_y)
    label_width = max(_LABEL_WIDTH - 1, len(top), len(bottom))
    pad = " " * (label_width + 1)
    lines = [plot.title, f"{pad}{y_label}"]
    for index, row in enumerate(rows):
        label = top if index == 0 else bottom if index == len(rows) - 1 else ""
        tick = "┤" if label else "│"
        lines.append(f"{label:>{label_width}} {tick}{row}".rstrip())
    lines.append(f"{pad}└{'─' * width}")
    left, right = _num(x_range[0], plot.log_x), _num(x_range[1], plot.log_x)
    x_label = f"{plot.x_label} (log scale)" if plot.log_x else plot.x_label
    middle = x_label.center(max(width - len(left) - len(right), 1))
    lines.append(f"{pad} {left}{middle}{right}".rstrip())
    if len(plot.series) > 1:
        legend = "   ".join(
            f"{MARKERS[i % len(MARKERS)]}\u00a0{s.label.replace(' ', chr(0xA0))}"
            for i, s in enumerate(plot.series)
        )
        for part in textwrap.wrap(legend, width + 1):
            lines.append(f"{pad} {part.replace(chr(0xA0), ' ')}")
    elif plot.series[0].label:
        lines.append(f"{pad} {plot.series[0].label}")
    return lines
