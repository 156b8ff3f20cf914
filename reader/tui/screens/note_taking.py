"""Reading-group notes on the reading screen: n writes one, e edits, the inspector lists them.

A mixin of :class:`ReaderScreen`, kept apart so the screen stays about reading. The notebook
(reader.notes) does the saving; this part chooses what a note is about (the selected equation,
or its pinned symbol), opens the editor, confirms deletions and redraws the outline markers and
the inspector after each change. An unreadable sidecar leaves the notes read-only: the reader
says why once, and every attempt to change a note says it again.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from reader.notes.anchoring import anchor_for
from reader.notes.errors import NotesError
from reader.notes.model import Anchor, Note
from reader.notes.notebook import NoteBook
from reader.tui.dialogs import ConfirmDialog, NoteDraft, NoteEditor, NotePicker, OrphanNotes
from reader.tui.messages import NotesLoaded
from reader.tui.note_text import about
from reader.tui.widgets import Outline
from reader.tui.widgets.notes_list import NotesList

if TYPE_CHECKING:
    from reader.tui.screens.reader_screen import ReaderScreen

    _Base = ReaderScreen
else:
    _Base = object


class NoteTaking(_Base):
    """Actions and handlers for notes; expects ReaderScreen's ``reading`` and ``panes``."""

    def on_notes_loaded(self, message: NotesLoaded) -> None:
        if self.reading is None:
            return
        notebook = message.notebook
        self.reading.attach_notes(notebook)
        self.query_one(Outline).show(self.reading, self.filter_key)
        self.panes.refresh_inspector()
        if notebook.problem is not None:
            self.notify(notebook.problem.message, title="notes are read-only", severity="error",
                        timeout=20, markup=False)
        elif orphans := self.reading.notes.orphans:
            self.notify(f"{len(orphans)} note(s) fit no equation of this version; they stay in "
                        f"{notebook.path.name} (palette: orphaned notes)", severity="warning",
                        timeout=8, markup=False)

    def _notebook(self) -> NoteBook | None:
        """The writable notebook, or None after telling the user why there is none."""
        notebook = self.reading.notebook if self.reading else None
        if notebook is None:
            self.notify("the notes are not read yet", timeout=2)
        elif notebook.problem is not None:
            self.notify(notebook.problem.message, title="notes are read-only", severity="error",
                        timeout=8, markup=False)
            return None
        return notebook

    def action_add_note(self) -> None:
        view = self.panes.selected_view()
        if view is None:
            self.notify("select an equation first (j, or click one)", timeout=3)
            return
        if self._notebook() is None:
            return
        symbol = None
        if self.panes.pinned and view.symbol is not None and view.symbol < len(view.symbols):
            symbol = view.symbols[view.symbol].get("latex")
        anchor = anchor_for(view.equation, symbol)
        self.app.push_screen(NoteEditor(f"New note on {about(anchor)}"),
                             partial(self._added, anchor))

    def _added(self, anchor: Anchor, draft: NoteDraft | None) -> None:
        notebook = self._notebook() if draft is not None else None
        if draft is not None and notebook is not None:
            self._change(lambda: notebook.add(anchor, draft.text))

    def action_edit_note(self) -> None:
        notes = self.reading.notes_on(self.panes.selected) if self.reading else []
        if not notes:
            self.notify("no notes on this equation; n writes one", timeout=3)
        elif len(notes) == 1:
            self.edit_note(notes[0])
        else:
            self.app.push_screen(NotePicker("Edit which note?", notes),
                                 lambda chosen: self._picked(notes, chosen))

    def _picked(self, notes: list[Note], chosen: str | None) -> None:
        for note in notes:
            if note.id == chosen:
                self.edit_note(note)

    def edit_note(self, note: Note) -> None:
        """Open the editor on ``note``; Save replaces its text, Delete asks to confirm."""
        if self._notebook() is None:
            return
        title = f"{note.author}'s note on {about(self.reading.note_place(note))}"
        self.app.push_screen(NoteEditor(title, note.text, deletable=True),
                             partial(self._edited, note))

    def _edited(self, note: Note, draft: NoteDraft | None) -> None:
        notebook = self._notebook() if draft is not None else None
        if draft is None or notebook is None:
            return
        if draft.delete:
            self.delete_note(note)
        else:
            self._change(lambda: notebook.edit(note.id, draft.text))

    def delete_note(self, note: Note) -> None:
        """Ask, then delete ``note`` from the sidecar."""
        if self._notebook() is None:
            return
        question = f"Delete {note.author}'s note on {about(self.reading.note_place(note))}?"
        self.app.push_screen(ConfirmDialog(question, "Delete"),
                             partial(self._deleted, note))

    def _deleted(self, note: Note, confirmed: bool | None) -> None:
        notebook = self._notebook() if confirmed else None
        if notebook is not None and self._change(lambda: notebook.delete(note.id)):
            self.notify("note deleted", timeout=2)

    def _change(self, change: Callable[[], object]) -> bool:
        """Run a notebook change, then redraw; a refused save is one line, never a crash."""
        try:
            change()
            done = True
        except NotesError as err:
            self.notify(err.message, title="note not saved", severity="error", timeout=10,
                        markup=False)
            done = False
        if self.reading is not None and self.reading.notebook is not None:
            self.reading.attach_notes(self.reading.notebook)
            self.query_one(Outline).show(self.reading, self.filter_key)
            self.panes.refresh_inspector()
        return done

    def action_show_orphans(self) -> None:
        notebook = self.reading.notebook if self.reading else None
        if notebook is None or not self.reading.notes.orphans:
            self.notify("every note fits an equation of this paper", timeout=3)
            return
        self.app.push_screen(OrphanNotes(self.reading.notes.orphans, notebook.path.name))

    def on_notes_list_edit_requested(self, message: NotesList.EditRequested) -> None:
        self.edit_note(message.note)

    def on_notes_list_delete_requested(self, message: NotesList.DeleteRequested) -> None:
        self.delete_note(message.note)

