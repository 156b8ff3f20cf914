"""Messages that cross the whole reader: from workers to the screen, from palette to screen.

Workers run in threads and may only post messages (never touch widgets), so everything they
learn arrives as one of these. Widget-local messages live nested in their widget instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from reader.model import AnnotatedEquation, Paper
from reader.notes.notebook import NoteBook


@dataclass
class PaperLoaded(Message):
    """The source was read; the document can be drawn before any equation is annotated."""

    paper: Paper


@dataclass
class NotesLoaded(Message):
    """The paper's notes sidecar was read (or found unreadable: ``notebook.problem``)."""

    notebook: NoteBook


@dataclass
class LoadFailed(Message):
    """The source could not be read; ``message`` is the one-line reason."""

    source: str
    message: str


@dataclass
class PaperFailed(Message):
    """The user has read why a paper could not be opened; the app decides what comes next."""

    message: str


@dataclass
class EquationAnnotated(Message):
    """One more equation has its patterns and symbols."""

    annotated: AnnotatedEquation


@dataclass
class AnnotateProgress(Message):
    """How far annotation has come; only the latest one matters."""

    done: int
    total: int

    def can_replace(self, message: Message) -> bool:
        """A newer progress report makes an unprocessed older one pointless."""
        return isinstance(message, AnnotateProgress)


@dataclass
class DemoFinished(Message):
    """A demo process ended: ``returncode`` None when the user cancelled it."""

    demo_id: str
    returncode: int | None
    message: str


@dataclass
class JumpRequested(Message):
    """Show and select this equation (from the palette or a reference in the prose)."""

    equation_id: str


@dataclass
class FilterRequested(Message):
    """Show only equations containing this pattern/family key; None clears the filter."""

    key: str | None


@dataclass
class OpenRequested(Message):
    """Open another paper over this one (a paper that fails to open leads back here)."""

    source: str
