"""What can go wrong with a notes sidecar, as one-line errors the reader can show.

A sidecar that cannot be read (bad JSON, wrong shape, a format from a newer eqlens) is someone's
work: the store refuses to write over it, so the error carries the file and stays attached to the
notebook for as long as it is open, and every later save is refused with the same reason.
"""

from __future__ import annotations

from reader.errors import EqlensError


class NotesError(EqlensError):
    """Notes cannot be saved or changed (read-only sidecar, a folder that refuses writes...)."""


class UnreadableNotesError(NotesError):
    """The sidecar exists but cannot be read; it must never be overwritten."""
