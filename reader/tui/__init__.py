"""The terminal reader: outline, 2-D equations, inspector, demos (Textual).

Only this package imports Textual, and only when the app itself is wanted: ``EqlensApp`` is
resolved lazily so the pure helpers here (reading, inline_math, drawing, demo_process) stay
importable, and testable, without loading Textual.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.tui.app import EqlensApp

__all__ = ["EqlensApp"]


def __getattr__(name: str) -> Any:
    if name == "EqlensApp":
        from reader.tui.app import EqlensApp

        return EqlensApp
    raise AttributeError(f"module 'reader.tui' has no attribute {name!r}")
