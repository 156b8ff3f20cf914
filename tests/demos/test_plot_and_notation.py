"""The terminal plot fits an 80-column panel; notation fills only known roles."""

from __future__ import annotations

import math

import pytest

from demos.notation import BindingsError, Notation, parse_bindings
from demos.plot import render_plot
from demos.report import format_gap
from demos.result import Plot, Series


def test_single_series_uses_braille_and_fits_80_columns() -> None:
    xs = tuple(float(i) for i in range(100))
    lines = render_plot(Plot("sine", (Series("s", xs, tuple(math.sin(x / 10) for x in xs)),)))
    assert max(len(line) for line in lines) <= 80
    assert any("\u2800" < ch <= "\u28ff" for ch in "".join(lines))
    assert lines[2].lstrip().split()[0] in {"1", "0.9", "0.99", "1.0"}


def test_several_series_use_markers_and_a_legend() -> None:
    a = Series("up", (0.0, 1.0), (0.0, 1.0))
    b = Series("down", (0.0, 1.0), (1.0, 0.0), points=True)
    lines = render_plot(Plot("x", (a, b), x_label="t"))
    assert lines[-1].strip() == "• up   + down"
    assert "t" in lines[-2]


def test_log_axes_label_original_values_and_skip_nonpositive() -> None:
    plot = Plot("p", (Series("s", (1.0, 10.0, 100.0), (1e-3, 0.0, 1.0)),), log_x=True, log_y=True)
    text = "\n".join(render_plot(plot))
    assert "0.001 ┤" in text and "(log scale)" in text


def test_nothing_finite() -> None:
    assert render_plot(Plot("p", (Series("s", (1.0,), (math.nan,)),)))[1].strip().startswith("(")


def test_notation_fills_known_roles_only() -> None:
    notation = parse_bindings('{"target": "ε", "extra": "z"}', {"target": "y", "prediction": "ŷ"})
    assert notation.fill("{target} − {prediction} {unknown}") == "ε − ŷ {unknown}"
    assert notation.ignored == ("extra",)
    assert Notation({"a": "α"}).bound_roles({"a": "a"}) == {"a": "α"}


@pytest.mark.parametrize("raw", ["{", "3", '{"target": null}'])
def test_bad_bindings_raise(raw: str) -> None:
    with pytest.raises(BindingsError):
        parse_bindings(raw, {"target": "y"})


def test_gap_format() -> None:
    assert format_gap(3e-9) == "3e-9"
    assert format_gap(0.0) == "0"
    assert format_gap(1.234) == "1.23"
