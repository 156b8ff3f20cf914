"""What a note is: plain frozen dataclasses shared by the reader, the sidecar store and exporters.

A note hangs on an equation through an :class:`Anchor` that records three independent ways to
find it again (label, printed number, LaTeX), because a new version of a paper renumbers its
equations and may retouch their LaTeX; whichever survives re-attaches the note.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a note was written: enough to find the same equation in another version."""

    equation_id: str
    """The id in the version the note was written on (``eq-12``); the weakest clue."""
    label: str | None = None
    """The equation's ``\\label`` key; survives renumbering."""
    number: str | None = None
    """The printed number ("3", "2.1") at the time of writing."""
    latex: str = ""
    """The equation's LaTeX at the time of writing; survives relabelling."""
    symbol: str | None = None
    """The LaTeX of the pinned symbol the note is about, or None for the whole equation."""


@dataclass(frozen=True, slots=True)
class Note:
    """One note by one person on one equation (or one symbol of it)."""

    id: str
    """Unique and stable (a short random hex string); the sidecar orders and merges by it."""
    anchor: Anchor
    author: str
    created: str
    """ISO 8601 UTC time with seconds, e.g. ``2026-11-21T14:03:00Z``."""
    text: str
    """Markdown; ``$..$`` math allowed."""
    updated: str | None = None
    """ISO 8601 UTC time of the last edit, None when never edited."""
