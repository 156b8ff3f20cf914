"""A one-line error the user must acknowledge (a paper that cannot be read), never a traceback."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label


class ErrorDialog(ModalScreen[None]):
    """Shows the message and an OK button; enter, escape or OK close it."""

    DEFAULT_CSS = """
    ErrorDialog { align: center middle; }
    ErrorDialog > Vertical {
        width: 70; height: auto; padding: 1 2; border: thick $error; background: $surface;
    }
    ErrorDialog Button { margin-top: 1; }
    """
    BINDINGS = [Binding("escape", "dismiss(None)", "close", show=False)]

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message
        """The one-line reason, as reader.errors words it."""

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.message, id="error-message", markup=False)
            yield Button("OK", id="error-ok", variant="error")

    def on_mount(self) -> None:
        self.query_one(Button).focus()

    @on(Button.Pressed, "#error-ok")
    def _ok(self) -> None:
        self.dismiss(None)
