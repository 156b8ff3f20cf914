"""The notes that fit no equation of this version of the paper: kept, and readable here.

A new version of a paper may drop an equation a note was written on; the note is never deleted
(the old version may come back, or its text still matters), so the palette lists them here.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label

from reader.notes.model import Note
from reader.tui.widgets.notes_list import NotesList


class OrphanNotes(ModalScreen[None]):
    """The notes that fit no equation of this version of the paper, read-only."""

    DEFAULT_CSS = """
    OrphanNotes { align: center middle; }
    OrphanNotes > VerticalScroll {
        width: 80; max-width: 95%; height: 80%; padding: 0 1;
        border: thick $warning; background: $surface;
    }
    """
    BINDINGS = [Binding("escape,q", "dismiss(None)", "close", show=False)]

    def __init__(self, notes: Sequence[Note], where: str) -> None:
        super().__init__()
        self.notes = tuple(notes)
        self.where = where
        """The sidecar's name: the notes stay there."""

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Label(f"Notes on equations this version no longer has (kept in {self.where}; "
                        "esc closes):", markup=False)
            yield NotesList(id="orphan-list")

    def on_mount(self) -> None:
        self.query_one(NotesList).show(self.notes, read_only=True, origin=True)
