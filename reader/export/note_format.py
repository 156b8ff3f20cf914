"""How a note's metadata reads in an export: who, when, and which symbol it is about."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.notes.model import Note


def short_time(stamp: str) -> str:
    """``2026-11-21T14:03:00Z`` as ``2026-11-21 14:03``; anything else as written."""
    if len(stamp) >= 16 and stamp[10] == "T":
        return f"{stamp[:10]} {stamp[11:16]}"
    return stamp


def note_when(note: Note) -> str:
    """``2026-11-21 14:03`` or ``2026-11-21 14:03, edited 2026-11-22 09:10`` (UTC)."""
    when = short_time(note.created)
    if note.updated and note.updated != note.created:
        when += f", edited {short_time(note.updated)}"
    return when
