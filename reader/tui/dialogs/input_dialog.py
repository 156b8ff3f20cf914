"""Ask for one line of text: an equation to jump to, a paper to open."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label


class InputDialog(ModalScreen[str | None]):
    """Returns what the user typed (stripped), or None on escape or an empty line."""

    DEFAULT_CSS = """
    InputDialog { align: center middle; }
    InputDialog > Vertical {
        width: 70; max-width: 90%; height: auto; padding: 1 2;
        border: thick $primary; background: $surface;
    }
    """
    BINDINGS = [Binding("escape", "dismiss(None)", "cancel", show=False)]

    def __init__(self, question: str, placeholder: str) -> None:
        super().__init__()
        self.question = question
        """The label above the input."""
        self.placeholder = placeholder
        """An example answer, shown greyed in the empty input."""

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.question)
            yield Input(placeholder=self.placeholder, id="dialog-input")

    @on(Input.Submitted, "#dialog-input")
    def _submit(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)


def jump_dialog() -> InputDialog:
    """Which equation: a number ("3", "(3)") or a label ("eq:nll", "nll")."""
    return InputDialog("Jump to equation (number or label):", "3  or  eq:nll")


def open_dialog() -> InputDialog:
    """Which paper: a .tex file, a folder or an arXiv source tarball."""
    return InputDialog("Open a paper (.tex file, folder or arXiv source tarball):",
                       "path/to/paper.tex")
