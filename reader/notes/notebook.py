"""The notes of one open paper, and the only way to change them: add, edit, delete.

Every change is saved at once (atomically, see :mod:`reader.atomic_files`), so quitting,
a crash or a killed terminal never loses a note that the reader showed as saved. A sidecar that
could not be read makes the notebook read-only for as long as it is open: its ``problem`` says
why, and every change raises it instead of touching the file.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from reader.model import Paper
from reader.notes.author import note_author
from reader.notes.errors import NotesError, UnreadableNotesError
from reader.notes.model import Anchor, Note
from reader.notes.sidecar import load_notes, paper_info, sidecar_path, update_notes
from reader.notes.sidecar_format import PaperInfo

Change = Callable[[tuple[Note, ...]], Iterable[Note]]
"""What a mutation does to the notes currently on disk."""


def now() -> str:
    """The current UTC time as notes store it (ISO 8601, seconds, ``Z``)."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def new_note_id() -> str:
    """A fresh note id: random, so two readers adding notes at once never collide."""
    return secrets.token_hex(6)


class NoteBook:
    """A paper's notes as last saved or read, and the sidecar they are kept in."""

    def __init__(self, path: Path, info: PaperInfo, notes: tuple[Note, ...] = (),
                 problem: UnreadableNotesError | None = None) -> None:
        self.path = path
        """The sidecar file (it may not exist until the first note is saved)."""
        self.info = info
        """The header written with the notes."""
        self.notes = notes
        """Every note, in file order."""
        self.problem = problem
        """Why the sidecar could not be read; while set, the notebook is read-only."""

    @classmethod
    def open(cls, paper: Paper) -> NoteBook:
        """The notebook of ``paper``; an unreadable sidecar gives a read-only, empty one."""
        return cls.at(sidecar_path(paper), paper_info(paper))

    @classmethod
    def at(cls, path: Path, info: PaperInfo) -> NoteBook:
        """The notebook kept in ``path`` (for tools and tests that have no Paper)."""
        try:
            return cls(path, info, load_notes(path))
        except UnreadableNotesError as err:
            return cls(path, info, (), err)

    @property
    def read_only(self) -> bool:
        """True when changes are refused because the sidecar could not be read."""
        return self.problem is not None

    def note(self, note_id: str) -> Note:
        """The note with this id; NotesError when there is none (deleted meanwhile)."""
        for note in self.notes:
            if note.id == note_id:
                return note
        raise NotesError(f"no note {note_id} in {self.path}")

    def add(self, anchor: Anchor, text: str, *, author: str | None = None) -> Note:
        """Save a new note on ``anchor`` by ``author`` (default: :func:`note_author`)."""
        note = Note(id=new_note_id(), anchor=anchor, author=author or note_author(),
                    created=now(), text=text)
        self._save(lambda notes: (*notes, note))
        return note

    def edit(self, note_id: str, text: str) -> Note:
        """Replace a note's text and stamp ``updated``; an unchanged text saves nothing."""
        old = self.note(note_id)
        if text == old.text:
            return old
        new = replace(old, text=text, updated=now())

        def change(notes: tuple[Note, ...]) -> tuple[Note, ...]:
            if all(n.id != note_id for n in notes):
                raise NotesError(f"note {note_id} was deleted from {self.path} meanwhile")
            return tuple(new if n.id == note_id else n for n in notes)

        self._save(change)
        return new

    def delete(self, note_id: str) -> Note:
        """Remove a note (already gone from the file is fine: the goal is reached)."""
        old = self.note(note_id)
        self._save(lambda notes: tuple(n for n in notes if n.id != note_id))
        return old

    def _save(self, change: Change) -> None:
        if self.problem is not None:
            raise NotesError(self.problem.message)
        try:
            self.notes = update_notes(self.path, self.info, change)
        except UnreadableNotesError as err:
            self.problem = err
            raise
