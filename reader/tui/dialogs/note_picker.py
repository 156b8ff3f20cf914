"""Choose one of several notes on an equation: the one "e" should edit."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from reader.notes.model import Note
from reader.tui.note_text import byline, first_line


class NotePicker(ModalScreen[str | None]):
    """Returns the id of the chosen note, or None on escape."""

    DEFAULT_CSS = """
    NotePicker { align: center middle; }
    NotePicker > Vertical {
        width: 72; max-width: 95%; height: auto; max-height: 80%; padding: 0 1;
        border: thick $primary; background: $surface;
    }
    NotePicker OptionList { height: auto; max-height: 20; }
    """
    BINDINGS = [Binding("escape", "dismiss(None)", "cancel", show=False)]

    def __init__(self, question: str, notes: Sequence[Note]) -> None:
        super().__init__()
        self.question = question
        self.notes = tuple(notes)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.question, markup=False)
            yield OptionList(*(Option(f"{byline(n)}\n  {first_line(n.text, 60)}", id=n.id)
                               for n in self.notes), id="note-options")

    @on(OptionList.OptionSelected, "#note-options")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
