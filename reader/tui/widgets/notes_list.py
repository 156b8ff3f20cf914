"""The reading-group notes on the selected equation, each with its author, time and text.

Clicking a note (or its "edit" button) asks for the editor, "delete" asks to delete it; the
screen owns the notebook and does both, so this widget only shows and reports. It is rebuilt
only when the notes change, not on every hover that redraws the inspector.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Markdown, Static

from reader.notes.model import Note
from reader.tui.note_text import about, byline, note_markdown


class NoteItem(Vertical):
    """One note: byline with edit/delete buttons, then the Markdown text."""

    def __init__(self, note: Note, *, read_only: bool, origin: bool = False) -> None:
        super().__init__(classes="note-item")
        self.note = note
        self.read_only = read_only
        """Read-only notes (unreadable sidecar, orphans) get no buttons."""
        self.origin = origin
        """Say which equation the note was written on (for orphans, which have none here)."""

    def compose(self) -> ComposeResult:
        with Horizontal(classes="note-head"):
            yield Static(byline(self.note), classes="note-byline", markup=False)
            if not self.read_only:
                yield Button("edit", classes="note-edit", compact=True)
                yield Button("delete", classes="note-delete", compact=True)
        if self.origin:
            yield Static(f"written on {about(self.note.anchor)}", classes="note-origin",
                         markup=False)
        yield Markdown(note_markdown(self.note.text), classes="note-text")

    def on_click(self, event: events.Click) -> None:
        if not self.read_only:
            event.stop()
            self.post_message(NotesList.EditRequested(self.note))

    @on(Button.Pressed, ".note-edit")
    def _edit(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(NotesList.EditRequested(self.note))

    @on(Button.Pressed, ".note-delete")
    def _delete(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(NotesList.DeleteRequested(self.note))


class NotesList(Vertical):
    """The notes of one equation, oldest first."""

    @dataclass
    class EditRequested(Message):
        """The user wants to edit this note."""

        note: Note

    @dataclass
    class DeleteRequested(Message):
        """The user wants to delete this note (the screen confirms first)."""

        note: Note

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[tuple[Note, ...], bool, bool] | None = None

    def show(self, notes: Sequence[Note], *, read_only: bool = False,
             origin: bool = False) -> None:
        """List ``notes``; nothing is redrawn when they are the ones already shown."""
        wanted = (tuple(notes), read_only, origin)
        if wanted == self._shown:
            return
        self._shown = wanted
        self.remove_children()
        self.mount_all([NoteItem(note, read_only=read_only, origin=origin) for note in notes])
