"""Write or edit a note: a text area, ctrl+s (or Save) keeps it, escape drops it.

Returns a :class:`NoteDraft` and leaves saving to the screen, so the dialog never touches the
sidecar; editing an existing note also offers Delete (the screen asks to confirm).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, TextArea

HINT = "Markdown and $math$ welcome  ·  ctrl+s save  ·  esc cancel"


@dataclass(frozen=True, slots=True)
class NoteDraft:
    """What the user decided: keep ``text``, or (for an existing note) delete it."""

    text: str
    delete: bool = False


class NoteEditor(ModalScreen[NoteDraft | None]):
    """A modal text area; None on escape or Cancel."""

    DEFAULT_CSS = """
    NoteEditor { align: center middle; }
    NoteEditor > Vertical {
        width: 80; max-width: 95%; height: auto; max-height: 90%; padding: 1 2;
        border: thick $primary; background: $surface;
    }
    NoteEditor #note-title { text-style: bold; }
    NoteEditor TextArea { height: 10; margin: 1 0 0 0; }
    NoteEditor #note-hint { color: $text-muted; }
    NoteEditor Horizontal { height: auto; margin: 1 0 0 0; }
    NoteEditor Button { margin: 0 2 0 0; }
    """
    BINDINGS = [
        # Not a priority binding: those run ahead of the keys still queued for the text area,
        # so a fast typist's (or a paste's) last characters could miss the save.
        Binding("ctrl+s", "save", "save"),
        Binding("escape", "dismiss(None)", "cancel"),
    ]

    def __init__(self, title: str, text: str = "", *, deletable: bool = False) -> None:
        super().__init__()
        self.heading = title
        """Which equation (and symbol) the note is on, and whose note it is."""
        self.text = text
        """The note as it was (empty for a new one)."""
        self.deletable = deletable
        """True when editing an existing note: offer Delete."""

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.heading, id="note-title", markup=False)
            yield TextArea(self.text, id="note-text", soft_wrap=True)
            yield Label(HINT, id="note-hint", markup=False)
            with Horizontal():
                yield Button("Save", id="note-save", variant="primary")
                if self.deletable:
                    yield Button("Delete", id="note-delete", variant="error")
                yield Button("Cancel", id="note-cancel")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    @on(Button.Pressed, "#note-save")
    def action_save(self) -> None:
        text = self.query_one(TextArea).text.strip()
        if not text:
            self.notify("write something first (esc cancels)", severity="warning", timeout=3)
            return
        self.dismiss(NoteDraft(text))

    @on(Button.Pressed, "#note-delete")
    def _delete(self) -> None:
        self.dismiss(NoteDraft(self.text, delete=True))

    @on(Button.Pressed, "#note-cancel")
    def _cancel(self) -> None:
        self.dismiss(None)
